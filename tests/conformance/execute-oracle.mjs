// Execution oracle for the executor's unit tests: graphql-js runs each query against one schema and one root value.
//
//   node tests/conformance/execute-oracle.mjs <case.json>
//
// case.json is {"sdl": …, "root": <JSON root value>, "echo": {…}, "queries": [query or {query, variables}, …]}; fields
// resolve with graphql-js's default resolver (the property of the parent's value), except the root fields named in
// "echo" ({"field": ["argument"]} or {"field": ["argument", "json"]}): they return that argument's coerced value (as
// JSON text with "json"). Prints a JSON array of the responses, as a server would send them.
import { readFileSync } from 'node:fs';
import { buildSchema, graphql } from 'graphql';

const { sdl, root, echo = {}, queries } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const schema = buildSchema(sdl);
const rootValue = { ...root };
for (const [field, [argument, json]] of Object.entries(echo)) {
  rootValue[field] = (args) => (json === 'json' ? JSON.stringify(args[argument]) : args[argument]);
}
const results = [];
for (const request of queries) {
  const { query: source, variables: variableValues } = typeof request === 'string' ? { query: request } : request;
  results.push(JSON.parse(JSON.stringify(await graphql({ schema, source, rootValue, variableValues }))));
}
process.stdout.write(JSON.stringify(results));
