// Subscribes with the graphql-ws reference client (node's WebSocket from the `ws` package) and prints what it receives,
// one JSON object a line: {"kind":"connected"}, {"kind":"next","payload":…}, {"kind":"complete"},
// {"kind":"error","error":…}, {"kind":"closed","code":…,"reason":…}.
//
//   node ws-subscribe.mjs <url> <query> [api key in connection_init] [events to wait for]
//
// Exits after that many events (0: until the operation completes or the socket closes).
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, query, key, wanted = '0'] = process.argv.slice(2);
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');
const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: key ? { apiKey: key } : undefined,
  retryAttempts: 0,
  lazy: true,
  on: {
    connected: () => print({ kind: 'connected' }),
    closed: (event) => { print({ kind: 'closed', code: event.code, reason: event.reason }); process.exit(0); },
  },
});
let seen = 0;
client.subscribe({ query }, {
  next: (payload) => {
    print({ kind: 'next', payload });
    if (Number(wanted) > 0 && ++seen >= Number(wanted)) { client.dispose(); process.exit(0); }
  },
  error: (error) => {
    const described = Array.isArray(error) ? error : error instanceof Error ? error.message : { code: error?.code, reason: error?.reason };
    print({ kind: 'error', error: described });
    process.exit(0);
  },
  complete: () => { print({ kind: 'complete' }); client.dispose(); process.exit(0); },
});
