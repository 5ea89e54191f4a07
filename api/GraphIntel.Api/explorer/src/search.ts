// Finding an entity by any of its names: the search box in the header, and the entity pickers of the paths mode.
// Both are a text input with a suggestion listbox that follows the typing (debounced; an answer to an older text is
// dropped) and is worked with the keyboard: ArrowDown/ArrowUp move the selection, Enter opens it, Escape closes.
import { gql } from './api';
import { el, replace } from './dom';
import { kindLabel } from './format';

export interface SearchHit {
  score: number;
  matched: string;
  entity: { id: string; name: string; kind: string };
}

// `search` matches whole names and aliases (with spelling variants and misspellings); the name filters of the entity
// lists match any part of a name or alias, which is what a half-typed name needs. Both in one request.
const SEARCH = `query Search($text: String!, $first: Int) {
  search(text: $text, first: $first) { score matched entity { id name kind } }
  organizations(filter: { nameContains: $text }, first: $first) { edges { node { ...Named } } }
  people(filter: { nameContains: $text }, first: $first) { edges { node { ...Named } } }
  places(filter: { nameContains: $text }, first: $first) { edges { node { ...Named } } }
}
fragment Named on Entity { id name kind aliases }`;

const ENTITY_NAME = `query EntityName($id: ID!) { entity(id: $id) { id name kind } }`;

interface Named {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
}

interface SearchData {
  search: SearchHit[];
  organizations: { edges: { node: Named }[] };
  people: { edges: { node: Named }[] };
  places: { edges: { node: Named }[] };
}

/** Case- and accent-insensitive form, as the API's name filter compares. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The entity's spelling that contains the text (one that starts with it first, the name before aliases). */
function spellingContaining(entity: Named, text: string): { spelling: string; prefix: boolean } | undefined {
  const wanted = fold(text);
  const spellings = [entity.name, ...entity.aliases];
  const prefix = spellings.find((s) => fold(s).startsWith(wanted));
  if (prefix) return { spelling: prefix, prefix: true };
  const inner = spellings.find((s) => fold(s).includes(wanted));
  return inner ? { spelling: inner, prefix: false } : undefined;
}

/**
 * Entities whose name or alias matches the text, best first: exact matches, then names starting with the text, then
 * spelling variants and misspellings (by score), then names containing it.
 */
export async function searchEntities(text: string, first = 10, signal?: AbortSignal): Promise<SearchHit[]> {
  const data = await gql<SearchData>({ query: SEARCH, variables: { text, first } }, signal);
  const partial = [...data.organizations.edges, ...data.people.edges, ...data.places.edges].map((e) => e.node);
  const contained = partial
    .map((entity) => ({ entity, found: spellingContaining(entity, text) }))
    .filter((c) => c.found !== undefined)
    .map(({ entity, found }) => ({
      prefix: found!.prefix,
      hit: { score: 0, matched: found!.spelling, entity: { id: entity.id, name: entity.name, kind: entity.kind } },
    }));
  const exact = data.search.filter((h) => h.score >= 1);
  const variants = data.search.filter((h) => h.score < 1);
  const ordered = [
    ...exact,
    ...contained.filter((c) => c.prefix).map((c) => c.hit),
    ...variants,
    ...contained.filter((c) => !c.prefix).map((c) => c.hit),
  ];
  // An entity both found and contained says the spelling the API's search matched.
  const byId = new Map(data.search.map((h) => [h.entity.id, h]));
  const seen = new Set<string>();
  return ordered
    .map((h) => byId.get(h.entity.id) ?? h)
    .filter((h) => !seen.has(h.entity.id) && seen.add(h.entity.id))
    .slice(0, first);
}

const DEBOUNCE_MS = 120;
let nextListId = 0;

interface SuggestOptions {
  input: HTMLInputElement;
  /** The listbox's accessible name. */
  listLabel: string;
  /** Called with the chosen hit (click, or Enter on the selected or else the first one). */
  onChoose: (hit: SearchHit) => void;
  /** Called when the text changes (a picker forgets its choice then). */
  onEdit?: () => void;
}

/**
 * The suggestion list under an input. Every keystroke restarts the debounce; each request aborts the previous one and
 * carries a sequence number, so only the answer to the latest text is ever shown.
 */
class Suggestions {
  readonly list: HTMLUListElement;
  readonly message: HTMLParagraphElement;
  private hits: SearchHit[] = [];
  private selected = -1;
  private timer: number | undefined;
  private sequence = 0;
  private controller: AbortController | undefined;
  private readonly listId = `suggestions-${++nextListId}`;

  constructor(private readonly options: SuggestOptions) {
    const { input, listLabel } = options;
    this.list = el('ul', { id: this.listId, class: 'suggestions', role: 'listbox', 'aria-label': listLabel, hidden: true });
    this.message = el('p', { class: 'suggestions-message', 'aria-live': 'polite', hidden: true });
    input.setAttribute('aria-controls', this.listId);
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('spellcheck', 'false');
    input.addEventListener('input', () => {
      options.onEdit?.();
      this.schedule();
    });
    input.addEventListener('keydown', (event) => this.onKey(event));
    input.addEventListener('focus', () => {
      if (this.hits.length) this.show();
    });
    // Close when focus leaves the input and its list (a click on an option keeps it: mousedown is prevented there).
    input.addEventListener('blur', () => this.close());
    this.list.addEventListener('mousedown', (event) => event.preventDefault());
  }

  close(): void {
    this.list.hidden = true;
    this.message.hidden = true;
    this.options.input.removeAttribute('aria-activedescendant');
    this.setExpanded(false);
  }

