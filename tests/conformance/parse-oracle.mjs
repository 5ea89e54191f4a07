// Parse oracle for the language tests: graphql-js reads each entry of a JSON array and says what it made of it.
//
//   node tests/conformance/parse-oracle.mjs <requests.json>
//
// An entry is a document (a string: print(parse(doc))) or {"as": …, "text": …}:
//   "value" / "constValue" / "type"  print(parseValue / parseConstValue / parseType(text))
//   "tokens"                         every token new Lexer(new Source(text)) reads up to <EOF>
//   "string"                         print of a StringValue whose value is text (graphql-js's printString)
//   "visit"                          visit(parse(text)): every enter and leave, in order, as {event, kind, name, key,
//                                    parent} (name: a field's response key, a directive's or named type's name; key:
//                                    the property the node is under in its parent, whose kind is parent)
// Prints a JSON array, one entry per request: {"ok":true,"printed":…} (or "tokens": [{kind,value,start,end,line,
// column}]) or {"ok":false,"message":…,"line":…,"column":…} for a GraphQLError (anything else thrown is reported as
// "crash").
import { readFileSync } from 'node:fs';
import { GraphQLError, Kind, Lexer, Source, TokenKind, parse, parseConstValue, parseType, parseValue, print, visit } from 'graphql';

function visitEvents(text) {
  const events = [];
  const record = (event) => (node, key, parent) => {
    const name = node.kind === Kind.FIELD ? (node.alias ?? node.name).value
      : node.kind === Kind.DIRECTIVE || node.kind === Kind.NAMED_TYPE ? node.name.value : null;
    const parentNode = Array.isArray(parent) ? undefined : parent;
    events.push({ event, kind: node.kind, name, key: typeof key === 'number' ? null : key ?? null, parent: parentNode?.kind ?? null });
  };
  visit(parse(text), { enter: record('enter'), leave: record('leave') });
  return events;
}

const readers = {
  value: (text) => ({ printed: print(parseValue(text)) }),
  constValue: (text) => ({ printed: print(parseConstValue(text)) }),
  type: (text) => ({ printed: print(parseType(text)) }),
  string: (text) => ({ printed: print({ kind: Kind.STRING, value: text }) }),
  visit: (text) => ({ events: visitEvents(text) }),
  tokens: (text) => {
    const lexer = new Lexer(new Source(text));
    const tokens = [];
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      const { kind, value, start, end, line, column } = token;
      tokens.push({ kind, value: value ?? null, start, end, line, column });
    }
    return { tokens };
  },
};

const requests = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = requests.map((request) => {
  try {
    if (typeof request === 'string') return { ok: true, printed: print(parse(request)) };
    const read = readers[request.as];
    if (!read) return { ok: false, crash: `unknown request kind "${request.as}"` };
    return { ok: true, ...read(request.text) };
  } catch (error) {
    if (!(error instanceof GraphQLError)) return { ok: false, crash: String(error) };
    const [location] = error.locations ?? [];
    return { ok: false, message: error.message, line: location?.line, column: location?.column };
  }
});
process.stdout.write(JSON.stringify(results));
