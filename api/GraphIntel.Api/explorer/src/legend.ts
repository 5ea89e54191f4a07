// The canvas legend: what each node shape and colour, edge colour and line style means. Swatches are small SVGs with
// presentation attributes (fill, stroke, dash), which the strict CSP allows where inline styles are refused.
import { el } from './dom';
import { kindLabel, statusLabel } from './format';
import { DENIED_COLOUR, EDGE_FAMILIES, KIND_STYLES } from './graph-style';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attributes: Record<string, string | number>): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

function swatch(...shapes: SVGElement[]): SVGElement {
  const box = svg('svg', { width: 28, height: 16, viewBox: '0 0 28 16', 'aria-hidden': 'true', focusable: 'false' });
  box.append(...shapes);
  return box;
}

const NODE_SHAPES: Record<string, (fill: string) => SVGElement> = {
  'round-rectangle': (fill) => svg('rect', { x: 7, y: 1, width: 14, height: 14, rx: 3, fill }),
  ellipse: (fill) => svg('circle', { cx: 14, cy: 8, r: 7, fill }),
  diamond: (fill) => svg('polygon', { points: '14,0 22,8 14,16 6,8', fill }),
  hexagon: (fill) => svg('polygon', { points: '10,1 18,1 22,8 18,15 10,15 6,8', fill }),
};

function line(colour: string, dash?: string, opacity = 1): SVGElement {
  return swatch(
    svg('line', { x1: 1, y1: 8, x2: 27, y2: 8, stroke: colour, 'stroke-width': 3, opacity, ...(dash ? { 'stroke-dasharray': dash } : {}) }),
  );
}

function entry(mark: SVGElement, text: string): HTMLLIElement {
  return el('li', {}, mark, ' ', text);
}

export function legend(): HTMLElement {
  const kinds = Object.entries(KIND_STYLES).map(([kind, s]) => entry(swatch(NODE_SHAPES[s.shape]!(s.colour)), kindLabel(kind)));
  const current = entry(swatch(svg('circle', { cx: 14, cy: 8, r: 6, fill: '#ffffff', stroke: '#111111', 'stroke-width': 3 })), 'Current entity');
  const families = Object.values(EDGE_FAMILIES).map((f) => entry(line(f.colour), f.label));
  const grey = '#444444';
  const statuses = [
    entry(line(grey), statusLabel('ASSERTED')),
    entry(line(grey, '6 3'), statusLabel('DISPUTED')),
    entry(line(DENIED_COLOUR, '2 3'), statusLabel('DENIED')),
    entry(line(grey, undefined, 0.4), 'Possibly in force'),
  ];
  return el(
    'figure',
    { class: 'legend', 'aria-label': 'Legend' },
    el('figcaption', {}, 'Legend'),
    el('ul', { class: 'legend-kinds', 'aria-label': 'Entity kinds' }, ...kinds, current),
    el('ul', { class: 'legend-families', 'aria-label': 'Relationship types' }, ...families),
    el('ul', { class: 'legend-statuses', 'aria-label': 'Claim status' }, ...statuses),
  );
}
