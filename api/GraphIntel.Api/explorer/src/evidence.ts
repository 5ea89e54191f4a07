// The evidence panel: a cited source document, its metadata beside it, and the cited passage highlighted and scrolled
// into view. The passage comes as a TextSpan (offsets in the text with white-space runs collapsed to one space, as the
// API matches quotes) and is mapped back onto the original text; without one, the quote is found by its text.
import { gql } from './api';
import { el, replace } from './dom';
import { dateText } from './format';

export interface SourceDocument {
  id: string;
  title: string;
  publisher: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  text: string;
}

const SOURCE = `query Source($id: ID!) {
  source(id: $id) { id title publisher author published url text }
}`;

/** A span of the original text: [start, end). */
interface Range {
  start: number;
  end: number;
}

// The white space .NET's char.IsWhiteSpace knows (the API collapses by it); JS's \s differs (U+0085, U+FEFF).
const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/**
 * The text as the API normalizes it (trimmed, every white-space run one space) and, for each of its characters, the
 * offset in the original text it stands for (a collapsed run stands for its first character).
 */
export function collapse(text: string): { normalized: string; origin: number[] } {
  let normalized = '';
  const origin: number[] = [];
  let pending = -1;
  for (let i = 0; i < text.length; i++) {
    if (WHITE_SPACE.test(text[i]!)) {
      if (pending < 0 && origin.length > 0) pending = i;
      continue;
    }
    if (pending >= 0) {
      normalized += ' ';
      origin.push(pending);
      pending = -1;
    }
    normalized += text[i];
    origin.push(i);
  }
  return { normalized, origin };
}

/** Maps a span of the collapsed text onto the original; undefined when it does not fit the text. */
export function originalRange(text: string, span: Range): Range | undefined {
  const { origin } = collapse(text);
  if (span.start < 0 || span.end <= span.start || span.end > origin.length) return undefined;
  return { start: origin[span.start]!, end: origin[span.end - 1]! + 1 };
}

/** Finds a quote the way the API matches one (white-space runs match any run); undefined when absent. */
export function findQuote(text: string, quote: string): Range | undefined {
  const wanted = collapse(quote).normalized;
  if (!wanted) return undefined;
  const { normalized, origin } = collapse(text);
  const at = normalized.indexOf(wanted);
  if (at < 0) return undefined;
  return { start: origin[at]!, end: origin[at + wanted.length - 1]! + 1 };
}

/** Parses the URL's `at` ("start-end"). */
function parseAt(at: string | undefined): Range | undefined {
  const m = at ? /^(\d+)-(\d+)$/.exec(at) : null;
  return m ? { start: Number(m[1]), end: Number(m[2]) } : undefined;
}

export class EvidencePanel {
  private readonly cache = new Map<string, Promise<SourceDocument | null>>();
  private shown: { sourceId: string; at?: string; quote?: string } | undefined;
  private sequence = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly onClose: () => void,
  ) {
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.onClose();
      }
    });
  }

  /** Shows the source with its passage highlighted, or hides the panel when there is no source. */
  async show(sourceId: string | undefined, at?: string, quote?: string): Promise<void> {
    const sequence = ++this.sequence;
    if (!sourceId) {
      const hadFocus = this.root.contains(document.activeElement);
      this.shown = undefined;
      this.root.hidden = true;
      replace(this.root);
      if (hadFocus) document.getElementById('entity')?.focus();
      return;
    }
    if (this.shown && this.shown.sourceId === sourceId && this.shown.at === at && this.shown.quote === quote) return;
    this.root.hidden = false;
    replace(this.root, this.header(), el('p', { class: 'loading' }, 'Loading the source…'));
    let source: SourceDocument | null;
    try {
      source = await this.load(sourceId);
    } catch (e) {
      this.cache.delete(sourceId);
      if (sequence !== this.sequence) return;
      replace(this.root, this.header(), el('p', { class: 'error', role: 'alert' }, `The source could not be loaded: ${(e as Error).message}`));
      throw e;
    }
    if (sequence !== this.sequence) return;
    if (!source) {
      replace(this.root, this.header(), el('p', { class: 'error', role: 'alert' }, `No source has the id ${sourceId}.`));
      return;
    }
    this.shown = { sourceId, at, quote };
    this.render(source, at, quote);
  }

  private load(id: string): Promise<SourceDocument | null> {
    let pending = this.cache.get(id);
    if (!pending) {
      pending = gql<{ source: SourceDocument | null }>({ query: SOURCE, variables: { id } }).then((data) => data.source);
      this.cache.set(id, pending);
    }
    return pending;
  }

  private header(): HTMLElement {
    const close = el('button', { type: 'button', class: 'close' }, 'Close evidence');
    close.addEventListener('click', () => this.onClose());
    return el('div', { class: 'evidence-head' }, el('h2', {}, 'Evidence'), close);
  }

  private render(source: SourceDocument, at: string | undefined, quote: string | undefined): void {
    const span = parseAt(at);
    const range = (span && originalRange(source.text, span)) ?? (quote ? findQuote(source.text, quote) : undefined);
    const wanted = Boolean(span || quote);

    const meta = el('dl', { class: 'source-meta' });
    const row = (term: string, value: string | null) =>
      meta.append(el('dt', {}, term), el('dd', { class: value === null ? 'unknown' : '' }, value ?? 'not stated'));
    row('Title', source.title);
    row('Publisher', source.publisher);
    row('Author', source.author);
    row('Published', source.published ? dateText(source.published) : null);
    row('URL', source.url);
    row('Id', source.id);

    const documentText = el('div', { class: 'document', tabindex: 0, role: 'region', 'aria-label': `Text of ${source.title}` });
    let mark: HTMLElement | undefined;
    if (range) {
      mark = el('mark', { class: 'quote' }, source.text.slice(range.start, range.end));
      documentText.append(source.text.slice(0, range.start), mark, source.text.slice(range.end));
    } else {
      documentText.append(source.text);
    }

    let passage: HTMLElement | null = null;
    if (mark && range) {
      const target = mark;
      const line = source.text.slice(0, range.start).split('\n').length;
      const again = el('button', { type: 'button', class: 'show-passage' }, 'Show the passage');
      again.addEventListener('click', () => target.scrollIntoView({ block: 'center', inline: 'nearest' }));
      passage = el('p', { class: 'passage-line' }, `Cited passage highlighted, from line ${line}. `, again);
    } else if (wanted) {
      passage = el('p', { class: 'warning', role: 'note' }, 'The cited passage was not found in this version of the text.');
    }
    replace(this.root, this.header(), meta, passage, documentText);
    if (mark) {
      const target = mark;
      requestAnimationFrame(() => target.scrollIntoView({ block: 'center', inline: 'nearest' }));
    }
  }
}
