// Layouts. Neighbourhoods use fcose, cheaper as graphs grow (a 2,000-node neighbourhood must lay out in well under
// 3 s on 2 cores); lineage is a layered tree (dagre), ancestors above. A redraw that only adds a few nodes to a laid
// out graph places them beside a neighbour instead of moving everything.
import type cytoscape from 'cytoscape';
import { BIG_GRAPH } from './graph-style';

/** Above this many nodes even fcose's spectral draft is too slow: a concentric layout by degree, in linear time. */
const HUGE_GRAPH = 1500;

export function forceLayout(cy: cytoscape.Core, incremental: boolean): cytoscape.LayoutOptions {
  const n = cy.nodes().length;
  if (n > HUGE_GRAPH) {
    return {
      name: 'concentric',
      animate: false,
      fit: false,
      minNodeSpacing: 4,
      concentric: (node: cytoscape.NodeSingular) => (node.hasClass('current') ? Number.MAX_SAFE_INTEGER : node.degree(false)),
      levelWidth: () => 1,
    } as cytoscape.LayoutOptions;
  }
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
    const angle = i * 2.39996; // the golden angle: siblings spread without overlapping
    const radius = 70 + 12 * Math.sqrt(i);
    node.position({ x: at.x + radius * Math.cos(angle), y: at.y + radius * Math.sin(angle) });
  });
}
