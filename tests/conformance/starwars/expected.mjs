// Writes starwars/expected.json: what graphql-js answers for every query of starwars/queries.json, run
// against the starwars schema and a fresh copy of data.json each. The C# conformance test compares the
// engine's answers to this file. Usage: node tests/conformance/starwars/expected.mjs [--check]
//   --check  compare with the checked-in file instead of writing it; exit 1 when they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { graphql } from 'graphql';
import { createSchema, createStore } from './resolvers.mjs';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const queries = JSON.parse(readFileSync(here('./queries.json'), 'utf8'));
const schema = createSchema();

const names = new Set();
const expected = {};
for (const { name, query, variables, operationName } of queries) {
  if (names.has(name)) throw new Error(`queries.json: duplicate name "${name}"`);
  names.add(name);
  const result = await graphql({
    schema,
    source: query,
    variableValues: variables,
    operationName,
    contextValue: createStore(),
  });
  // Through JSON, as a server would send it: GraphQLError.toJSON, undefined dropped.
  expected[name] = JSON.parse(JSON.stringify(result));
}

const text = JSON.stringify(expected, null, 2) + '\n';
const target = here('./expected.json');
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== text) {
    console.error(`${target} is out of date: run node tests/conformance/starwars/expected.mjs`);
    process.exit(1);
  }
  console.log(`${target} is up to date (${queries.length} queries).`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target} (${queries.length} queries)`);
}
