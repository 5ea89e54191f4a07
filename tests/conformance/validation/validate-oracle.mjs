// Validation oracle for the rule unit tests: graphql-js validates documents against schema.graphql, one rule at a time.
//
//   node tests/conformance/validation/validate-oracle.mjs
//
// Reads one JSON request a line on standard input, {"rule": "<a rule of specifiedRules>", "query": "…"}, and writes one
// JSON line for each: {"errors": [{message, locations}]} (what validate(schema, parse(query), [rule]) reports), or
// {"failure": "…"} when the rule is unknown or graphql-js throws. Runs until its input ends, so a test run starts it once.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
const schema = buildSchema(readFileSync(join(here, 'schema.graphql'), 'utf8'));
const rulesByName = new Map(specifiedRules.map((rule) => [rule.name, rule]));

function answer({ rule: name, query }) {
  const rule = rulesByName.get(name);
  if (!rule) return { failure: `"${name}" is not a rule of graphql-js's specifiedRules` };
  try {
    const errors = validate(schema, parse(query), [rule]);
    return { errors: errors.map((e) => ({ message: e.message, locations: e.locations ?? [] })) };
  } catch (error) {
    return { failure: String(error) };
  }
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() !== '') process.stdout.write(JSON.stringify(answer(JSON.parse(line))) + '\n');
}
