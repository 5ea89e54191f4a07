// Subscribes with the graphql-sse reference client (distinct connections mode) and prints what it receives, one JSON
// object a line: {"kind":"next","payload":…}, then {"kind":"complete"} or {"kind":"error","error":…}.
//
//   node sse-subscribe.mjs <url> <query> [api key] [events to wait for]
//
// Exits after that many events (0: until the server completes the stream).
import { createClient } from 'graphql-sse';

const [url, query, key, wanted = '0'] = process.argv.slice(2);
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');
const client = createClient({
  url,
  headers: key ? { authorization: `Bearer ${key}` } : {},
  retryAttempts: 0,
});
let seen = 0;
const dispose = client.subscribe({ query }, {
  next: (payload) => {
    print({ kind: 'next', payload });
    if (Number(wanted) > 0 && ++seen >= Number(wanted)) { dispose(); client.dispose(); process.exit(0); }
  },
  error: (error) => { print({ kind: 'error', error: error instanceof Error ? error.message : (error?.status ?? String(error)) }); process.exit(0); },
  complete: () => { print({ kind: 'complete' }); process.exit(0); },
}, { connected: () => print({ kind: 'connected' }) });
