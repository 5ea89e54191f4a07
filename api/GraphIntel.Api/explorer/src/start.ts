// The entity panel with no entity chosen: what the explorer is, how to use it, and a few entities to start from. The
// examples are found by name at run time (one request), so they follow the data rather than a list of ids.
import { gql } from './api';
import { el, replace } from './dom';
import { kindLabel } from './format';

/** Names to start from: a rebranded and contested group, a province of the Islamic State, an umbrella, a coalition. */
const EXAMPLES = ['TTT', 'ISIS-K', 'KIB', 'UTO'];

const EXAMPLE_QUERY = `query Examples(${EXAMPLES.map((_, i) => `$t${i}: String!`).join(', ')}) {
${EXAMPLES.map((_, i) => `  e${i}: search(text: $t${i}, first: 1) { entity { id name kind description } }`).join('\n')}
  statistics { sources organizations people places events relationships citations }
}`;

interface Statistics {
  sources: number;
  organizations: number;
  people: number;
  places: number;
  events: number;
  relationships: number;
  citations: number;
}

interface Example {
  entity: { id: string; name: string; kind: string; description: string | null };
}

export async function startPage(root: HTMLElement, openEntity: (id: string) => void): Promise<void> {
  const examples = el('ul', { class: 'examples', 'aria-label': 'Example entities' });
  const counts = el('p', { class: 'counts' });
  replace(
    root,
    el('h2', {}, 'Explore the graph'),
    el(
      'p',
      { class: 'lead' },
      'GraphIntel holds what the sources say about armed groups, the states and bodies around them, their leaders, ' +
        'places and events — every fact with its sources, contested claims side by side, and uncertain dates kept uncertain.',
    ),
    el(
      'ul',
      { class: 'how' },
      el('li', {}, 'Search any name, spelling or alias (press “/” to jump to the search box).'),
      el('li', {}, 'Pick a year on the time bar to see what held then; Play steps through the years.'),
      el('li', {}, 'Open a citation to read the source with the quoted passage highlighted.'),
      el('li', {}, 'Every view is a link: copy the address to share it.'),
    ),
    counts,
    el('h3', {}, 'Start with'),
    examples,
  );
  const variables = Object.fromEntries(EXAMPLES.map((text, i) => [`t${i}`, text]));
  const data = await gql<{ [alias: string]: Example[] } & { statistics: Statistics }>({ query: EXAMPLE_QUERY, variables });
  if (!root.contains(examples)) return; // an entity was opened meanwhile
  const n = data.statistics;
  counts.textContent =
    `The graph holds ${n.organizations} organizations, ${n.people} people, ${n.places} places and ${n.events} events, ` +
    `linked by ${n.relationships} relationships and backed by ${n.citations} citations of ${n.sources} source documents.`;
  const found = EXAMPLES.map((_, i) => data[`e${i}`]?.[0]?.entity).filter((e): e is Example['entity'] => e !== undefined);
  examples.replaceChildren(
    ...found.map((entity) => {
      const button = el(
        'button',
        { type: 'button', class: 'example', 'data-id': entity.id },
        el('span', { class: 'example-name' }, entity.name),
        el('span', { class: 'kind-tag' }, kindLabel(entity.kind)),
        entity.description ? el('span', { class: 'example-description' }, entity.description) : null,
      );
      button.addEventListener('click', () => openEntity(entity.id));
      return el('li', {}, button);
    }),
  );
  if (!found.length) examples.replaceWith(el('p', {}, 'No example entities were found in this data set: use the search.'));
}
