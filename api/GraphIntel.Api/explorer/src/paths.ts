// Paths mode: the From/To pickers and the list of paths found, each hop with its status, interval and evidence.
import { el } from './dom';
import { excerpt, intervalText, statusLabel, temporalLabel, typeLabel } from './format';
import type { GraphCitation, GraphModel, GraphPath, GraphRelationship } from './graph-data';
import { entityPicker } from './search';

export interface CitationTarget {
  sourceId: string;
  quote: string;
  location?: { start: number; end: number } | null;
}

/** The From and To pickers; a pick sets the ends of the paths mode (a navigation). */
export function pathEnds(
  from: string | undefined,
  to: string | undefined,
  setEnds: (from: string | undefined, to: string | undefined) => void,
): HTMLElement {
  let ends = { from, to };
  const pick = (change: Partial<typeof ends>) => {
    ends = { ...ends, ...change };
    setEnds(ends.from, ends.to);
  };
  return el(
    'div',
    { class: 'path-ends', role: 'group', 'aria-label': 'Path ends' },
    entityPicker('From', from, (id) => pick({ from: id })),
    entityPicker('To', to, (id) => pick({ to: id })),
  );
}

export function citationButton(citation: GraphCitation, open: (c: CitationTarget) => void): HTMLButtonElement {
  const button = el(
    'button',
    { type: 'button', class: 'citation', 'data-source': citation.source.id },
    el('span', { class: 'citation-source' }, citation.source.title),
    ' ',
    el('q', {}, excerpt(citation.quote)),
  );
  button.addEventListener('click', () =>
    open({ sourceId: citation.source.id, quote: citation.quote, location: citation.location }),
  );
  return button;
}

function hop(rel: GraphRelationship, model: GraphModel, open: (c: CitationTarget) => void): HTMLLIElement {
  const possible = rel.temporalStatus === 'POSSIBLE';
  return el(
    'li',
    { class: 'hop', 'data-id': rel.id, 'data-status': rel.status, 'data-temporal': rel.temporalStatus ?? '' },
    el(
      'p',
      { class: 'hop-fact' },
      el('span', { class: 'hop-from' }, model.name(rel.from.id)),
      ' ',
      el('span', { class: 'hop-type' }, typeLabel(rel.type)),
      ' ',
      el('span', { class: 'hop-to' }, model.name(rel.to.id)),
    ),
    el(
      'p',
      { class: 'hop-meta' },
      el('span', { class: `status status-${rel.status}` }, statusLabel(rel.status)),
      ' · ',
      intervalText(rel.interval),
      possible ? ` · ${temporalLabel(rel.temporalStatus)}` : '',
    ),
    rel.citations.length
      ? el('ul', { class: 'citations', 'aria-label': 'Evidence' }, ...rel.citations.map((c) => el('li', {}, citationButton(c, open))))
      : el('p', { class: 'no-citations' }, 'No citations.'),
  );
}

/**
 * The paths as an ordered list. Hovering or focusing one tells `focus` its index (undefined when left), so the canvas
 * can show that path alone.
 */
export function pathsList(
  paths: GraphPath[],
  model: GraphModel,
  open: (c: CitationTarget) => void,
  focus: (index: number | undefined) => void,
): HTMLElement {
  if (!paths.length) return el('p', { class: 'graph-message' }, 'No path joins these two entities (within 6 hops).');
  const items = paths.map((path, index) => {
    const item = el(
      'li',
      { class: 'path', 'data-length': path.length },
      el('h4', {}, `Path ${index + 1}: ${path.length} ${path.length === 1 ? 'hop' : 'hops'}`),
      el('p', { class: 'path-route' }, path.nodes.map((n) => n.name).join(' → ')),
      el('ol', { class: 'hops', 'aria-label': `Hops of path ${index + 1}` }, ...path.relationships.map((r) => hop(r, model, open))),
    );
    item.addEventListener('mouseenter', () => focus(index));
    item.addEventListener('mouseleave', () => focus(undefined));
    item.addEventListener('focusin', () => focus(index));
    item.addEventListener('focusout', (e) => {
      if (!item.contains(e.relatedTarget as Node | null)) focus(undefined);
    });
    return item;
  });
  return el('ol', { class: 'paths', 'aria-label': 'Paths' }, ...items);
}
