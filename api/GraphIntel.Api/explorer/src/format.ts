// Text for the data's values, shared by every view: dates and uncertain interval bounds, kinds, relationship types and
// statuses. One place, so the entity panel, the canvas and its tables say the same thing the same way.

/** One end of an interval as the API gives it (`DateBound`). */
export interface DateBound {
  edtf: string;
  earliest?: string | null;
  latest?: string | null;
}

/** When a fact held (`Interval`). */
export interface Interval {
  edtf: string;
  start: DateBound;
  end: DateBound;
}

export type ClaimStatus = 'ASSERTED' | 'DISPUTED' | 'DENIED' | 'RETRACTED';
export type TemporalStatus = 'KNOWN' | 'POSSIBLE' | 'EXCLUDED';
export type EntityKind = 'ORGANIZATION' | 'PERSON' | 'PLACE' | 'EVENT';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date of year, month or day precision as read: "2017", "May 2017", "3 May 2017"; anything else as it is. */
export function dateText(date: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const [, year, month, day] = m;
  if (!month) return year!;
  const monthName = MONTHS[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** The shape of a bound, read from its EDTF: a date, "on or before", "on or after", "between", or unknown. */
export type BoundShape =
  | { kind: 'unknown' }
  | { kind: 'exact'; date: string }
  | { kind: 'before'; date: string }
  | { kind: 'after'; date: string }
  | { kind: 'between'; from: string; to: string };

export function boundShape(bound: DateBound): BoundShape {
  const edtf = bound.edtf.trim();
  if (edtf === '' || edtf === '..') return { kind: 'unknown' };
  const range = /^\[(.*)\.\.(.*)\]$/.exec(edtf);
  if (!range) return { kind: 'exact', date: edtf };
  const [, from, to] = range;
  if (from && to) return from === to ? { kind: 'exact', date: from } : { kind: 'between', from, to };
  if (to) return { kind: 'before', date: to };
  if (from) return { kind: 'after', date: from };
  return { kind: 'unknown' };
}

/** True when the bound is not one exact date (unknown, or known only as a range). */
export function isUncertain(bound: DateBound): boolean {
  return boundShape(bound).kind !== 'exact';
}

/** A bound on its own: "2017", "by 2024", "2015 or later", "2016–2018 (uncertain)", "unknown". */
export function boundText(bound: DateBound): string {
  const shape = boundShape(bound);
  switch (shape.kind) {
    case 'unknown':
      return 'unknown';
    case 'exact':
      return dateText(shape.date);
    case 'before':
      return `by ${dateText(shape.date)}`;
    case 'after':
      return `${dateText(shape.date)} or later`;
    case 'between':
      return `${dateText(shape.from)}–${dateText(shape.to)} (uncertain)`;
  }
}

/** How the start reads in a phrase: "from 2015", "from 2015 or later", "began by 2016", "began 2016–2018 (uncertain)". */
function startPhrase(bound: DateBound): string {
  const shape = boundShape(bound);
  switch (shape.kind) {
    case 'unknown':
      return 'start unknown';
    case 'exact':
    case 'after':
      return `from ${boundText(bound)}`;
    case 'before':
      return `began ${boundText(bound)}`;
    case 'between':
      return `began ${boundText(bound)}`;
  }
}

/** How the end reads in a phrase: "until 2016", "ended by 2024", "ended 2019 or later"; an unknown end is unknown, never "ongoing". */
function endPhrase(bound: DateBound): string {
  const shape = boundShape(bound);
  switch (shape.kind) {
    case 'unknown':
      return 'end unknown';
    case 'exact':
      return `until ${boundText(bound)}`;
    default:
      return `ended ${boundText(bound)}`;
  }
}

/**
 * An interval as a reader says it: "2015–2016", "in 2017", "from 2015, end unknown", "from 2015 or later, ended by
 * 2024", "dates unknown". Uncertain bounds are said as such; an open end is "end unknown", never "present".
 */
export function intervalText(interval: Interval): string {
  const start = boundShape(interval.start);
  const end = boundShape(interval.end);
  if (start.kind === 'unknown' && end.kind === 'unknown') return 'dates unknown';
  if (start.kind === 'exact' && end.kind === 'exact') {
    return start.date === end.date ? `in ${dateText(start.date)}` : `${dateText(start.date)}–${dateText(end.date)}`;
  }
  // A one-off (an event's participation, say) dated within a range: both ends share the bound, said once.
  if (interval.start.edtf === interval.end.edtf) return boundText(interval.start);
  return `${startPhrase(interval.start)}, ${endPhrase(interval.end)}`;
}

/** The year a date falls in, or undefined for anything that is not a date. */
export function yearOf(date: string | null | undefined): number | undefined {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : undefined;
}

const KIND_LABELS: Record<EntityKind, string> = {
  ORGANIZATION: 'Organization',
  PERSON: 'Person',
  PLACE: 'Place',
  EVENT: 'Event',
};

/** "Organization", "Person", "Place", "Event". */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind as EntityKind] ?? humanize(kind);
}

