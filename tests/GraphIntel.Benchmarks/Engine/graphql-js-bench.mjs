// graphql-js side of the engine benchmark: the same schema, data and queries as EngineBenchmark.cs.
//
//   node tests/GraphIntel.Benchmarks/Engine/graphql-js-bench.mjs [--seconds 3] [--warmup 1] [--case name]
//
// For each case prints one JSON line:
//   {"case","mode","ops","seconds","opsPerSecond"}
// mode "full" = parse + validate + execute per operation (graphql-js has no document cache);
// mode "execute" = execute a document parsed and validated once (what a document cache gives).
// Each is the best of three alternating rounds sharing the --seconds budget.
// Before measuring a case it prints {"case","mode":"result","json"}: the response, for checking that both
// engines do the same work.
// graphql is loaded from tests/conformance/node_modules (npm ci --prefix tests/conformance).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const require = createRequire(new URL('../../conformance/package.json', import.meta.url));
const { buildSchema, execute, parse, validate } = require('graphql');

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const seconds = Number(option('seconds', '3'));
const warmupSeconds = Number(option('warmup', '1'));
const onlyCase = option('case', null);
const ROUNDS = 3;

// ---- schema and resolvers (mirror DashboardSchema.cs)
const data = JSON.parse(readFileSync(here('./dashboard-data.json'), 'utf8'));
const people = new Map(data.people.map((p) => [p.id, p]));
const projects = new Map(data.projects.map((p) => [p.id, p]));
const schema = buildSchema(readFileSync(here('./dashboard.graphql'), 'utf8'));

function computeStats() {
  let activeCount = 0, blockedCount = 0, doneCount = 0, totalBudget = 0, progress = 0, openAlerts = 0, criticalAlerts = 0;
  for (const p of data.projects) {
    if (p.status === 'ACTIVE') activeCount++;
    else if (p.status === 'BLOCKED') blockedCount++;
    else if (p.status === 'DONE') doneCount++;
    totalBudget += p.budget ?? 0;
    progress += p.progress;
  }
  for (const a of data.alerts) {
    if (!a.acknowledged) openAlerts++;
    if (a.severity === 'CRITICAL') criticalAlerts++;
  }
  return {
    projectCount: data.projects.length, activeCount, blockedCount, doneCount, totalBudget,
    averageProgress: progress / data.projects.length, openAlerts, criticalAlerts,
  };
}

const fields = (typeName) => schema.getType(typeName).getFields();
fields('Query').dashboard.resolve = () => data;
fields('Query').project.resolve = (_, { id }) => projects.get(id) ?? null;
fields('Dashboard').owner.resolve = (d) => people.get(d.owner);
fields('Dashboard').stats.resolve = () => computeStats();
fields('Dashboard').projects.resolve = (d, { first }) => d.projects.slice(0, first);
fields('Dashboard').alerts.resolve = (d, { first }) => d.alerts.slice(0, first);
fields('Project').owner.resolve = (p) => people.get(p.owner);
fields('Alert').project.resolve = (a) => (a.project == null ? null : projects.get(a.project));
schema.getType('Node').resolveType = (value) => (value.milestones ? 'Project' : value.severity ? 'Alert' : value.due !== undefined ? 'Milestone' : 'Person');

// ---- cases
const cases = ['three-fields', 'dashboard', 'introspection'].map((name) => ({
  name,
  query: readFileSync(here(`./queries/${name}.graphql`), 'utf8'),
}));

function full(query) {
  const document = parse(query);
  const errors = validate(schema, document);
  if (errors.length > 0) throw errors[0];
  return execute({ schema, document });
}

function executeOnly(document) {
  return execute({ schema, document });
}

function check(result, name) {
  if (result.errors) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
  return result;
}

function measure(operation, budgetSeconds) {
  const end = performance.now() + budgetSeconds * 1000;
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now < end) {
    for (let i = 0; i < 16; i++) operation();
    ops += 16;
    now = performance.now();
  }
  return { ops, seconds: (now - start) / 1000 };
}

for (const { name, query } of cases) {
  if (onlyCase && onlyCase !== name) continue;
  const document = parse(query);
  console.log(JSON.stringify({ case: name, mode: 'result', json: JSON.stringify(check(full(query), name)) }));
  const modes = [
    ['full', () => full(query)],
    ['execute', () => executeOnly(document)],
  ];
  for (const [, operation] of modes) measure(operation, warmupSeconds / 2);
  // Alternating rounds sharing the budget; the best round counts (as in EngineBenchmark.cs).
  const best = new Map();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [mode, operation] of modes) {
      const { ops, seconds: elapsed } = measure(operation, seconds / ROUNDS);
      if (!best.has(mode) || ops / elapsed > best.get(mode).ops / best.get(mode).seconds) best.set(mode, { ops, seconds: elapsed });
    }
  }
  for (const [mode] of modes) {
    const { ops, seconds: elapsed } = best.get(mode);
    console.log(JSON.stringify({ case: name, mode, ops, seconds: elapsed, opsPerSecond: ops / elapsed }));
  }
}
