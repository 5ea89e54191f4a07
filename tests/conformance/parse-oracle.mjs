// Parse oracle for the parser fuzz test: graphql-js parses each document of a JSON array and says what it made of it.
//
//   node tests/conformance/parse-oracle.mjs <documents.json>
//
// Prints a JSON array, one entry per document: {"ok":true,"printed":print(parse(doc))} or
// {"ok":false,"message":…,"line":…,"column":…} for a GraphQLError (anything else thrown is reported as "crash").
import { readFileSync } from 'node:fs';
import { GraphQLError, parse, print } from 'graphql';

const documents = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = documents.map((text) => {
  try {
    return { ok: true, printed: print(parse(text)) };
  } catch (error) {
    if (!(error instanceof GraphQLError)) return { ok: false, crash: String(error) };
    const [location] = error.locations ?? [];
    return { ok: false, message: error.message, line: location?.line, column: location?.column };
  }
});
process.stdout.write(JSON.stringify(results));
