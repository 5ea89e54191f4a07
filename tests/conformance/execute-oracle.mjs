// Execution oracle for the executor's unit tests: graphql-js runs each query against one schema and one root value.
//
//   node tests/conformance/execute-oracle.mjs <case.json>
//
// case.json is {"sdl": …, "root": <JSON root value>, "echo": {…}, "typeIsValue": [abstract type, …], "queries": [query
// or {query, variables, operationName}, …]}; fields resolve with graphql-js's default resolver (the property of the
// parent's value), except the root fields named in "echo" ({"field": ["argument"]} or {"field": ["argument", "json"]}):
// they return that argument's coerced value (as JSON text with "json"); the abstract types in "typeIsValue" resolve a
// value to the type it names (the value is a type name). Prints a JSON array of the responses, as a server would send
// them.
import { readFileSync } from 'node:fs';
import { buildSchema, graphql } from 'graphql';

const { sdl, root, echo = {}, typeIsValue = [], queries } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const schema = buildSchema(sdl);
for (const name of typeIsValue) schema.getType(name).resolveType = (value) => value;
const rootValue = { ...root };
for (const [field, [argument, json]] of Object.entries(echo)) {
  rootValue[field] = (args) => (json === 'json' ? JSON.stringify(args[argument]) : args[argument]);
}
const results = [];
for (const request of queries) {
  const { query: source, variables: variableValues, operationName } = typeof request === 'string' ? { query: request } : request;
  results.push(JSON.parse(JSON.stringify(await graphql({ schema, source, rootValue, variableValues, operationName }))));
}
process.stdout.write(JSON.stringify(results));
