// The starwars schema's resolvers in graphql-js. The C# twin is
// tests/GraphIntel.GraphQL.Tests/Conformance/StarWars/StarWarsResolvers.cs: both read data.json and must
// behave identically, including every error message.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, GraphQLError, Kind } from 'graphql';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));

export const schemaSdl = readFileSync(here('./schema.graphql'), 'utf8');
const dataJson = readFileSync(here('./data.json'), 'utf8');

/** A fresh, mutable copy of data.json: every query runs against its own. */
export function createStore() {
  return JSON.parse(dataJson);
}

const DATE_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value) {
  if (typeof value !== 'string') throw new TypeError('Date must be a string.');
  const match = DATE_FORMAT.exec(value);
  if (!match) throw new TypeError('Date must be in the form YYYY-MM-DD.');
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new TypeError('Date must be a real calendar date.');
  }
  return value;
}

function addDaysToDate(isoDate, days) {
  const [year, month, day] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day) + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** Serializes with keys sorted at every level so that both implementations print the same text. */
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const FEET_PER_METER = 3.28084;
const inUnit = (meters, unit) => (meters == null ? null : unit === 'FOOT' ? meters * FEET_PER_METER : meters);

const characterById = (store, id) => store.characters.find((c) => c.id === id) ?? null;
const starshipById = (store, id) => store.starships.find((s) => s.id === id) ?? null;
const delay = () => new Promise((resolve) => setImmediate(resolve));

function friendsConnection(character, { first, after }, store) {
  if (first != null && first < 0) throw new Error('`first` must not be negative.');
  const all = character.friends;
  let start = 0;
  if (after != null) {
    const index = all.indexOf(after);
    if (index < 0) throw new Error(`No friend with id "${after}".`);
    start = index + 1;
  }
  const end = first == null ? all.length : Math.min(all.length, start + first);
  const page = all.slice(start, end);
  return {
    totalCount: all.length,
    friends: page.map((id) => characterById(store, id)),
    pageInfo: {
      startCursor: page.length > 0 ? page[0] : null,
      endCursor: page.length > 0 ? page[page.length - 1] : null,
      hasNextPage: end < all.length,
    },
  };
}

const characterFields = {
  friends: (c, _args, store) => c.friends.map((id) => characterById(store, id)),
  friendsConnection: (c, args, store) => friendsConnection(c, args, store),
  secretBackstory: () => {
    throw new Error('secretBackstory is secret.');
  },
};

function validateStars(stars) {
  if (stars < 0 || stars > 5) throw new Error(`stars must be between 0 and 5, got ${stars}.`);
}

function addReview(store, episode, review) {
  validateStars(review.stars);
  const stored = {
    episode,
    stars: review.stars,
    commentary: review.commentary ?? null,
    favoriteColor: review.favoriteColor ?? null,
  };
  store.reviews.push(stored);
  return stored;
}

const resolvers = {
  Query: {
    hero: (_, { episode }, store) => characterById(store, store.heroes[episode ?? 'default']),
    heroAsync: async (_, { episode }, store) => {
      await delay();
      return characterById(store, store.heroes[episode ?? 'default']);
    },
    human: (_, { id }, store) => store.characters.find((c) => c.id === id && c.type === 'Human') ?? null,
    droid: (_, { id }, store) => store.characters.find((c) => c.id === id && c.type === 'Droid') ?? null,
    character: (_, { id }, store) => characterById(store, id),
    node: (_, { id }, store) => characterById(store, id) ?? starshipById(store, id),
    starship: (_, { id }, store) => starshipById(store, id),
    characters: (_, { filter }, store) => {
      const nameContains = (filter.nameContains ?? filter.nameLike)?.toLowerCase();
      let found = store.characters.filter(
        (c) =>
          (nameContains == null || c.name.toLowerCase().includes(nameContains)) &&
          (filter.appearsIn == null || c.appearsIn.some((e) => filter.appearsIn.includes(e))) &&
          (filter.bornBefore == null || (c.born != null && c.born < filter.bornBefore)),
      );
      if (filter.limit != null) {
        if (filter.limit < 0) throw new Error('`limit` must not be negative.');
        found = found.slice(0, filter.limit);
      }
      return found;
    },
    charactersByIds: (_, { ids }, store) => ids.map((id) => characterById(store, id)),
    charactersOrNull: (_, { ids }, store) => ids.map((id) => characterById(store, id)),
    search: (_, { text }, store) => {
      const needle = text.toLowerCase();
      return [...store.characters, ...store.starships].filter((x) => x.name.toLowerCase().includes(needle));
    },
    reviews: (_, { episode }, store) => store.reviews.filter((r) => r.episode === episode),
    failingNonNull: () => {
      throw new Error('failingNonNull always fails.');
    },
    failingWithExtensions: () => {
      throw new GraphQLError('failingWithExtensions always fails.', {
        extensions: { code: 'TEAPOT', detail: { retryable: false, attempts: 3 } },
      });
    },
    transpose: (_, { matrix }) => {
      const width = Math.max(0, ...matrix.map((row) => (row == null ? 0 : row.length)));
      return Array.from({ length: width }, (_, j) => matrix.map((row) => row?.[j] ?? null));
    },
    addDays: (_, { date, days }) => addDaysToDate(date, days ?? 0),
    echo: (_, args) => canonicalJson(args),
  },
  Mutation: {
    createReview: (_, { episode, review }, store) => addReview(store, episode, review),
    createReviewAndCount: (_, { episode, review }, store) => {
      addReview(store, episode, review);
      return store.reviews.filter((r) => r.episode === episode).length;
    },
    failingMutation: () => {
      throw new Error('failingMutation always fails.');
    },
    renameCharacter: (_, { id, name }, store) => {
      const character = characterById(store, id);
      if (character != null) character.name = name;
      return character;
    },
  },
  Human: {
    ...characterFields,
    verifiedHomePlanet: (h) => h.homePlanet,
    height: (h, { unit }) => inUnit(h.height, unit),
    starships: (h, _args, store) => h.starships.map((id) => starshipById(store, id)),
  },
  Droid: {
    ...characterFields,
    serialNumber: async (d) => {
      await delay();
      return `SN-${d.id}`;
    },
  },
  Starship: {
    length: (s, { unit }) => inUnit(s.length, unit),
  },
};

const resolveCharacterType = (value) => value.type;
const resolveNodeType = (value) => (value.type ?? 'Starship');
const resolveSearchResultType = (value) => (value.type ?? 'Starship');

/** Builds the executable schema: the SDL plus the resolvers above. Context value: a store from createStore(). */
export function createSchema() {
  const schema = buildSchema(schemaSdl);
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    const definitions = type.getFields();
    for (const [fieldName, resolve] of Object.entries(fields)) {
      if (!definitions[fieldName]) throw new Error(`Resolver for unknown field ${typeName}.${fieldName}.`);
      definitions[fieldName].resolve = (source, args, store) => resolve(source, args, store);
    }
  }
  schema.getType('Character').resolveType = resolveCharacterType;
  schema.getType('Node').resolveType = resolveNodeType;
  schema.getType('SearchResult').resolveType = resolveSearchResultType;
  const date = schema.getType('Date');
  Object.assign(date, {
    serialize: (value) => parseDate(value),
    parseValue: (value) => parseDate(value),
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw new TypeError('Date must be a string.');
      return parseDate(ast.value);
    },
  });
  return schema;
}