  // aria-expanded belongs to a combobox; the header's searchbox role does not allow it.
  private setExpanded(expanded: boolean): void {
    if (this.options.input.getAttribute('role') === 'combobox') this.options.input.setAttribute('aria-expanded', String(expanded));
  }

  /** Forgets the hits and any pending or running lookup. */
  reset(): void {
    window.clearTimeout(this.timer);
    this.controller?.abort();
    this.sequence++;
    this.hits = [];
    this.selected = -1;
    this.list.replaceChildren();
    this.close();
  }

  private show(): void {
    this.list.hidden = this.hits.length === 0;
    this.setExpanded(this.hits.length > 0);
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    const text = this.options.input.value.trim();
    if (!text) {
      this.reset();
      return;
    }
    this.timer = window.setTimeout(() => void this.lookUp(text), DEBOUNCE_MS);
  }

  private async lookUp(text: string): Promise<void> {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const sequence = ++this.sequence;
    try {
      const hits = await searchEntities(text, 10, controller.signal);
      if (sequence !== this.sequence) return;
      this.setHits(hits, hits.length ? '' : `No entity matches “${text}”.`);
    } catch (e) {
      if ((e as Error).name === 'AbortError' || sequence !== this.sequence) return;
      this.setHits([], `Search failed: ${(e as Error).message}`);
    }
  }

  private setHits(hits: SearchHit[], message: string): void {
    this.hits = hits;
    this.selected = -1;
    this.options.input.removeAttribute('aria-activedescendant');
    replace(this.list, ...hits.map((hit, i) => this.option(hit, i)));
    this.message.textContent = message;
    this.message.hidden = !message || document.activeElement !== this.options.input;
    if (document.activeElement === this.options.input) this.show();
  }

  private option(hit: SearchHit, index: number): HTMLLIElement {
    const { name, kind, id } = hit.entity;
    const matchedOther = hit.matched && hit.matched !== name;
    const li = el(
      'li',
      { id: `${this.listId}-${index}`, role: 'option', 'data-id': id, 'aria-selected': 'false' },
      el('span', { class: 'hit-name' }, name),
      el('span', { class: `hit-kind kind-${kind.toLowerCase()}` }, kindLabel(kind)),
      matchedOther ? el('span', { class: 'hit-matched' }, `matched: ${hit.matched}`) : null,
    );
    li.addEventListener('click', () => this.choose(index));
    return li;
  }

  private onKey(event: KeyboardEvent): void {
    const open = !this.list.hidden;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!this.hits.length) return;
        event.preventDefault();
        if (!open) this.show();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const count = this.hits.length;
        this.select(this.selected < 0 ? (step > 0 ? 0 : count - 1) : (this.selected + step + count) % count);
        break;
      }
      case 'Enter':
        if (!open || !this.hits.length) return;
        event.preventDefault();
        this.choose(this.selected < 0 ? 0 : this.selected);
        break;
      case 'Escape':
        if (!open && this.message.hidden) return;
        event.preventDefault();
        this.close();
        break;
    }
  }

  private select(index: number): void {
    this.selected = index;
    const options = this.list.querySelectorAll<HTMLLIElement>('[role="option"]');
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const current = options[index];
    if (current) {
      this.options.input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    }
  }

  private choose(index: number): void {
    const hit = this.hits[index];
    if (!hit) return;
    this.reset();
    this.options.onChoose(hit);
  }
}

/** The header's search box: `onOpen` gets the id of the entity chosen. */
export function searchBox(root: HTMLElement, onOpen: (id: string) => void): void {
  // type=search keeps the searchbox role (and its name "Search"); the listbox is tied to it by aria-controls.
  const input = el('input', { type: 'search', 'aria-label': 'Search', placeholder: 'Search any name or alias…' });
  const suggestions = new Suggestions({
    input,
    listLabel: 'Search results',
    onChoose: (hit) => {
      input.value = '';
      onOpen(hit.entity.id);
    },
  });
  replace(root, el('div', { class: 'combo', role: 'search' }, input, suggestions.list, suggestions.message));
  // "/" focuses the search from anywhere but a text field, as in most analyst tools.
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    event.preventDefault();
    input.focus();
  });
}

/**
 * A labelled entity picker (the paths mode's "From" and "To"): an input with its own suggestion listbox. It shows the
 * name of `initialId` once known; `onPick` gets the chosen id, or undefined when the field is cleared.
 */
export function entityPicker(label: string, initialId: string | undefined, onPick: (id: string | undefined) => void): HTMLElement {
  const inputId = `picker-${++nextListId}`;
  const input = el('input', {
    id: inputId,
    type: 'text',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    placeholder: 'Type a name…',
  });
  let picked = initialId;
  const suggestions = new Suggestions({
    input,
    listLabel: `${label} suggestions`,
    onChoose: (hit) => {
      input.value = hit.entity.name;
      picked = hit.entity.id;
      input.dataset.id = picked;
      onPick(picked);
    },
    onEdit: () => {
      if (input.value.trim() === '' && picked !== undefined) {
        picked = undefined;
        delete input.dataset.id;
        onPick(undefined);
      }
    },
  });
  if (initialId) {
    input.dataset.id = initialId;
    input.value = initialId;
    gql<{ entity: { name: string } | null }>({ query: ENTITY_NAME, variables: { id: initialId } })
      .then((data) => {
        // Only if nobody typed meanwhile.
        if (data.entity && input.value === initialId) input.value = data.entity.name;
      })
      .catch(() => undefined); // The id stays shown; the paths view reports a bad id itself.
  }
  return el(
    'div',
    { class: 'picker' },
    el('label', { for: inputId }, label),
    el('div', { class: 'combo' }, input, suggestions.list, suggestions.message),
  );
}
