// An organization's leadership succession as a timeline bar chart. Each term is drawn as the stretch it certainly held
// (solid) and the stretch its uncertain bounds allow (hatched; an unknown end fades out, never "ongoing"). Gaps (no term
// possibly in force, or none known to be) and overlaps (two terms certainly in force at once) are marked, not smoothed.
import { el } from './dom';
import { dateText, intervalText, type Interval } from './format';

export interface Term {
  id: string;
  person: { id: string; name: string };
  role: string | null;
  endReason: string | null;
  status: string;
  interval: Interval;
  endedBy: { latest: string; reason: string } | null;
}

/** A stretch of time in fractional years (2015.5 = 1 July 2015). */
interface Span {
  from: number;
  to: number;
  /** The dates the ends come from, as text ("Apr 2017"), where the span was read from the data. */
  fromText?: string;
  toText?: string;
}

/** Shorter stretches without a term known in force are the imprecision of month or year dates, not gaps. */
const MIN_UNKNOWN_GAP_YEARS = 0.25;

function parts(date: string): [number, number | undefined, number | undefined] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m, d];
}

/** The first moment of a date's span. */
function startOf(date: string): number {
  const [y, m, d] = parts(date);
  return y + (m ? (m - 1) / 12 : 0) + (d ? (d - 1) / 365 : 0);
}

/** The last moment of a date's span. */
function endOf(date: string): number {
  const [y, m, d] = parts(date);
  if (!m) return y + 1;
  if (!d) return y + m / 12;
  return y + (m - 1) / 12 + d / 365;
}

/** An end of a span as text: the date it was read from, else the month the moment falls in. */
function endText(span: Span, end: 'from' | 'to'): string {
  const text = end === 'from' ? span.fromText : span.toText;
  return text ?? momentText(end === 'from' ? span.from : span.to);
}

function momentText(t: number): string {
  const year = Math.floor(t + 1e-9);
  const month = Math.min(12, Math.floor((t - year) * 12 + 1e-6) + 1);
  return dateText(`${year}-${String(month).padStart(2, '0')}`);
}

interface Geometry {
  term: Term;
  /** Possible extent; undefined sides are unknown. */
  earliest?: number;
  latest?: number;
  /** Certainly in force (from the latest possible start to the earliest possible end), if anything. */
  core?: Span;
  /** The moments the term is known in force: its core, else the one moment its known bound pins down. */
  known?: Span;
  /** The core as drawn: an exact month or day bound reads as that whole date. */
  drawn?: Span;
}

function geometry(term: Term): Geometry {
  const { start, end } = term.interval;
  const earliest = start.earliest ? startOf(start.earliest) : undefined;
  const latest = end.latest ? endOf(end.latest) : undefined;
  const coreFrom = start.latest ? endOf(start.latest) : undefined;
  const coreTo = end.earliest ? startOf(end.earliest) : undefined;
  const startText = start.latest ? dateText(start.latest) : undefined;
  const endText = end.earliest ? dateText(end.earliest) : undefined;
  const core =
    coreFrom !== undefined && coreTo !== undefined && coreFrom <= coreTo
      ? { from: coreFrom, to: coreTo, fromText: startText, toText: endText }
      : undefined;
  const pinText = coreFrom !== undefined ? startText : endText;
  const pin = coreFrom ?? coreTo;
  const known = core ?? (pin !== undefined ? { from: pin, to: pin, fromText: pinText, toText: pinText } : undefined);
  const drawn = core && {
    from: start.edtf === start.earliest && start.earliest ? startOf(start.earliest) : core.from,
    to: end.edtf === end.latest && end.latest ? endOf(end.latest) : core.to,
  };
  return { term, earliest, latest, core, known, drawn };
}

/** The stretches inside [from, to] that none of the spans covers. */
function holes(spans: Span[], from: number, to: number): Span[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const result: Span[] = [];
  let reached = from;
  let reachedText: string | undefined;
  for (const span of sorted) {
    if (span.from > reached && span.from <= to) {
      result.push({ from: reached, to: Math.min(span.from, to), fromText: reachedText, toText: span.fromText });
    }
    if (span.to >= reached) [reached, reachedText] = [span.to, span.toText];
  }
  if (reached < to) result.push({ from: reached, to, fromText: reachedText });
  return result;
}

interface Marker {
  kind: 'gap' | 'gap-unknown' | 'overlap';
  span: Span;
  text: string;
}

function markers(geometries: Geometry[]): Marker[] {
  const result: Marker[] = [];
  const cores = geometries.map((g) => g.known).filter((c): c is Span => c !== undefined);
  const possible = geometries.map((g) => ({ from: g.earliest ?? -Infinity, to: g.latest ?? Infinity }));
  if (cores.length) {
    const first = Math.min(...cores.map((c) => c.from));
    const last = Math.max(...cores.map((c) => c.to));
    const definite = holes(possible, first, last);
    for (const span of definite) {
      result.push({ kind: 'gap', span, text: `Gap: no leader in force between ${endText(span, 'from')} and ${endText(span, 'to')}.` });
    }
    for (const span of holes(cores, first, last)) {
      if (span.to - span.from < MIN_UNKNOWN_GAP_YEARS) continue;
      if (definite.some((d) => d.from <= span.from && d.to >= span.to)) continue;
      result.push({ kind: 'gap-unknown', span, text: `No leader known in force between ${endText(span, 'from')} and ${endText(span, 'to')} (the sources leave it open).` });
    }
  }
  for (let i = 0; i < geometries.length; i++) {
    for (let j = i + 1; j < geometries.length; j++) {
      const a = geometries[i]!.core;
      const b = geometries[j]!.core;
      if (!a || !b) continue;
      const later = a.from >= b.from ? a : b;
      const earlier = a.to <= b.to ? a : b;
      if (later.from >= earlier.to) continue;
      const span = { from: later.from, to: earlier.to, fromText: later.fromText, toText: earlier.toText };
      const names = `${geometries[i]!.term.person.name} and ${geometries[j]!.term.person.name}`;
      result.push({ kind: 'overlap', span, text: `Overlap: ${names} both in force between ${endText(span, 'from')} and ${endText(span, 'to')}.` });
    }
  }
  return result;
}

