// The graph canvas: an entity's neighbourhood (grown by expanding nodes), its lineage as a layered tree, or the paths
// between two entities, read as of the time slider's year. One cytoscape instance is kept across renders: a new year
// for the same entity and mode is diffed into it (what left is removed, what came is placed beside its neighbours),
// so moving the slider redraws without laying the graph out again. Beside the picture: tables of what is drawn
// (what a screen reader and a keyboard use), the legend, exports and the query behind the view.
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { GraphQLRequestError, graphiqlUrl, queryText, type GraphQLQuery } from './api';
import { el, replace } from './dom';
import { intervalText, kindLabel, statusLabel, temporalLabel, typeLabel } from './format';
import {
  fetchPaths,
  fetchSubgraph,
  GraphModel,
  lineageQuery,
  neighborhoodQuery,
  pathsQuery,
  type GraphPath,
  type GraphRelationship,
} from './graph-data';
import { arrange, fitQuickly, lineageLayout, placeNear } from './graph-layout';
import { BIG_GRAPH, familyOf, stylesheet } from './graph-style';
import { entitiesTable, relationshipsTable } from './graph-tables';
import { csvBlob, download, exportName, jsonBlob, pngBlob, svgBlob } from './export';
import { legend } from './legend';
import { pathEnds, pathsList } from './paths';
import type { Mode, ViewState } from './state';

cytoscape.use(dagre);
cytoscape.use(fcose);
cytoscape.use(svg);

/** What the canvas asks of the rest of the page. */
export interface CanvasEvents {
  /** Show this entity (navigates: a new history entry). */
  openEntity(id: string): void;
  /** Switch the canvas mode (navigates). */
  setMode(mode: Mode): void;
  /** Set the ends of the paths mode (navigates). */
  setPathEnds(from: string | undefined, to: string | undefined): void;
  /** Open a citation's source in the evidence panel with its quote highlighted. */
  openCitation(citation: { sourceId: string; quote: string; location?: { start: number; end: number } | null }): void;
}

const MODES: { mode: Mode; label: string }[] = [
  { mode: 'neighborhood', label: 'Neighbourhood' },
  { mode: 'lineage', label: 'Lineage' },
  { mode: 'paths', label: 'Paths' },
];

// Cytoscape puts a <style> in <head> unless an element with this id is there already; the strict CSP refuses inline
// styles (a console error), so an empty marker takes its place. Its one rule, `.__________cytoscape_container
// { position: relative }`, is in explorer.css.
const MAX_FIT_ZOOM = 1.25;

const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

function claimCytoscapeStylesheet(): void {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  document.head.append(el('meta', { id: CYTOSCAPE_STYLESHEET_ID, name: 'cytoscape-stylesheet' }));
}

/** The paths mode's ends: From defaults to the entity shown. */
function ends(state: ViewState): { from?: string; to?: string } {
  return { from: state.from ?? state.entity, to: state.to };
}

/** What the drawing depends on, less the time: the same identity at another year is diffed, not redrawn. */
function identityOf(state: ViewState): string {
  const { from, to } = ends(state);
  return state.mode === 'paths' ? `paths|${from ?? ''}|${to ?? ''}` : `${state.mode}|${state.entity ?? ''}`;
}

function viewKey(state: ViewState): string {
  return `${identityOf(state)}|${state.asOf ?? ''}|${state.asOf ? state.certainty : ''}`;
}

function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

function errorText(e: unknown): string {
  return e instanceof GraphQLRequestError || e instanceof Error ? e.message : String(e);
}

export class GraphCanvas {
  private readonly tabs = new Map<Mode, HTMLButtonElement>();
  private readonly panel: HTMLElement;
  private readonly endsSlot = el('div', { class: 'path-ends-slot' });
  private readonly message = el('p', { class: 'graph-message', 'aria-live': 'polite' });
  private readonly selection = el('p', { class: 'graph-selection', 'aria-live': 'polite' });
  private readonly container = el('div', { id: 'cy', class: 'cy', role: 'img', 'aria-label': 'Graph' });
  private readonly pathsSlot = el('section', { class: 'paths-section', 'aria-label': 'Paths found' });
  private readonly tablesSlot = el('div', { class: 'graph-tables' });
  private readonly graphiql = el('a', { class: 'graphiql-link', href: '/graphql' }, 'Open in GraphiQL');

