// Reads a GraphIntel export back with independent readers and prints what it found as one JSON document, for the
// C# tests to compare with what the GraphQL API says (tests/GraphIntel.Api.Tests/ExportTests.cs):
//   node check.mjs graphml FILE          graphology-graphml parses it: every node and edge with its typed attributes
//   node check.mjs ftm FILE              every line checked against the FollowTheMoney model (@alephdata/followthemoney)
//   node check.mjs csv NODES.csv EDGES.csv   csv-parse (RFC 4180) reads both: header and rows as objects
// A file the reader refuses exits 1 with the reason on stderr.
import { readFileSync } from 'node:fs';
import graphology from 'graphology';
import { parse as parseGraphML } from 'graphology-graphml';
import { Model, defaultModel } from '@alephdata/followthemoney';
import { parse as parseCsv } from 'csv-parse/sync';

const [mode, ...files] = process.argv.slice(2);

function graphml(file) {
  const graph = parseGraphML(graphology.Graph, readFileSync(file, 'utf8'));
  return {
    type: graph.type,
    multi: graph.multi,
    nodes: graph.mapNodes((id, attributes) => ({ id, attributes })),
    edges: graph.mapEdges((id, attributes, source, target) => ({ id, source, target, attributes })),
  };
}

// FtM's own rules for values (followthemoney's types): an id is letters, digits, '.' and '-'; a date an ISO 8601 prefix.
const ENTITY_ID = /^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/;
const DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/;

function ftm(file) {
  const model = new Model(defaultModel);
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
  const entities = lines.map((line, i) => {
    try { return JSON.parse(line); } catch (e) { throw new Error(`line ${i + 1}: not JSON: ${e.message}`); }
  });
  const byId = new Map();
  const errors = [];
  entities.forEach((e, i) => {
    if (byId.has(e.id)) errors.push(`line ${i + 1}: id ${e.id} twice`);
    byId.set(e.id, e);
  });
  entities.forEach((e, i) => {
    const at = `line ${i + 1} (${e.id})`;
    if (typeof e.id !== 'string' || !ENTITY_ID.test(e.id)) errors.push(`${at}: id is not an FtM entity id`);
    let schema;
    try { schema = model.getSchema(e.schema); } catch { schema = undefined; }
    if (!schema) { errors.push(`${at}: no schema ${e.schema}`); return; }
    if (schema.abstract) errors.push(`${at}: schema ${e.schema} is abstract`);
    for (const required of schema.required) {
      if (!(e.properties[required]?.length > 0)) errors.push(`${at}: ${e.schema} requires ${required}`);
    }
    for (const [name, values] of Object.entries(e.properties)) {
      if (!schema.hasProperty(name)) { errors.push(`${at}: ${e.schema} has no property ${name}`); continue; }
      const property = schema.getProperty(name);
      if (!Array.isArray(values) || values.length === 0) { errors.push(`${at}: ${name} is not a non-empty list`); continue; }
      for (const value of values) {
        if (typeof value !== 'string' || value.length === 0) { errors.push(`${at}: ${name} has a value that is not a text`); continue; }
        if (property.maxLength && value.length > property.maxLength) errors.push(`${at}: ${name} longer than ${property.maxLength}`);
        switch (property.type.name) {
          case 'date': if (!DATE.test(value)) errors.push(`${at}: ${name} '${value}' is not a date`); break;
          case 'url': try { new URL(value); } catch { errors.push(`${at}: ${name} '${value}' is not a URL`); } break;
          case 'entity': {
            const target = byId.get(value);
            if (!target) { errors.push(`${at}: ${name} names ${value}, not in the file`); break; }
            const range = property.getRange();
            if (!model.getSchema(target.schema).isA(range)) errors.push(`${at}: ${name} names a ${target.schema}, not a ${range.name}`);
            break;
          }
          case 'name': case 'string': case 'text': case 'identifier': case 'address': break;
          default: errors.push(`${at}: ${name} is of type ${property.type.name}, which this checker does not know`);
        }
      }
    }
  });
  return { errors, entities };
}

function csv(nodesFile, edgesFile) {
  const read = (file) => parseCsv(readFileSync(file), { columns: true, record_delimiter: '\r\n', strict: true, relax_column_count: false });
  return { nodes: read(nodesFile), edges: read(edgesFile) };
}

try {
  const result = mode === 'graphml' ? graphml(files[0]) : mode === 'ftm' ? ftm(files[0]) : mode === 'csv' ? csv(files[0], files[1]) : null;
  if (result === null) throw new Error(`unknown mode ${mode}: graphml, ftm or csv`);
  process.stdout.write(JSON.stringify(result));
} catch (e) {
  process.stderr.write(`${mode}: ${e.stack ?? e}\n`);
  process.exit(1);
}
