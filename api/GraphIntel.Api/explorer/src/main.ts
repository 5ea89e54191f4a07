// The explorer's wiring: the URL state (src/state.ts) drives every view; each view asks for what it needs with the
// state's asOf/certainty and reports loading and errors on the status line.
import { byId } from './dom';
import { EntityPanel, type Citation } from './entity';
import { EvidencePanel } from './evidence';
import { searchBox } from './search';
import { startPage } from './start';
import { StatusRegion } from './status';
import { Store, type ViewState } from './state';
import { Timebar } from './timebar';

const store = new Store();
const status = new StatusRegion(byId('status'));
const entityRoot = byId('entity');

/** Opens a citation's source in the evidence panel: by its location when the API found the quote, else by its text. */
// A citation opened from the page moves focus to the evidence (keyboard and screen-reader users land on what they
// asked for); closing the evidence returns focus to the citation that opened it.
let focusEvidence = false;
let openedFrom: HTMLElement | undefined;

function openCitation(citation: { sourceId: string; quote: string; location?: { start: number; end: number } | null }): void {
  const { sourceId, quote, location } = citation;
  focusEvidence = true;
  openedFrom = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  store.update({ source: sourceId, at: location ? `${location.start}-${location.end}` : undefined, quote: location ? undefined : quote });
}

function openEntity(id: string): void {
  store.update({ entity: id, source: undefined, at: undefined, quote: undefined });
}

searchBox(byId('search'), openEntity);

const timebar = new Timebar(byId('timebar'), {
  setAsOf: (asOf, history) => store.update({ asOf }, history),
  setCertainty: (certainty) => store.update({ certainty }),
});

const entityPanel = new EntityPanel(entityRoot, {
  openEntity,
  openCitation: (c: Citation) => openCitation({ sourceId: c.source.id, quote: c.quote, location: c.location }),
  loaded: (entity, ticks) => {
    timebar.setTicks(ticks);
    document.title = entity.name ? `${entity.name} · GraphIntel explorer` : 'GraphIntel explorer';
    // An id merged into another resolves to the survivor: show the survivor's id in the URL.
    if (entity.name && entity.id !== store.state.entity) store.update({ entity: entity.id }, 'replace');
  },
});

const evidenceRoot = byId('evidence');
const evidence = new EvidencePanel(evidenceRoot, () => {
  const back = openedFrom;
  store.update({ source: undefined, at: undefined, quote: undefined });
  if (back?.isConnected) back.focus();
});

// The canvas (cytoscape and its layouts, most of the code) is its own chunk, fetched and parsed while the entity panel
// loads and renders: the first view does not wait for it. Renders queue behind the chunk in state order.
const canvasRoot = byId('canvas');
canvasRoot.setAttribute('aria-busy', 'true');
const canvas = import('./graph').then(({ GraphCanvas }) => {
  canvasRoot.removeAttribute('aria-busy');
  return new GraphCanvas(canvasRoot, {
    openEntity,
    setMode: (mode) => store.update({ mode }),
    setPathEnds: (from, to) => store.update({ from, to }),
    openCitation,
  });
});

const changed = (a: ViewState, b: ViewState | undefined, keys: (keyof ViewState)[]) => !b || keys.some((k) => a[k] !== b[k]);

store.subscribe((state, previous) => {
  timebar.render(state);
  if (changed(state, previous, ['entity', 'asOf', 'certainty'])) {
    if (state.entity) {
      void status.track('entity', 'the entity', entityPanel.render(state));
    } else {
      entityPanel.clear();
      timebar.setTicks([]);
      document.title = 'GraphIntel explorer';
      void status.track('start', 'the examples', startPage(entityRoot, openEntity));
    }
  }
  if (changed(state, previous, ['source', 'at', 'quote'])) {
    const shown = evidence.show(state.source, state.at, state.quote);
    void status.track('evidence', 'the source', shown).then(() => {
      if (focusEvidence && !evidenceRoot.hidden) evidenceRoot.focus({ preventScroll: true });
      focusEvidence = false;
    });
  }
  void status.track('graph', 'the graph', canvas.then((c) => c.render(state)));
});

void timebar.loadYears();
store.start();
