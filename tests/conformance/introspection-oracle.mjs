// Introspection oracle: is a server's introspection complete and faithful to its SDL?
//
//   node tests/conformance/introspection-oracle.mjs <introspection> <schema.graphql>
//
// <introspection> is a file holding an introspection result ({"data":{"__schema":…}} or {"__schema":…}),
// or an http(s) URL of a GraphQL endpoint, which is sent getIntrospectionQuery() with every option.
// The result goes through graphql-js buildClientSchema + printSchema and must print exactly like
// printSchema(buildSchema(sdl)). Prints "identical" and exits 0, or prints a line diff and exits 1;
// exit 2 for bad input.
import { readFileSync } from 'node:fs';
import { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema } from 'graphql';

const INTROSPECTION_OPTIONS = {
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
};

function fail(message) {
  console.error(`introspection-oracle: ${message}`);
  process.exit(2);
}

async function loadIntrospection(source) {
  let text;
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: getIntrospectionQuery(INTROSPECTION_OPTIONS) }),
    });
    text = await response.text();
    if (!response.ok) fail(`${source} answered ${response.status}: ${text.slice(0, 500)}`);
  } else {
    text = readFileSync(source, 'utf8');
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(`${source} is not JSON: ${error.message}`);
  }
  if (json.errors?.length) fail(`${source} has errors: ${JSON.stringify(json.errors)}`);
  const introspection = json.data ?? json;
  if (!introspection.__schema) fail(`${source} has no __schema`);
  return introspection;
}

/** The lines of `actual` that differ from `expected`, as a minimal LCS diff. */
function lineDiff(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Int32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push(`+ (introspection, line ${j + 1}) ${b[j++]}`);
    } else {
      out.push(`- (sdl, line ${i + 1}) ${a[i++]}`);
    }
  }
  return out;
}

const [source, sdlPath] = process.argv.slice(2);
if (!source || !sdlPath) fail('usage: introspection-oracle.mjs <introspection file or URL> <schema.graphql>');

const expected = printSchema(buildSchema(readFileSync(sdlPath, 'utf8')));
let actual;
try {
  actual = printSchema(buildClientSchema(await loadIntrospection(source)));
} catch (error) {
  console.error(`buildClientSchema rejected the introspection result: ${error.message}`);
  process.exit(1);
}

if (actual === expected) {
  console.log('identical');
} else {
  console.log(`printSchema differs between ${sdlPath} (-) and the introspection result (+):`);
  for (const line of lineDiff(expected, actual)) console.log(line);
  process.exit(1);
}
