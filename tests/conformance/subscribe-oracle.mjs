// Subscription oracle for the executor's unit tests: graphql-js's subscribe() runs each request against one schema.
//
//   node tests/conformance/subscribe-oracle.mjs <case.json>
//
// case.json is {"sdl": …, "streams": {"field": [event, …] | {"throw": "message"}}, "requests": [query or {query,
// variables, operationName}, …]}. The subscription root field named in "streams" yields those events (or its subscribe
// throws an Error with that message); every field resolves with graphql-js's default resolver (an event's property named
// like the root field, and so on down). Prints a JSON array with, per request, either the single result subscribe()
// answered ({"result": …}) or every result of the response stream in order ({"events": […]}).
import { readFileSync } from 'node:fs';
import { buildSchema, parse, subscribe } from 'graphql';

const { sdl, streams, requests } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const schema = buildSchema(sdl);
const rootValue = {};
for (const [field, stream] of Object.entries(streams)) {
  rootValue[field] = Array.isArray(stream)
    ? async function* events() { yield* stream; }
    : () => { throw new Error(stream.throw); };
}
const answers = [];
for (const request of requests) {
  const { query, variables: variableValues, operationName } = typeof request === 'string' ? { query: request } : request;
  const answer = await subscribe({ schema, document: parse(query), rootValue, variableValues, operationName });
  if (Symbol.asyncIterator in answer) {
    const events = [];
    for await (const result of answer) events.push(JSON.parse(JSON.stringify(result)));
    answers.push({ events });
  } else {
    answers.push({ result: JSON.parse(JSON.stringify(answer)) });
  }
}
process.stdout.write(JSON.stringify(answers));
