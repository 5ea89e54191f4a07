// The graph canvas (neighbourhood, lineage and paths modes). Placeholder with the agreed interface; replaced by the
// real canvas.
import type { GraphQLQuery } from './api';
import type { Mode, ViewState } from './state';

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

export class GraphCanvas {
  constructor(
    private readonly root: HTMLElement,
    private readonly events: CanvasEvents,
  ) {}

  /** (Re)loads and draws the view for this state, cancelling a load still running. */
  async render(state: ViewState): Promise<void> {
    void this.root;
    void this.events;
    void state;
  }

  /** The query behind the current view, for "Copy the GraphQL query" and "Open in GraphiQL". */
  currentQuery(): GraphQLQuery | undefined {
    return undefined;
  }
}
