// Layouts. Neighbourhoods use fcose, cheaper as graphs grow (a 2,000-node neighbourhood must lay out in well under
// 3 s on 2 cores); lineage is a layered tree (dagre), ancestors above. A redraw that only adds a few nodes to a laid
// out graph places them beside a neighbour instead of moving everything.
import type cytoscape from 'cytoscape';
import { BIG_GRAPH } from './graph-style';

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Above this many nodes even fcose's spectral draft is too slow: a sunflower spiral by degree, in linear time. */
const HUGE_GRAPH = 1200;

/** Lays out a neighbourhood (or paths): fcose, drafted when big, a spiral when huge; `incremental` starts from the current positions. */
export function arrange(cy: cytoscape.Core, incremental: boolean): void {
  const n = cy.nodes().length;
  if (n > HUGE_GRAPH) spiral(cy);
  else cy.layout(forceLayout(n, incremental)).run();
}

function forceLayout(n: number, incremental: boolean): cytoscape.LayoutOptions {
  return {
    name: 'fcose',
    quality: n > BIG_GRAPH ? 'draft' : 'default',
    randomize: !incremental,
    animate: false,
    fit: false,
    nodeRepulsion: () => 12000,
    idealEdgeLength: () => 110,
    nodeSeparation: 60,
    nodeDimensionsIncludeLabels: n <= BIG_GRAPH,
  } as cytoscape.LayoutOptions;
}

export function lineageLayout(): cytoscape.LayoutOptions {
  return {
    name: 'dagre',
    rankDir: 'TB',
    nodeSep: 40,
    rankSep: 70,
    edgeSep: 10,
    nodeDimensionsIncludeLabels: true,
    animate: false,
    fit: false,
  } as cytoscape.LayoutOptions;
}

/**
 * The current entity in the middle, the rest on a sunflower spiral (radius growing with the square root of the rank,
 * the golden angle between neighbours), the best connected nearest the middle: even spacing at any size, in one pass.
 */
function spiral(cy: cytoscape.Core): void {
  // Each rank is computed once: degree() walks the node's edges.
  const rank = (node: cytoscape.NodeSingular) => (node.hasClass('current') ? Infinity : node.degree(false));
  const ranked = cy.nodes().map((node) => ({ node, rank: rank(node) })).sort((a, b) => b.rank - a.rank);
  cy.batch(() => ranked.forEach(({ node }, i) => {
    const r = 30 * Math.sqrt(i);
    node.position({ x: r * Math.cos(i * GOLDEN_ANGLE), y: r * Math.sin(i * GOLDEN_ANGLE) });
  }));
}

/**
 * Fits the viewport to the nodes' centres (plus a margin) without measuring labels, which for thousands of nodes
 * costs more than the layout.
 */
export function fitQuickly(cy: cytoscape.Core, padding: number): void {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    x1 = Math.min(x1, x); y1 = Math.min(y1, y); x2 = Math.max(x2, x); y2 = Math.max(y2, y);
  });
  if (x1 === Infinity) return;
  const zoom = Math.min((cy.width() - 2 * padding) / Math.max(x2 - x1, 1), (cy.height() - 2 * padding) / Math.max(y2 - y1, 1));
  const level = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), zoom));
  cy.viewport({ zoom: level, pan: { x: cy.width() / 2 - level * (x1 + x2) / 2, y: cy.height() / 2 - level * (y1 + y2) / 2 } });
}

/** Puts each new node on a small circle around a neighbour already placed (or the centre), spreading siblings. */
export function placeNear(cy: cytoscape.Core, added: cytoscape.NodeCollection): void {
  const placed = cy.nodes().difference(added);
  const box = placed.boundingBox();
  const centre = placed.length ? { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 } : { x: 0, y: 0 };
  const count = new Map<string, number>();
  added.forEach((node) => {
    const anchor = node.neighborhood().nodes().difference(added).nodes().first();
    const at = anchor.nonempty() ? anchor.position() : centre;
    const key = anchor.nonempty() ? anchor.id() : '';
    const i = count.get(key) ?? 0;
    count.set(key, i + 1);
    const angle = i * GOLDEN_ANGLE; // siblings spread without overlapping
    const radius = 70 + 12 * Math.sqrt(i);
    node.position({ x: at.x + radius * Math.cos(angle), y: at.y + radius * Math.sin(angle) });
  });
}
