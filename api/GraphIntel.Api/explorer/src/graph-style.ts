// How the canvas looks: node shape and colour by kind, edge colour by family of relationship type, line style by
// claim status, facts only possibly in force faded. The legend (legend.ts) is drawn from the same tables, so what it
// says is what the canvas does.
import type cytoscape from 'cytoscape';

export interface KindStyle {
  shape: cytoscape.Css.NodeShape;
  colour: string;
}

export const KIND_STYLES: Record<string, KindStyle> = {
  ORGANIZATION: { shape: 'round-rectangle', colour: '#1f6fb2' },
  PERSON: { shape: 'ellipse', colour: '#c05a00' },
  PLACE: { shape: 'diamond', colour: '#2e7d32' },
  EVENT: { shape: 'hexagon', colour: '#8e24aa' },
};

export interface EdgeFamily {
  label: string;
  colour: string;
  types: string[];
}

export const EDGE_FAMILIES: Record<string, EdgeFamily> = {
  hierarchy: { label: 'Hierarchy', colour: '#1f6fb2', types: ['AFFILIATE_OF', 'UNDER_UMBRELLA_OF'] },
  lineage: { label: 'Lineage', colour: '#6a1b9a', types: ['SPLIT_FROM', 'REBRANDED_AS', 'MERGED_INTO'] },
  alliance: { label: 'Alliance, cooperation', colour: '#2e7d32', types: ['ALLIED_WITH', 'COOPERATES_WITH'] },
  rivalry: { label: 'Rivalry', colour: '#c62828', types: ['RIVAL_OF'] },
  support: { label: 'Support, hosting', colour: '#b35c00', types: ['SUPPORTS', 'HOSTS'] },
  leadership: { label: 'Leadership, membership', colour: '#00796b', types: ['LEADS', 'FOUNDED', 'MEMBER_OF'] },
  designation: { label: 'Designation', colour: '#ad1457', types: ['DESIGNATED'] },
  place: { label: 'Place, event', colour: '#5d4037', types: ['OPERATES_IN', 'BASED_IN', 'PARTICIPATED_IN', 'OCCURRED_IN'] },
};

/** DENIED facts are drawn in this colour whatever their type, so a denial never reads as the fact itself. */
export const DENIED_COLOUR = '#8a8a8a';

const FAMILY_OF = new Map(Object.entries(EDGE_FAMILIES).flatMap(([family, f]) => f.types.map((t) => [t, family] as const)));

export function familyOf(type: string): string {
  return FAMILY_OF.get(type) ?? 'place';
}

/** Above this many nodes labels and edge details give way to speed. */
export const BIG_GRAPH = 400;

/**
 * The stylesheet: classes `kind-*`, `family-*`, `status-*`, `possible`, `current`, `dimmed`, `highlighted`. Big
 * graphs draw edges as haystack lines: no arrows, but no per-edge curve geometry either (the costliest part of a
 * frame with thousands of edges).
 */
export function stylesheet(big: boolean): cytoscape.StylesheetJson {
  const kinds = Object.entries(KIND_STYLES).map(([kind, s]) => ({
    selector: `node.kind-${kind}`,
    style: { shape: s.shape, 'background-color': s.colour },
  }));
  const families = Object.entries(EDGE_FAMILIES).map(([family, f]) => ({
    selector: `edge.family-${family}`,
    style: { 'line-color': f.colour, 'target-arrow-color': f.colour, 'source-arrow-color': f.colour },
  }));
  const reversed: cytoscape.StylesheetJsonBlock[] = big
    ? []
    : [{ selector: 'edge.reversed', style: { 'target-arrow-shape': 'none', 'source-arrow-shape': 'triangle' } }];
  return [
    {
      selector: 'node',
      style: {
        // Thousands of labels cost more to measure and draw than the rest of the frame; a big graph names only the
        // current and the selected entity (the tables name them all).
        label: big ? '' : 'data(label)',
        width: 22,
        height: 22,
        'font-size': 11,
        color: '#1a1a1a',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        // Labels vanish when zoomed out far enough that they would be unreadable anyway (big graphs, mostly).
        'min-zoomed-font-size': 7,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...kinds,
    // In the layered tree edges meet nodes from above and below: labels beside the node keep the arrows in sight.
    { selector: 'node.side-label', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 4, 'text-margin-y': 0 } },
    {
      selector: 'node.current',
      style: { width: 36, height: 36, 'border-width': 4, 'border-color': '#111111', 'font-weight': 'bold', 'font-size': 13, 'z-index': 10 },
    },
    { selector: 'node.current, node:selected', style: { label: 'data(label)' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f2b600' } },
    {
      selector: 'edge',
      style: {
        width: 2,
        'curve-style': big ? 'haystack' : 'bezier',
        'haystack-radius': 0,
        'target-arrow-shape': big ? 'none' : 'triangle',
        'arrow-scale': 0.9,
        'font-size': 9,
        color: '#333333',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'min-zoomed-font-size': 8,
      },
    },
    ...families,
    // Lineage draws some edges ancestor → descendant for the layered layout; the arrow still points at `to`.
    ...reversed,
    { selector: 'edge.labelled', style: { label: 'data(label)' } },
    { selector: 'edge.status-DISPUTED', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    {
      selector: 'edge.status-DENIED',
      style: {
        'line-style': 'dotted',
        'line-color': DENIED_COLOUR,
        'target-arrow-color': DENIED_COLOUR,
        'source-arrow-color': DENIED_COLOUR,
      },
    },
    { selector: 'edge.possible', style: { opacity: 0.4 } },
    { selector: 'edge:selected', style: { width: 4, 'underlay-color': '#f2b600', 'underlay-opacity': 0.5, 'underlay-padding': 3 } },
    { selector: '.dimmed', style: { opacity: 0.15 } },
    { selector: 'edge.highlighted', style: { width: 4, 'z-index': 5 } },
    { selector: 'node.highlighted', style: { 'border-width': 3, 'border-color': '#f2b600' } },
  ];
}
