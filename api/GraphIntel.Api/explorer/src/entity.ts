// The entity panel: who or what the entity is, its facts grouped by relationship type (contested claims side by side,
// each with its sources), an organization's leadership succession and strength estimates, and its events. One GraphQL
// request per view; a newer view aborts the older request.
import { gql, type GraphQLQuery } from './api';
import { el, replace } from './dom';
import {
  boundText,
  dateText,
  excerpt,
  humanize,
  intervalText,
  kindLabel,
  rangeText,
  temporalLabel,
  typeGroupLabel,
  typePhrase,
  type Interval,
} from './format';
import type { ViewState } from './state';
import { successionFigure, type Term } from './succession';
import type { TimeTick } from './timebar';

export interface Citation {
  source: { id: string; title: string };
  quote: string;
  supports?: string | null;
  location: { start: number; end: number; line: number } | null;
}

interface EntityRef {
  id: string;
  name: string;
  kind: string;
}

interface Fact {
  id: string;
  type: string;
  status: string;
  note: string | null;
  role: string | null;
  endReason: string | null;
  temporalStatus: string | null;
  from: EntityRef;
  to: EntityRef;
  interval: Interval;
  endedBy: { latest: string; reason: string } | null;
  citations: Citation[];
}

interface Estimate {
  id: string;
  min: number | null;
  max: number | null;
  asOf: string | null;
  estimatedBy: string | null;
  status: string;
  note: string | null;
  citations: Citation[];
}

interface EventRef {
  id: string;
  name: string;
  eventKind: string;
  date: string | null;
  dateEarliest: string | null;
}

interface Participant {
  entity: EntityRef;
  role: string;
  attribution: string | null;
  status: string;
}

interface Casualty {
  kind: string;
  min: number | null;
  max: number | null;
  of: string | null;
  status: string;
  citations: Citation[];
}

export interface EntityData {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  description: string | null;
  citations: Citation[];
  relationships: Fact[];
  organizationKind?: string;
  founded?: string | null;
  dissolved?: string | null;
  leadershipHistory?: Term[];
  strengthEstimates?: Estimate[];
  events?: EventRef[];
  eventKind?: string;
  date?: string | null;
  dateEarliest?: string | null;
  participants?: Participant[];
  casualties?: Casualty[];
}

const ENTITY = `query Entity($id: ID!, $asOf: Date, $certainty: TemporalCertainty) {
  entity(id: $id) {
    id kind name aliases description
    citations { ...Cited supports }
    relationships(asOf: $asOf, certainty: $certainty) {
      id type status note role endReason temporalStatus
      from { id name kind } to { id name kind }
      interval { ...When }
      endedBy { latest reason }
      citations { ...Cited }
    }
    ... on Organization {
      organizationKind founded dissolved
      leadershipHistory {
        id person { id name } role endReason status
        interval { ...When }
        endedBy { latest reason }
        citations { ...Cited }
      }
      strengthEstimates { id min max asOf estimatedBy status note citations { ...Cited } }
      events { ...Happening }
    }
    ... on Person { events { ...Happening } }
    ... on Place { events { ...Happening } }
    ... on Event {
      eventKind date dateEarliest
      participants { entity { id name kind } role attribution status }
      casualties { kind min max of status citations { ...Cited } }
    }
  }
}
fragment When on Interval { edtf start { edtf earliest latest } end { edtf earliest latest } }
fragment Cited on Citation { source { id title } quote location { start end line } }
fragment Happening on Event { id name eventKind date dateEarliest }`;

/** The order fact groups are shown in: who leads it and where it came from first, then ties, then places and events. */
const TYPE_ORDER = [
  'LEADS', 'FOUNDED', 'REBRANDED_AS', 'SPLIT_FROM', 'MERGED_INTO', 'UNDER_UMBRELLA_OF', 'AFFILIATE_OF', 'ALLIED_WITH',
  'COOPERATES_WITH', 'SUPPORTS', 'RIVAL_OF', 'HOSTS', 'MEMBER_OF', 'DESIGNATED', 'BASED_IN', 'OPERATES_IN',
  'PARTICIPATED_IN', 'OCCURRED_IN',
];

const CONTESTED = new Set(['DISPUTED', 'DENIED']);

export interface EntityEvents {
  openEntity(id: string): void;
  openCitation(citation: Citation): void;
  /** The entity shown (after a merge its id may differ from the one asked for) and its dated events. */
  loaded(entity: EntityData, ticks: TimeTick[]): void;
}

/** The request for an entity as the view shows it. */
export function entityQuery(state: ViewState): GraphQLQuery {
  return { query: ENTITY, variables: { id: state.entity, asOf: state.asOf ?? null, certainty: state.certainty } };
}