  private cy: cytoscape.Core | undefined;
  private big = false;
  private model = new GraphModel();
  private paths: GraphPath[] = [];
  private request: GraphQLQuery | undefined;
  private state: ViewState | undefined;
  private key: string | undefined;
  private identity: string | undefined;
  private endsShown: string | undefined;
  /** The entities whose neighbourhood is drawn (the seed, and those expanded since). */
  private expanded = new Set<string>();
  private controller: AbortController | undefined;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly root: HTMLElement,
    private readonly events: CanvasEvents,
  ) {
    claimCytoscapeStylesheet();
    const tablist = el('div', { class: 'graph-tabs', role: 'tablist', 'aria-label': 'Graph mode' });
    for (const { mode, label } of MODES) {
      const tab = el('button', { type: 'button', role: 'tab', id: `graph-tab-${mode}`, 'aria-controls': 'graph-panel', 'aria-selected': 'false', tabindex: -1 }, label);
      tab.addEventListener('click', () => this.events.setMode(mode));
      tab.addEventListener('keydown', (e) => this.onTabKey(e, mode));
      this.tabs.set(mode, tab);
      tablist.append(tab);
    }
    this.panel = el(
      'div',
      { class: 'graph-panel', id: 'graph-panel', role: 'tabpanel', 'aria-labelledby': 'graph-tab-neighborhood' },
      this.endsSlot,
      this.toolbar(),
      this.message,
      this.selection,
      this.container,
      legend(),
      this.pathsSlot,
      this.tablesSlot,
    );
    replace(this.root, el('h2', { class: 'graph-heading' }, 'Graph'), tablist, this.panel);
    // The drawing's column changes width when the evidence panel opens or closes (and with the window): cytoscape
    // measures its container only when told, so tell it whenever the container's size changes.
    new ResizeObserver(() => this.cy?.resize()).observe(this.container);
  }

  /** (Re)loads and draws the view for this state, cancelling a load still running. */
  render(state: ViewState): Promise<void> {
    const key = viewKey(state);
    if (key === this.key) return this.pending; // nothing the canvas shows changed (the evidence panel opened, say)
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const sameGraph = identityOf(state) === this.identity;
    this.key = key;
    this.identity = identityOf(state);
    this.state = state;
    this.pending = this.load(state, sameGraph, controller.signal);
    return this.pending;
  }

  /** The query behind the current view, for "Copy the GraphQL query" and "Open in GraphiQL". */
  currentQuery(): GraphQLQuery | undefined {
    return this.request;
  }

  private toolbar(): HTMLElement {
    const button = (label: string, action: () => void) => {
      const b = el('button', { type: 'button' }, label);
      b.addEventListener('click', action);
      return b;
    };
    return el(
      'div',
      { class: 'graph-toolbar', role: 'group', 'aria-label': 'Graph tools' },
      button('Fit', () => this.fit()),
      button('Zoom in', () => this.zoomBy(1.25)),
      button('Zoom out', () => this.zoomBy(0.8)),
      button('Export PNG', () => this.export('png')),
      button('Export SVG', () => this.export('svg')),
      button('Export CSV', () => this.export('csv')),
      button('Export JSON', () => this.export('json')),
      button('Copy GraphQL query', () => void this.copyQuery()),
      this.graphiql,
    );
  }

  private onTabKey(e: KeyboardEvent, mode: Mode): void {
    const i = MODES.findIndex((m) => m.mode === mode);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? MODES.length - 1 : undefined;
    if (next === undefined) return;
    e.preventDefault();
    const target = MODES[(next + MODES.length) % MODES.length]!;
    this.tabs.get(target.mode)?.focus();
    this.events.setMode(target.mode);
  }

  private async load(state: ViewState, sameGraph: boolean, signal: AbortSignal): Promise<void> {
    this.showChrome(state);
    this.setReady(false);
    this.say('Loading the graph…');
    try {
      const { model, request, paths, hint } = await this.fetch(state, signal);
      if (signal.aborted) return;
      this.request = request;
      this.model = model;
      this.paths = paths;
      this.expanded = new Set(state.mode === 'neighborhood' && state.entity ? [state.entity] : []);
      this.draw(sameGraph);
      this.say(hint ?? '');
    } catch (e) {
      if (isAbort(e) || signal.aborted) return;
      // The drawing stays as it was; the next render of this state tries again.
      this.key = undefined;
      this.say(`The graph could not be loaded: ${errorText(e)}`);
      this.setReady(true);
      this.container.setAttribute('data-error', errorText(e));
      throw e; // the page's status line shows it too, in the API's words
    }
    this.setReady(true);
  }

  private async fetch(
    state: ViewState,
    signal: AbortSignal,
  ): Promise<{ model: GraphModel; request?: GraphQLQuery; paths: GraphPath[]; hint?: string }> {
    if (state.mode === 'paths') {
      const { from, to } = ends(state);
      if (!from || !to) return { model: new GraphModel(), paths: [], hint: 'Pick the two entities to find the paths between.' };
      const request = pathsQuery(from, to, state);
      const paths = await fetchPaths(request, signal);
      return { model: GraphModel.of(paths), request, paths };
    }
    if (!state.entity) return { model: new GraphModel(), paths: [], hint: 'Search for an entity to draw its graph.' };
    const request = state.mode === 'lineage' ? lineageQuery(state.entity, state) : neighborhoodQuery(state.entity, state);
    return { model: GraphModel.of([await fetchSubgraph(request, signal)]), request, paths: [] };
  }

  /** Tabs, the path pickers and the GraphiQL link, which follow the state before any data comes. */
  private showChrome(state: ViewState): void {
    for (const [mode, tab] of this.tabs) {
      const selected = mode === state.mode;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    this.panel.setAttribute('aria-labelledby', `graph-tab-${state.mode}`);
    this.panel.dataset.mode = state.mode;
    if (state.mode !== 'paths') {
      this.endsSlot.replaceChildren();
      this.endsShown = undefined;
    } else {
      // Rebuilt only when the ends changed from elsewhere (back, forward), so a pick keeps the focus where it was.
      const { from, to } = ends(state);
      const shown = `${from ?? ''}|${to ?? ''}`;
      if (shown !== this.endsShown) {
        this.endsShown = shown;
        replace(
          this.endsSlot,
          pathEnds(from, to, (f, t) => {
            this.endsShown = `${f ?? ''}|${t ?? ''}`;
            this.events.setPathEnds(f, t);
          }),
        );
      }
    }
    this.selection.replaceChildren();
  }

  private setReady(ready: boolean): void {
    this.container.dataset.ready = String(ready);
    if (!ready) {
      this.container.removeAttribute('data-error');
      return;
    }
    const cy = this.cy;
    this.container.dataset.nodes = String(cy ? cy.nodes().length : 0);
    this.container.dataset.edges = String(cy ? cy.edges().length : 0);
    this.graphiql.href = this.request ? graphiqlUrl(this.request) : '/graphql';
  }

  private say(text: string): void {
    this.message.textContent = text;
  }

  // --- drawing ---------------------------------------------------------------------------------------------------

  /** A cytoscape instance suited to the graph's size (the viewport options are fixed when it is made). */
  private instance(nodes: number): cytoscape.Core {
    const big = nodes > BIG_GRAPH;
    if (this.cy && this.big === big) return this.cy;
    this.cy?.destroy();
    this.big = big;
    const cy = cytoscape({
      container: this.container,
      style: stylesheet(big),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      // Big graphs pan and zoom as a picture and skip edges while moving; one pixel per pixel keeps frames cheap.
      textureOnViewport: big,
      hideEdgesOnViewport: big,
      pixelRatio: big ? 1 : 'auto',
    });
    cy.on('tap', 'node', (e) => this.selectNode(e.target as cytoscape.NodeSingular));
    cy.on('tap', 'edge', (e) => this.selectEdge(e.target as cytoscape.EdgeSingular));
    cy.on('tap', (e) => {
      if (e.target === cy) this.selection.replaceChildren();
    });
    cy.on('dbltap', 'node', (e) => void this.expand((e.target as cytoscape.NodeSingular).id()));
    this.cy = cy;
    return cy;
  }

  /**
   * Puts the model on the canvas. `keep`: the same graph at another time, or grown — diff it into what is drawn and
   * place only the new nodes; else draw afresh with a full layout.
   */
  private draw(keep: boolean, grownFrom?: string): void {
    const state = this.state!;
    const fresh = !keep || !this.cy || this.cy.nodes().empty() || (this.model.entities.size > BIG_GRAPH) !== this.big;
    const cy = this.instance(this.model.entities.size);
    const elements = this.elements(state);
    const wanted = new Set(elements.map((e) => e.data.id!));
    let added = cy.collection();
    cy.batch(() => {
      if (fresh) {
        cy.elements().remove();
        added = cy.add(elements);
        return;
      }
      cy.elements().filter((e) => !wanted.has(e.id())).remove();
      const additions: cytoscape.ElementDefinition[] = [];
      for (const definition of elements) {
        const existing = cy.getElementById(definition.data.id!);
        if (existing.empty()) additions.push(definition);
        else existing.data(definition.data).classes(definition.classes as string);
      }
      added = cy.add(additions);
    });
    this.layout(cy, fresh, added.nodes(), grownFrom);
    if (state.mode === 'paths') this.focusPath(undefined);
    this.describe(state);
    this.showSide(state);
  }

  private layout(cy: cytoscape.Core, fresh: boolean, added: cytoscape.NodeCollection, grownFrom?: string): void {
    if (cy.nodes().empty()) return;
    if (this.state!.mode === 'lineage') {
      cy.layout(lineageLayout()).run();
    } else if (fresh) {
      arrange(cy, false);
    } else if (added.nonempty()) {
      placeNear(cy, added);
      // Grown by hand: settle the graph around the new nodes while it is small enough to do so at once.
      if (grownFrom && cy.nodes().length <= BIG_GRAPH) arrange(cy, true);
    } else {
      return; // only removals: the view stays where the reader left it
    }
    this.fit();
  }

  private elements(state: ViewState): cytoscape.ElementDefinition[] {
    const { from, to } = ends(state);
    const emphasised = new Set(state.mode === 'paths' ? [from, to] : [state.entity]);
    const lineage = state.mode === 'lineage';
    const labelled = state.mode !== 'neighborhood';
    const nodes = [...this.model.entities.values()].map((entity) => ({
      group: 'nodes' as const,
      data: { id: entity.id, label: entity.name, kind: entity.kind },
      classes: `kind-${entity.kind}${emphasised.has(entity.id) ? ' current' : ''}${lineage ? ' side-label' : ''}`,
    }));
    const edges = [...this.model.relationships.values()].map((rel) => {
      // The layered tree wants edges from ancestor to descendant; where `from` is the descendant, draw it reversed.
      const reversed = lineage && ['SPLIT_FROM', 'AFFILIATE_OF', 'UNDER_UMBRELLA_OF'].includes(rel.type);
      const classes = [`family-${familyOf(rel.type)}`, `status-${rel.status}`];
      if (rel.temporalStatus === 'POSSIBLE') classes.push('possible');
      if (reversed) classes.push('reversed');
      if (labelled) classes.push('labelled');
      return {
        group: 'edges' as const,
        data: {
          id: rel.id,
          source: reversed ? rel.to.id : rel.from.id,
          target: reversed ? rel.from.id : rel.to.id,
          label: typeLabel(rel.type),
        },
        classes: classes.join(' '),
      };
    });
    return [...nodes, ...edges];
  }

  /** The canvas's text alternative: what it shows, of whom, when. */
  private describe(state: ViewState): void {
    const n = this.model.entities.size;
    const m = this.model.relationships.size;
    const subject = state.mode === 'paths'
      ? `Paths from ${this.model.name(ends(state).from ?? '')} to ${this.model.name(ends(state).to ?? '')}`
      : `${state.mode === 'lineage' ? 'Lineage' : 'Neighbourhood'} of ${this.model.name(state.entity ?? '')}`;
    const when = state.asOf ? `, as of ${state.asOf}` : '';
    this.container.setAttribute('aria-label', `${subject}${when}: ${n} entities, ${m} relationships (listed in the tables below)`);
  }

  private showSide(state: ViewState): void {
    if (state.mode === 'paths' && this.request) {
      replace(
        this.pathsSlot,
        el('h3', {}, 'Paths'),
        pathsList(this.paths, this.model, (c) => this.events.openCitation(c), (i) => this.focusPath(i)),
      );
    } else {
      this.pathsSlot.replaceChildren();
    }
    const grow = state.mode === 'neighborhood' ? (id: string) => void this.expand(id) : undefined;
    replace(
      this.tablesSlot,
      el('h3', {}, 'Shown on the graph'),
      entitiesTable(this.model, state.entity, {
        open: (id) => this.events.openEntity(id),
        expand: grow,
        expanded: (id) => this.expanded.has(id),
      }),
      relationshipsTable(this.model),
    );
  }

  /** Highlights one path (the rest dimmed), or every path when none is focused. */
  private focusPath(index: number | undefined): void {
    const cy = this.cy;
    if (!cy) return;
    const chosen = index === undefined ? this.paths : [this.paths[index]!];
    const ids = new Set(chosen.flatMap((p) => [...p.nodes.map((n) => n.id), ...p.relationships.map((r) => r.id)]));
    cy.batch(() => {
      cy.elements().forEach((e) => {
        const on = ids.has(e.id());
        e.toggleClass('highlighted', on).toggleClass('dimmed', !on);
      });
    });
  }

  // --- interaction -------------------------------------------------------------------------------------------------

  /** Merges an entity's neighbourhood into the drawing (kept until the entity, mode or time changes). */
  private async expand(id: string): Promise<void> {
    const state = this.state;
    const signal = this.controller?.signal;
    if (!state || state.mode !== 'neighborhood' || !signal || this.expanded.has(id)) return;
    this.expanded.add(id);
    this.setReady(false);
    this.say(`Expanding ${this.model.name(id)}…`);
    try {
      const before = this.model.entities.size;
      this.model.merge(await fetchSubgraph(neighborhoodQuery(id, state), signal));
      if (signal.aborted) return;
      this.draw(true, id);
      const selected = this.cy?.nodes(':selected');
      if (selected?.nonempty()) this.selectNode(selected.first());
      this.say(`Added ${this.model.entities.size - before} entities around ${this.model.name(id)}.`);
    } catch (e) {
      if (isAbort(e) || signal.aborted) return;
      this.expanded.delete(id);
      this.say(`Could not expand ${this.model.name(id)}: ${errorText(e)}`);
    }
    this.setReady(true);
  }

  private selectNode(node: cytoscape.NodeSingular): void {
    const id = node.id();
    const entity = this.model.entities.get(id);
    if (!entity) return;
    const open = el('button', { type: 'button' }, 'Open');
    open.addEventListener('click', () => this.events.openEntity(id));
    const parts: (Node | string)[] = [el('strong', {}, entity.name), ` · ${kindLabel(entity.kind)} `, open];
    if (this.state?.mode === 'neighborhood' && !this.expanded.has(id)) {
      const grow = el('button', { type: 'button' }, 'Expand');
      grow.addEventListener('click', () => void this.expand(id));
      parts.push(' ', grow);
    }
    replace(this.selection, ...parts);
  }

  private selectEdge(edge: cytoscape.EdgeSingular): void {
    const rel: GraphRelationship | undefined = this.model.relationships.get(edge.id());
    if (!rel) return;
    const temporal = rel.temporalStatus === 'POSSIBLE' ? ` · ${temporalLabel(rel.temporalStatus)}` : '';
    replace(
      this.selection,
      el('strong', {}, `${this.model.name(rel.from.id)} ${typeLabel(rel.type)} ${this.model.name(rel.to.id)}`),
      ` · ${statusLabel(rel.status)} · ${intervalText(rel.interval)}${temporal} · ${rel.citations.length} citation(s), listed in the entity panel`,
    );
  }

  /** The whole graph in view, but a small one no larger than life (a lineage of three is not a poster). */
  private fit(): void {
    const cy = this.cy;
    if (!cy) return;
    if (this.big) {
      fitQuickly(cy, 30);
      return;
    }
    cy.fit(undefined, 30);
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
  }

  private zoomBy(factor: number): void {
    const cy = this.cy;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  private export(kind: 'png' | 'svg' | 'csv' | 'json'): void {
    const state = this.state;
    const cy = this.cy;
    if (!state) return;
    const name = exportName(state.mode, state.entity ?? ends(state).from, kind);
    try {
      if (kind === 'csv') download(csvBlob(this.model), name);
      else if (kind === 'json') download(jsonBlob(this.model, this.request, [...this.expanded].slice(1)), name);
      else if (!cy) this.say('Nothing is drawn to export.');
      else download(kind === 'png' ? pngBlob(cy) : svgBlob(cy), name);
    } catch (e) {
      this.say(`The export failed: ${errorText(e)}`);
    }
  }

  private async copyQuery(): Promise<void> {
    const request = this.request;
    if (!request) {
      this.say('No query behind this view yet.');
      return;
    }
    const text = queryText(request);
    try {
      await navigator.clipboard.writeText(text);
      this.say('GraphQL query copied to the clipboard.');
    } catch {
      // No clipboard access (permissions, insecure context): show the text selected, for the user to copy.
      const area = el('textarea', { class: 'query-text', readonly: true, rows: 8, 'aria-label': 'GraphQL query' }, text);
      replace(this.selection, area);
      area.focus();
      area.select();
      this.say('Copy the selected query (Ctrl+C).');
    }
  }
}
