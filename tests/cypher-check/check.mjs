// Parses Cypher statements with the Cypher 5 grammar (npm @neo4j-cypher/language-support).
// Input (stdin or the file named by argv[2]): JSON [{ "name": "...", "text": "..." }, ...].
// Output: JSON [{ "name", "diagnostics": [message, ...] }] for every statement; exit code 1 if any has diagnostics.
import { readFileSync } from 'node:fs';
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

const input = JSON.parse(readFileSync(process.argv[2] ?? 0, 'utf8'));
const results = input.map(({ name, text }) => {
  // No database schema is given, so "Parameter $x is not defined" is expected: parameters come at run time.
  const { diagnostics } = lintCypherQuery(text, {});
  return { name, diagnostics: diagnostics.filter(isNotParamError).map(d => `${d.message} (at ${d.offsets.start})`) };
});
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
process.exitCode = results.some(r => r.diagnostics.length > 0) ? 1 : 0;