export interface SuccessionHooks {
  openEntity(id: string): void;
}

export function successionFigure(terms: Term[], asOf: string | undefined, hooks: SuccessionHooks): HTMLElement {
  const geometries = terms.map(geometry);
  const found = markers(geometries);
  const known = geometries.flatMap((g) => [g.earliest, g.latest, g.drawn?.from, g.drawn?.to, g.known?.from]).filter((t): t is number => t !== undefined);
  // With no date at all there is no time axis to draw on: the terms are listed as text.
  const undated = known.length === 0;
  const asOfSpan = asOf ? { from: startOf(asOf), to: endOf(asOf) } : undefined;
  if (asOfSpan) known.push(asOfSpan.from, asOfSpan.to);
  // Unknown ends get a year of room to fade into.
  const openBefore = geometries.some((g) => g.earliest === undefined);
  const openAfter = geometries.some((g) => g.latest === undefined);
  let min = Math.floor(Math.min(...known)) - (openBefore ? 1 : 0);
  let max = Math.ceil(Math.max(...known)) + (openAfter ? 1 : 0);
  if (!Number.isFinite(min) || !Number.isFinite(max)) [min, max] = [new Date().getFullYear() - 1, new Date().getFullYear()];
  if (max - min < 2) max = min + 2;
  const x = (t: number) => `${((Math.min(max, Math.max(min, t)) - min) / (max - min)) * 100}%`;
  const place = (element: HTMLElement, span: Span) => {
    // Script-set styles are allowed by the CSP (style attributes in markup are not).
    element.style.left = x(span.from);
    element.style.width = `calc(${x(span.to)} - ${x(span.from)})`;
    return element;
  };

  const axis = el('div', { class: 'axis', 'aria-hidden': 'true' });
  const step = Math.max(1, Math.ceil((max - min) / 8));
  for (let year = min; year <= max; year += step) {
    const tick = el('span', { class: `axis-tick${year === min ? ' first' : ''}${year + step > max ? ' last' : ''}` }, String(year));
    tick.style.left = x(year);
    axis.append(tick);
  }

  const rows = geometries.map((g) => {
    const { term } = g;
    const track = el('div', { class: 'track', 'aria-hidden': 'true' });
    const extent = el('div', { class: 'bar possible' });
    if (g.earliest === undefined) extent.classList.add('open-start');
    if (g.latest === undefined) extent.classList.add('open-end');
    track.append(place(extent, { from: g.earliest ?? min, to: g.latest ?? max }));
    if (g.drawn) track.append(place(el('div', { class: 'bar core' }), g.drawn));
    const text = [
      intervalText(term.interval),
      term.endedBy ? `ended by ${dateText(term.endedBy.latest)} (${term.endedBy.reason})` : term.endReason ? `ended: ${term.endReason}` : null,
      term.status !== 'ASSERTED' ? term.status : null,
    ].filter(Boolean);
    const link = el('button', { type: 'button', class: 'link-button person-link', 'data-id': term.person.id }, term.person.name);
    link.addEventListener('click', () => hooks.openEntity(term.person.id));
    return el(
      'li',
      { class: 'term', 'data-person': term.person.id, 'data-id': term.id, 'data-status': term.status },
      el('div', { class: 'term-label' }, link, term.role ? el('span', { class: 'role' }, term.role) : null),
      el('div', { class: 'term-body' }, undated ? null : track, el('p', { class: 'term-text' }, text.join(' · '))),
    );
  });

  const layer = el('div', { class: 'markers', 'aria-hidden': 'true' });
  if (asOfSpan) layer.append(place(el('div', { class: 'as-of-band', title: `As of ${dateText(asOf!)}` }), asOfSpan));
  for (const marker of found) {
    const element = place(el('div', { class: marker.kind === 'overlap' ? 'overlap' : `gap ${marker.kind}`, title: marker.text }), marker.span);
    layer.append(element);
  }

  return el(
    'figure',
    { class: 'succession', 'aria-label': 'Leadership succession' },
    el('div', { class: 'chart' }, undated ? null : el('div', { class: 'axis-row' }, axis), el('ol', { class: 'terms' }, ...rows), undated ? null : layer),
    el(
      'figcaption',
      {},
      undated
        ? el('p', {}, 'The sources date none of these terms.')
        : el('p', { class: 'legend-line' },
            el('span', { class: 'legend-item' }, el('span', { class: 'swatch core' }), 'certainly in force'),
            el('span', { class: 'legend-item' }, el('span', { class: 'swatch possible' }), 'possibly in force (uncertain or unknown bounds)')),
      undated ? null : found.length
        ? el('ul', { class: 'succession-notes' }, ...found.map((m) => el('li', { class: `${m.kind}-note` }, m.text)))
        : el('p', {}, 'No gaps or overlaps between the recorded terms.'),
    ),
  );
}
