// Validation oracle for the validation unit tests: graphql-js validates documents against schema.graphql.
//
//   node tests/conformance/validation/validate-oracle.mjs
//
// Reads one JSON request a line on standard input, {"rule": "<a rule of specifiedRules>" or null for all of them,
// "query": "…", "maxErrors"?: n}, and writes one JSON line for each: {"errors": [{message, locations}]} (what
// validate(schema, parse(query), rules, {maxErrors}) reports), or {"failure": "…"} when the rule is unknown or
// graphql-js throws. Runs until its input ends, so a test run starts it once.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
const schema = buildSchema(readFileSync(join(here, 'schema.graphql'), 'utf8'));
const rulesByName = new Map(specifiedRules.map((rule) => [rule.name, rule]));

function answer({ rule: name, query, maxErrors }) {
  const rules = name === null ? specifiedRules : [rulesByName.get(name)];
  if (!rules[0]) return { failure: `"${name}" is not a rule of graphql-js's specifiedRules` };
  try {
    const errors = validate(schema, parse(query), rules, maxErrors === undefined ? undefined : { maxErrors });
    return { errors: errors.map((e) => ({ message: e.message, locations: e.locations ?? [] })) };
  } catch (error) {
    return { failure: String(error) };
  }
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() !== '') process.stdout.write(JSON.stringify(answer(JSON.parse(line))) + '\n');
}
