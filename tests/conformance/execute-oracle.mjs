// Execution oracle for the executor's unit tests: graphql-js runs each query against one schema and one root value.
//
//   node tests/conformance/execute-oracle.mjs <case.json>
//
// case.json is {"sdl": …, "root": <JSON root value>, "queries": [query, …]}; fields resolve with graphql-js's default
// resolver (the property of the parent's value). Prints a JSON array of the responses, as a server would send them.
import { readFileSync } from 'node:fs';
import { buildSchema, graphql } from 'graphql';

const { sdl, root, queries } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const schema = buildSchema(sdl);
const results = [];
for (const source of queries) {
  results.push(JSON.parse(JSON.stringify(await graphql({ schema, source, rootValue: root }))));
}
process.stdout.write(JSON.stringify(results));
