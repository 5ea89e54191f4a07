// Runs graphql-http's GraphQL-over-HTTP server audits against a running endpoint.
//
//   node tests/conformance/audit.mjs <url> [--json]
//
// Prints one line per audit: "<status> <id> <name>" (status ok | error | warn | notice, i.e. a failed
// MUST, SHOULD or MAY) with the reason under each failure; --json prints
// [{"id","name","status","reason"?}] instead. Exits 1 when any MUST audit fails, 2 for bad input.
import { serverAudits } from 'graphql-http';

const args = process.argv.slice(2);
const url = args.find((a) => !a.startsWith('--'));
if (!url) {
  console.error('usage: audit.mjs <url> [--json]');
  process.exit(2);
}

const results = [];
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  const entry = { id: result.id, name: result.name, status: result.status };
  if (result.status !== 'ok') {
    let body = '';
    try {
      body = await result.response.text();
    } catch {
      // the audit may have consumed the body already
    }
    entry.reason = result.reason;
    entry.responseStatus = result.response.status;
    entry.responseBody = body.slice(0, 500);
  }
  results.push(entry);
}

if (args.includes('--json')) {
  console.log(JSON.stringify(results, null, 2));
} else {
  for (const r of results) {
    console.log(`${r.status.padEnd(6)} ${r.id} ${r.name}`);
    if (r.reason) console.log(`         ${r.reason} (HTTP ${r.responseStatus}) ${r.responseBody}`);
  }
  const count = (status) => results.filter((r) => r.status === status).length;
  console.log(`${results.length} audits: ${count('ok')} ok, ${count('error')} MUST failed, ${count('warn')} SHOULD failed, ${count('notice')} MAY failed`);
}
process.exit(results.some((r) => r.status === 'error') ? 1 : 0);
