// Parses Cypher statements with the Cypher 5 grammar (npm @neo4j-cypher/language-support).
// Input (stdin or the file named by argv[2]): JSON [{ "name": "...", "text": "..." }, ...].
// Output: JSON [{ "name", "diagnostics": [message, ...], "warnings": [message, ...] }] for every statement:
// diagnostics are errors (syntax or semantics Cypher 5 rejects); warnings are advice the linter gives on valid
// Cypher (e.g. a deliberate cartesian product of two indexed lookups). Exit code 1 if any statement has an error.
import { readFileSync } from 'node:fs';
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

const ERROR = 1; // LSP DiagnosticSeverity.Error

const input = JSON.parse(readFileSync(process.argv[2] ?? 0, 'utf8'));
const results = input.map(({ name, text }) => {
  // No database schema is given, so "Parameter $x is not defined" is expected: parameters come at run time.
  const { diagnostics } = lintCypherQuery(text, {});
  const found = diagnostics.filter(isNotParamError);
  const describe = d => `${d.message} (at ${d.offsets.start})`;
  return {
    name,
    diagnostics: found.filter(d => d.severity === ERROR).map(describe),
    warnings: found.filter(d => d.severity !== ERROR).map(describe),
  };
});
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
process.exitCode = results.some(r => r.diagnostics.length > 0) ? 1 : 0;