/** An enum value as words: ARMED_GROUP → "Armed group". */
export function humanize(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface TypeWords {
  /** The group's heading. */
  group: string;
  /** `from TYPE to`, said from the `from` side: "Split from". */
  outgoing: string;
  /** The same fact said from the `to` side: "Splinter". */
  incoming: string;
}

const TYPE_WORDS: Record<string, TypeWords> = {
  AFFILIATE_OF: { group: 'Affiliation', outgoing: 'Affiliate of', incoming: 'Has affiliate' },
  UNDER_UMBRELLA_OF: { group: 'Umbrella', outgoing: 'Under the umbrella of', incoming: 'Umbrella over' },
  SPLIT_FROM: { group: 'Splits', outgoing: 'Split from', incoming: 'Splinter group' },
  REBRANDED_AS: { group: 'Rebrands', outgoing: 'Rebranded as', incoming: 'Formerly known as' },
  MERGED_INTO: { group: 'Mergers', outgoing: 'Merged into', incoming: 'Absorbed' },
  ALLIED_WITH: { group: 'Alliances', outgoing: 'Allied with', incoming: 'Allied with' },
  COOPERATES_WITH: { group: 'Cooperation', outgoing: 'Cooperates with', incoming: 'Cooperates with' },
  RIVAL_OF: { group: 'Rivalries', outgoing: 'Rival of', incoming: 'Rival of' },
  SUPPORTS: { group: 'Support', outgoing: 'Supports', incoming: 'Supported by' },
  HOSTS: { group: 'Hosting', outgoing: 'Hosts', incoming: 'Hosted by' },
  LEADS: { group: 'Leadership', outgoing: 'Leads', incoming: 'Led by' },
  FOUNDED: { group: 'Founding', outgoing: 'Founded', incoming: 'Founded by' },
  MEMBER_OF: { group: 'Membership', outgoing: 'Member of', incoming: 'Has member' },
  DESIGNATED: { group: 'Designations', outgoing: 'Designated', incoming: 'Designated by' },
  OPERATES_IN: { group: 'Areas of operation', outgoing: 'Operates in', incoming: 'Operating here' },
  BASED_IN: { group: 'Bases', outgoing: 'Based in', incoming: 'Based here' },
  PARTICIPATED_IN: { group: 'Events taken part in', outgoing: 'Took part in', incoming: 'Participant' },
  OCCURRED_IN: { group: 'Event locations', outgoing: 'Occurred in', incoming: 'Event here' },
};

/** The relationship type as a sentence's verb, `from TYPE to`: "Split from", "Rebranded as". */
export function typeLabel(type: string): string {
  return TYPE_WORDS[type]?.outgoing ?? humanize(type);
}

/** The heading of a group of facts of one type: "Splits", "Leadership". */
export function typeGroupLabel(type: string): string {
  return TYPE_WORDS[type]?.group ?? humanize(type);
}

/** The fact said from one entity's side: outgoing "Split from", incoming "Splinter group". */
export function typePhrase(type: string, outgoing: boolean): string {
  const words = TYPE_WORDS[type];
  if (!words) return outgoing ? humanize(type) : `${humanize(type)} (incoming)`;
  return outgoing ? words.outgoing : words.incoming;
}

const STATUS_LABELS: Record<ClaimStatus, string> = {
  ASSERTED: 'Asserted',
  DISPUTED: 'Disputed',
  DENIED: 'Denied',
  RETRACTED: 'Retracted',
};

/** "Asserted", "Disputed", "Denied", "Retracted". */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status as ClaimStatus] ?? humanize(status);
}

/** How a fact stands on the asOf date: "Known in force", "Possibly in force"; empty without asOf. */
export function temporalLabel(status: string | null | undefined): string {
  if (status === 'KNOWN') return 'Known in force';
  if (status === 'POSSIBLE') return 'Possibly in force';
  if (status === 'EXCLUDED') return 'Not in force';
  return '';
}

/** A fighter count range: "3,000–4,000", "over 3,000", "up to 6,000", "about 2,000", "no figure". */
export function rangeText(min: number | null | undefined, max: number | null | undefined): string {
  const n = (v: number) => v.toLocaleString('en-US');
  const hasMin = min !== null && min !== undefined;
  const hasMax = max !== null && max !== undefined;
  if (hasMin && hasMax) return min === max ? n(min) : `${n(min)}–${n(max)}`;
  if (hasMin) return `at least ${n(min)}`;
  if (hasMax) return `up to ${n(max)}`;
  return 'no figure';
}

/** A quote shortened for a button or a list, on a word boundary, with an ellipsis when cut. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
