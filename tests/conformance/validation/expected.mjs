// Writes expected.json: graphql-js's validate() result for every document in invalid-documents.json.
//
//   node tests/conformance/validation/expected.mjs          (after `npm ci` in this folder)
//   node tests/conformance/validation/expected.mjs --check  compare with the checked-in expected.json instead of
//                                                           writing it; exit 1 when it differs (the C# suite runs this)
//
// Each result is keyed by a stable id: "<RuleName>/<index>" for invalid documents, "valid/<index>" for valid ones, and
// holds only what the corpus does not imply: graphql-js's errors (the document and its rule are the corpus's, found by
// the id; validity and the error count follow from the errors).
// The script also checks the corpus itself and exits non-zero when it is wrong: every invalid document must be
// rejected by the rule it is filed under (run alone), every valid document must pass all specified rules, and no
// document may appear twice (compared with its ignored tokens — white space, commas, comments — collapsed).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as graphql from 'graphql';

const { buildSchema, parse, print, validate, specifiedRules, version } = graphql;
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
const idsByDocument = new Map();

function run(id, query) {
  const document = parse(query);
  const errors = validate(schema, document);
  results.push({ id, errors: errors.map((e) => ({ message: e.message, locations: e.locations ?? [] })) });
  // The same document twice adds nothing: print(parse(…)) drops what the lexer ignores.
  const printed = print(document);
  if (idsByDocument.has(printed)) problems.push(`${id}: the same document as ${idsByDocument.get(printed)}`);
  else idsByDocument.set(printed, id);
  return errors;
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
    run(id, query);
    if (validate(schema, parse(query), [rule]).length === 0) {
      problems.push(`${id}: ${ruleName} alone accepts this document`);
    }
  });
}

corpus.valid.forEach((query, index) => {
  const id = `valid/${index}`;
  const errors = run(id, query);
  if (errors.length > 0) problems.push(`${id}: expected valid, got ${errors.map((e) => e.message).join(' | ')}`);
});

const output = {
  generator: 'tests/conformance/validation/expected.mjs',
  graphqlJsVersion: version,
  schema: corpus.schema,
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
  console.log(`${target} is up to date: ${results.length} documents (graphql-js ${version})`);
} else {
  writeFileSync(target, text);
  console.log(`expected.json: ${results.length} documents (graphql-js ${version})`);
}