export class EntityPanel {
  private controller: AbortController | undefined;
  private shownId: string | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly events: EntityEvents,
  ) {}

  /** Forgets the entity shown (the start page takes the panel), dropping a load still running. */
  clear(): void {
    this.controller?.abort();
    this.shownId = undefined;
    this.root.removeAttribute('aria-busy');
  }

  /** Loads and shows the state's entity; rejects with the API's error (the status line shows it). */
  async render(state: ViewState): Promise<void> {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const id = state.entity!;
    const sameEntity = this.shownId === id;
    this.root.setAttribute('aria-busy', 'true');
    if (!sameEntity) replace(this.root, el('p', { class: 'loading' }, 'Loading…'));
    try {
      const data = await gql<{ entity: EntityData | null }>(entityQuery(state), controller.signal);
      if (controller.signal.aborted) return;
      if (!data.entity) {
        this.shownId = undefined;
        replace(this.root, el('h2', {}, 'Not found'), el('p', {}, `No entity has the id ${id}.`));
        this.events.loaded({ id, kind: '', name: '', aliases: [], description: null, citations: [], relationships: [] }, []);
        return;
      }
      // Keep the reader's place when only the date or certainty changed.
      const scroll = sameEntity ? this.root.scrollTop : 0;
      this.shownId = id;
      this.paint(data.entity, state);
      this.root.scrollTop = scroll;
      this.events.loaded(data.entity, eventTicks(data.entity));
    } catch (e) {
      if (controller.signal.aborted) return;
      if (!sameEntity) {
        this.shownId = undefined;
        replace(this.root, el('h2', {}, 'Could not load the entity'), el('p', { class: 'error' }, (e as Error).message));
      }
      throw e;
    } finally {
      if (this.controller === controller) this.root.removeAttribute('aria-busy');
    }
  }

  private paint(entity: EntityData, state: ViewState): void {
    replace(
      this.root,
      this.identity(entity),
      state.asOf ? this.asOfNote(state) : null,
      entity.kind === 'EVENT' ? this.eventDetails(entity) : null,
      entity.leadershipHistory?.length ? this.succession(entity.leadershipHistory, state) : null,
      entity.strengthEstimates?.length ? this.estimates(entity.strengthEstimates) : null,
      this.facts(entity, state),
      entity.events?.length ? this.eventList(entity.events) : null,
      entity.citations.length ? this.entitySources(entity.citations) : null,
    );
  }

  private identity(entity: EntityData): HTMLElement {
    const kind = [kindLabel(entity.kind), entity.organizationKind && humanize(entity.organizationKind), entity.eventKind && humanize(entity.eventKind)]
      .filter(Boolean)
      .join(' · ');
    const dates = [
      entity.founded ? `Founded ${dateText(entity.founded)}` : null,
      entity.dissolved ? `dissolved ${dateText(entity.dissolved)}` : null,
      entity.date ? `Date: ${boundText({ edtf: entity.date })}` : null,
    ].filter(Boolean);
    return el(
      'header',
      { class: 'identity' },
      el('h2', {}, entity.name),
      el('p', { class: `kind kind-${entity.kind.toLowerCase()}` }, kind),
      el('p', { class: 'entity-id' }, el('span', { class: 'visually-hidden' }, 'Id: '), entity.id),
      dates.length ? el('p', { class: 'dates' }, dates.join(', ')) : null,
      entity.description ? el('p', { class: 'description' }, entity.description) : null,
      entity.aliases.length
        ? el('div', { class: 'aliases' }, el('h3', { class: 'minor' }, `Also known as (${entity.aliases.length})`),
            el('ul', { 'aria-label': 'Aliases' }, ...entity.aliases.map((alias) => el('li', {}, alias))))
        : el('ul', { 'aria-label': 'Aliases', class: 'empty' }),
    );
  }

  private asOfNote(state: ViewState): HTMLElement {
    const when = dateText(state.asOf!);
    return el(
      'p',
      { class: 'as-of-note' },
      state.certainty === 'KNOWN'
        ? `Facts known to hold in ${when}.`
        : `Facts known to hold in ${when}, and (marked “Possibly in force”) those the sources neither confirm nor exclude then.`,
    );
  }

  private facts(entity: EntityData, state: ViewState): HTMLElement {
    const byType = new Map<string, Fact[]>();
    for (const fact of entity.relationships) byType.set(fact.type, [...(byType.get(fact.type) ?? []), fact]);
    const types = [...byType.keys()].sort((a, b) => rank(a) - rank(b));
    if (!types.length) {
      return el('section', { class: 'fact-groups', 'aria-label': 'Facts' }, el('h3', {}, 'Facts'),
        el('p', { class: 'empty' }, state.asOf ? `No facts hold in ${dateText(state.asOf)} as far as the sources say.` : 'No facts recorded.'));
    }
    return el(
      'div',
      { class: 'fact-groups' },
      ...types.map((type) => this.factGroup(entity.id, type, byType.get(type)!)),
    );
  }

  private factGroup(selfId: string, type: string, facts: Fact[]): HTMLElement {
    const sorted = [...facts].sort((a, b) => startKey(a).localeCompare(startKey(b)) || a.id.localeCompare(b.id));
    const settled = sorted.filter((f) => !CONTESTED.has(f.status));
    const contested = sorted.filter((f) => CONTESTED.has(f.status));
    const label = typeGroupLabel(type);
    return el(
      'section',
      { class: 'facts', 'data-type': type },
      el('h3', {}, label, el('span', { class: 'count' }, ` (${facts.length})`)),
      settled.length ? el('div', { class: 'fact-list' }, ...settled.map((f) => this.fact(selfId, f))) : null,
      contested.length
        ? el(
            'div',
            { class: 'contested', role: 'group', 'aria-label': `Contested: ${label}` },
            el('p', { class: 'contested-note' }, 'Contested: the sources disagree. Each claim stands with its own sources.'),
            el('div', { class: 'contested-claims' }, ...contested.map((f) => this.fact(selfId, f))),
          )
        : null,
    );
  }

  private fact(selfId: string, fact: Fact): HTMLElement {
    const outgoing = fact.from.id === selfId;
    const other = outgoing ? fact.to : fact.from;
    // The lifecycle end says when and why; the stated end reason only when no lifecycle end is derived.
    const ending = fact.endedBy
      ? `ended by ${dateText(fact.endedBy.latest)} (${fact.endedBy.reason})`
      : fact.endReason && `ended: ${fact.endReason}`;
    const details = [fact.role, ending].filter(Boolean) as string[];
    return el(
      'article',
      { class: 'fact', 'data-id': fact.id, 'data-status': fact.status, 'data-temporal': fact.temporalStatus ?? '' },
      el(
        'p',
        { class: 'fact-line' },
        el('span', { class: 'phrase' }, typePhrase(fact.type, outgoing)),
        ' ',
        this.entityLink(other, 'entity-link'),
        ' ',
        el('span', { class: `kind-tag kind-${other.kind.toLowerCase()}` }, kindLabel(other.kind)),
      ),
      el(
        'p',
        { class: 'fact-meta' },
        // The status in the API's own word (ASSERTED, DISPUTED, DENIED): the one the analyst queries and filters by.
        el('span', { class: `status status-${fact.status.toLowerCase()}` }, fact.status),
        el('span', { class: 'interval' }, intervalText(fact.interval)),
        fact.temporalStatus ? el('span', { class: `temporal temporal-${fact.temporalStatus.toLowerCase()}` }, temporalLabel(fact.temporalStatus)) : null,
        details.length ? el('span', { class: 'details' }, details.join(', ')) : null,
      ),
      fact.note ? el('p', { class: 'note' }, fact.note) : null,
      this.citations(fact.citations),
    );
  }

  /**
   * A button that opens an entity. Facts' counterparts are `.entity-link` (the selector contract); the same entity
   * named elsewhere (events, participants) gets another class, so a fact's link is never ambiguous.
   */
  private entityLink(entity: { id: string; name: string }, role: 'entity-link' | 'event-link' | 'participant-link'): HTMLButtonElement {
    const button = el('button', { type: 'button', class: `link-button ${role}`, 'data-id': entity.id }, entity.name);
    button.addEventListener('click', () => this.events.openEntity(entity.id));
    return button;
  }

  private citations(citations: Citation[]): HTMLElement {
    return el(
      'ul',
      { class: 'citations', 'aria-label': `Sources (${citations.length})` },
      ...citations.map((citation) => el('li', {}, this.citationButton(citation))),
    );
  }

  private citationButton(citation: Citation): HTMLButtonElement {
    const button = el(
      'button',
      { type: 'button', class: 'citation', 'data-source': citation.source.id },
      el('span', { class: 'citation-title' }, citation.source.title),
      el('q', {}, excerpt(citation.quote, 200)),
    );
    button.addEventListener('click', () => this.events.openCitation(citation));
    return button;
  }

  private succession(terms: Term[], state: ViewState): HTMLElement {
    return el(
      'section',
      { class: 'succession-section', 'aria-label': 'Succession' },
      el('h3', {}, 'Leadership succession'),
      successionFigure(terms, state.asOf, { openEntity: (id) => this.events.openEntity(id) }),
    );
  }

  private estimates(estimates: Estimate[]): HTMLElement {
    return el(
      'section',
      { class: 'estimates-section', 'aria-label': 'Strength' },
      el('h3', {}, 'Strength estimates'),
      el(
        'table',
        { class: 'estimates', 'aria-label': 'Strength estimates' },
        el('thead', {}, el('tr', {}, ...['As of', 'Fighters', 'Estimated by', 'Status', 'Sources'].map((h) => el('th', { scope: 'col' }, h)))),
        el(
          'tbody',
          {},
          ...estimates.map((e) =>
            el(
              'tr',
              { 'data-id': e.id, 'data-status': e.status },
              el('td', { 'data-label': 'As of' }, e.asOf ? dateText(e.asOf) : 'undated'),
              el('td', { class: 'number', 'data-label': 'Fighters' }, rangeText(e.min, e.max)),
              el('td', { class: e.estimatedBy ? '' : 'unknown', 'data-label': 'Estimated by' }, e.estimatedBy ?? 'not stated'),
              el('td', { 'data-label': 'Status' }, el('span', { class: `status status-${e.status.toLowerCase()}` }, e.status)),
              el('td', { 'data-label': 'Sources' }, this.citations(e.citations), e.note ? el('p', { class: 'note' }, e.note) : null),
            ),
          ),
        ),
      ),
    );
  }

  private eventList(events: EventRef[]): HTMLElement {
    return el(
      'section',
      { class: 'events-section', 'aria-label': 'Events' },
      el('h3', {}, `Events (${events.length})`),
      el(
        'ol',
        { class: 'events' },
        ...events.map((event) =>
          el(
            'li',
            { 'data-id': event.id },
            el('span', { class: 'event-date' }, event.date ? boundText({ edtf: event.date }) : 'undated'),
            ' ',
            this.entityLink(event, 'event-link'),
            ' ',
            el('span', { class: 'kind-tag' }, humanize(event.eventKind)),
          ),
        ),
      ),
    );
  }

  private eventDetails(entity: EntityData): HTMLElement {
    const participants = entity.participants ?? [];
    const casualties = entity.casualties ?? [];
    return el(
      'section',
      { class: 'event-details', 'aria-label': 'Event' },
      participants.length
        ? el('div', {}, el('h3', {}, 'Participants'),
            el('ul', { class: 'participants' }, ...participants.map((p) =>
              el('li', { 'data-status': p.status }, this.entityLink(p.entity, 'participant-link'), ' ',
                el('span', { class: 'details' }, [humanize(p.role), p.attribution && humanize(p.attribution).toLowerCase()].filter(Boolean).join(', ')), ' ',
                el('span', { class: `status status-${p.status.toLowerCase()}` }, p.status)))))
        : null,
      casualties.length
        ? el('div', {}, el('h3', {}, 'Casualties'),
            el('ul', { class: 'casualties' }, ...casualties.map((c) =>
              el('li', { 'data-status': c.status },
                el('span', {}, `${rangeText(c.min, c.max)} ${humanize(c.kind).toLowerCase()}${c.of ? ` (${c.of})` : ''}`), ' ',
                el('span', { class: `status status-${c.status.toLowerCase()}` }, c.status),
                this.citations(c.citations)))))
        : null,
    );
  }

  private entitySources(citations: Citation[]): HTMLElement {
    return el(
      'section',
      { class: 'entity-sources', 'aria-label': 'Sources on the entity' },
      el('h3', {}, 'Sources on the entity'),
      el('ul', { class: 'citations' }, ...citations.map((c) =>
        el('li', {}, c.supports ? el('span', { class: 'supports' }, `${humanize(c.supports)}: `) : null, this.citationButton(c)))),
    );
  }
}

function rank(type: string): number {
  const i = TYPE_ORDER.indexOf(type);
  return i < 0 ? TYPE_ORDER.length : i;
}

/** Sorts facts by when they began (unknown starts last). */
function startKey(fact: Fact): string {
  return fact.interval.start.earliest ?? fact.interval.start.latest ?? '9999';
}

function eventTicks(entity: EntityData): TimeTick[] {
  // An event is its own tick; anyone else shows the events they took part in.
  const events = entity.kind === 'EVENT' ? [{ name: entity.name, dateEarliest: entity.dateEarliest ?? null }] : (entity.events ?? []);
  return events.filter((e) => e.dateEarliest).map((e) => ({ date: e.dateEarliest!, label: e.name }));
}
