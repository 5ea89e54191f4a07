// The view is its URL: /explore?entity=org/isis-k&mode=lineage&asOf=2017&certainty=KNOWN&from=…&to=…&source=…&at=…
// Every change of view pushes a history entry; back and forward restore the view from the URL.

export type Mode = 'neighborhood' | 'lineage' | 'paths';
export type Certainty = 'KNOWN' | 'POSSIBLE';

export interface ViewState {
  /** The entity shown (an id such as `org/isis-k`), if any. */
  entity?: string;
  /** What the graph canvas shows. */
  mode: Mode;
  /** The year the time slider is on (`asOf` of every query), or none for all time. */
  asOf?: string;
  /** With asOf: the facts possibly in force too, styled apart (the default), or only the KNOWN ones. */
  certainty: Certainty;
  /** The ends of the paths mode. */
  from?: string;
  to?: string;
  /** The source document open in the evidence panel. */
  source?: string;
  /** The passage highlighted in it: a citation's location, `start-end` in the white-space-collapsed text (TextSpan). */
  at?: string;
  /** The quote highlighted when the citation has no location (found by text instead). */
  quote?: string;
}

const MODES: readonly Mode[] = ['neighborhood', 'lineage', 'paths'];

export function parseState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const mode = q.get('mode') as Mode | null;
  const asOf = q.get('asOf') ?? undefined;
  return {
    entity: q.get('entity') || undefined,
    mode: mode && MODES.includes(mode) ? mode : 'neighborhood',
    asOf: asOf && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(asOf) ? asOf : undefined,
    certainty: q.get('certainty') === 'KNOWN' ? 'KNOWN' : 'POSSIBLE',
    from: q.get('from') || undefined,
    to: q.get('to') || undefined,
    source: q.get('source') || undefined,
    at: /^\d+-\d+$/.test(q.get('at') ?? '') ? q.get('at')! : undefined,
    quote: q.get('quote') || undefined,
  };
}

export function stateUrl(state: ViewState): string {
  const q = new URLSearchParams();
  if (state.entity) q.set('entity', state.entity);
  if (state.mode !== 'neighborhood') q.set('mode', state.mode);
  if (state.asOf) q.set('asOf', state.asOf);
  if (state.asOf && state.certainty !== 'POSSIBLE') q.set('certainty', state.certainty);
  if (state.mode === 'paths' && state.from) q.set('from', state.from);
  if (state.mode === 'paths' && state.to) q.set('to', state.to);
  if (state.source) q.set('source', state.source);
  if (state.source && state.at) q.set('at', state.at);
  else if (state.source && state.quote) q.set('quote', state.quote);
  const text = q.toString();
  return `${location.pathname}${text ? `?${text}` : ''}`;
}

type Listener = (state: ViewState, previous: ViewState | undefined) => void;

/** The current view, its history entry, and who is told when it changes. */
export class Store {
  private current: ViewState;
  private readonly listeners: Listener[] = [];

  constructor() {
    this.current = parseState(location.search);
    window.addEventListener('popstate', () => this.set(parseState(location.search), 'none'));
  }

  get state(): ViewState {
    return this.current;
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Changes part of the view. `history`: push a new entry (the default), replace the current one, or none (popstate). */
  update(change: Partial<ViewState>, history: 'push' | 'replace' = 'push'): void {
    this.set({ ...this.current, ...change }, history);
  }

  /** Tells every listener about the current view (once, at start). */
  start(): void {
    history.replaceState(null, '', stateUrl(this.current) + location.hash);
    for (const listener of this.listeners) listener(this.current, undefined);
  }

  private set(next: ViewState, history: 'push' | 'replace' | 'none'): void {
    const previous = this.current;
    this.current = next;
    const url = stateUrl(next);
    if (history === 'push' && url !== stateUrl(previous)) window.history.pushState(null, '', url);
    else if (history === 'replace') window.history.replaceState(null, '', url);
    for (const listener of this.listeners) listener(next, previous);
  }
}
