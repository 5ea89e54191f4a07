// Writes expected.json: graphql-js's validate() result for every document in invalid-documents.json.
//
//   node tests/conformance/validation/expected.mjs          (after `npm ci` in this folder)
//   node tests/conformance/validation/expected.mjs --check  compare with the checked-in expected.json instead of
//                                                           writing it; exit 1 when it differs (the C# suite runs this)
//
// Each result is keyed by a stable id: "<RuleName>/<index>" for invalid documents, "valid/<index>" for valid ones.
// The script also checks the corpus itself and exits non-zero when it is wrong: every invalid document must be
// rejected by the rule it is filed under (run alone), and every valid document must pass all specified rules.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as graphql from 'graphql';

const { buildSchema, parse, validate, specifiedRules, version } = graphql;
const here = dirname(fileURLToPath(import.meta.url));
const corpus = JSON.parse(readFileSync(join(here, 'invalid-documents.json'), 'utf8'));
const schema = buildSchema(readFileSync(join(here, corpus.schema), 'utf8'));
const rulesByName = new Map(specifiedRules.map((rule) => [rule.name, rule]));

const problems = [];
// Node resolves 'graphql' from the nearest node_modules, which may be tests/conformance's when this folder's is not
// installed: the results are only graphql-js's answers for the version package.json pins.
const pinned = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).dependencies.graphql;
if (version !== pinned) problems.push(`graphql-js ${version} resolved, package.json pins ${pinned}: run npm ci in ${here}`);
const results = [];

function run(id, rule, query) {
  const document = parse(query);
  const errors = validate(schema, document);
  results.push({
    id,
    rule,
    query,
    valid: errors.length === 0,
    errorCount: errors.length,
    errors: errors.map((e) => ({ message: e.message, locations: e.locations ?? [] })),
  });
  return document;
}

const missing = [...rulesByName.keys()].filter((name) => !(name in corpus.invalid));
if (missing.length > 0) problems.push(`no invalid documents for: ${missing.join(', ')}`);

for (const [ruleName, documents] of Object.entries(corpus.invalid)) {
  const rule = rulesByName.get(ruleName);
  if (!rule) {
    problems.push(`"${ruleName}" is not a rule of graphql-js ${version} specifiedRules`);
    continue;
  }
  if (documents.length < 5) problems.push(`${ruleName}: only ${documents.length} documents, want >= 5`);
  documents.forEach((query, index) => {
    const id = `${ruleName}/${index}`;
    const document = run(id, ruleName, query);
    if (validate(schema, document, [rule]).length === 0) {
      problems.push(`${id}: ${ruleName} alone accepts this document`);
    }
  });
}

corpus.valid.forEach((query, index) => {
  const id = `valid/${index}`;
  run(id, null, query);
  const result = results[results.length - 1];
  if (!result.valid) problems.push(`${id}: expected valid, got ${result.errors.map((e) => e.message).join(' | ')}`);
});

const output = {
  generator: 'tests/conformance/validation/expected.mjs',
  graphqlJsVersion: version,
  schema: corpus.schema,
  invalidCount: results.filter((r) => r.rule !== null).length,
  validCount: results.filter((r) => r.rule === null).length,
  results,
};
const text = JSON.stringify(output, null, 2) + '\n';
const target = join(here, 'expected.json');

if (problems.length > 0) {
  console.error(`Corpus problems (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== text) {
    console.error(`${target} is not what graphql-js ${version} answers today: run node tests/conformance/validation/expected.mjs`);
    process.exit(1);
  }
  console.log(`${target} is up to date: ${output.invalidCount} invalid, ${output.validCount} valid documents (graphql-js ${version})`);
} else {
  writeFileSync(target, text);
  console.log(`expected.json: ${output.invalidCount} invalid, ${output.validCount} valid documents (graphql-js ${version})`);
}
