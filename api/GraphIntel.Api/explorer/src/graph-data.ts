// What the canvas draws, and the GraphQL requests that fetch it: a neighbourhood, a lineage or the paths between two
// entities, each read as of the time slider's year. The canvas keeps a model of entities and relationships by id, so a
// neighbourhood can grow by merging more of it in and a new year can be diffed against what is drawn.
import { gql, type GraphQLQuery } from './api';
import type { ClaimStatus, EntityKind, Interval, TemporalStatus } from './format';
import type { ViewState } from './state';

export interface GraphEntity {
  id: string;
  kind: EntityKind;
  name: string;
}

export interface GraphCitation {
  source: { id: string; title: string };
  quote: string;
  location: { start: number; end: number } | null;
}

export interface GraphRelationship {
  id: string;
  type: string;
  status: ClaimStatus;
  temporalStatus: TemporalStatus | null;
  from: { id: string };
  to: { id: string };
  interval: Interval;
  citations: GraphCitation[];
}

export interface Subgraph {
  nodes: GraphEntity[];
  relationships: GraphRelationship[];
}

export interface GraphPath {
  length: number;
  nodes: GraphEntity[];
  relationships: GraphRelationship[];
}

// One fragment for every mode, so the tables, the exports and the evidence buttons see the same fields.
const FIELDS = `
fragment GraphEntity on Entity { id kind name }
fragment GraphRelationship on Relationship {
  id type status temporalStatus
  from { id } to { id }
  interval { edtf start { edtf earliest latest } end { edtf earliest latest } }
  citations { source { id title } quote location { start end } }
}`;

const NEIGHBORHOOD = `query Neighborhood($id: ID!, $depth: Int, $asOf: Date, $certainty: TemporalCertainty) {
  neighborhood(id: $id, depth: $depth, asOf: $asOf, certainty: $certainty) {
    nodes { ...GraphEntity }
    relationships { ...GraphRelationship }
  }
}
${FIELDS}`;

const LINEAGE = `query Lineage($id: ID!, $direction: LineageDirection, $asOf: Date, $certainty: TemporalCertainty) {
  lineage(id: $id, direction: $direction, asOf: $asOf, certainty: $certainty) {
    nodes { ...GraphEntity }
    relationships { ...GraphRelationship }
  }
}
${FIELDS}`;

const PATHS = `query Paths($from: ID!, $to: ID!, $asOf: Date, $certainty: TemporalCertainty, $first: Int) {
  paths(from: $from, to: $to, asOf: $asOf, certainty: $certainty, first: $first) {
    length
    nodes { ...GraphEntity }
    relationships { ...GraphRelationship }
  }
}
${FIELDS}`;

/** The time arguments every view shares: certainty only means something with asOf. */
function timeVariables(state: ViewState): Record<string, unknown> {
  return state.asOf ? { asOf: state.asOf, certainty: state.certainty } : {};
}

export function neighborhoodQuery(id: string, state: ViewState): GraphQLQuery {
  return { query: NEIGHBORHOOD, variables: { id, depth: 1, ...timeVariables(state) } };
}

export function lineageQuery(id: string, state: ViewState): GraphQLQuery {
  return { query: LINEAGE, variables: { id, direction: 'BOTH', ...timeVariables(state) } };
}

export function pathsQuery(from: string, to: string, state: ViewState): GraphQLQuery {
  return { query: PATHS, variables: { from, to, ...timeVariables(state), first: 5 } };
}

export async function fetchSubgraph(request: GraphQLQuery, signal: AbortSignal): Promise<Subgraph> {
  const data = await gql<{ neighborhood?: Subgraph; lineage?: Subgraph }>(request, signal);
  const graph = data.neighborhood ?? data.lineage;
  if (!graph) throw new Error('the API answered without a graph');
  return graph;
}

export async function fetchPaths(request: GraphQLQuery, signal: AbortSignal): Promise<GraphPath[]> {
  return (await gql<{ paths: GraphPath[] }>(request, signal)).paths;
}

/** The entities and relationships drawn, by id, in the order they were first seen (the seed entity first). */
export class GraphModel {
  readonly entities = new Map<string, GraphEntity>();
  readonly relationships = new Map<string, GraphRelationship>();

  /** Adds what is not there yet (a relationship already drawn keeps its first reading). */
  merge(graph: Subgraph): void {
    for (const node of graph.nodes) if (!this.entities.has(node.id)) this.entities.set(node.id, node);
    for (const rel of graph.relationships) if (!this.relationships.has(rel.id)) this.relationships.set(rel.id, rel);
  }

  static of(graphs: Subgraph[]): GraphModel {
    const model = new GraphModel();
    for (const graph of graphs) model.merge(graph);
    return model;
  }

  name(id: string): string {
    return this.entities.get(id)?.name ?? id;
  }
}
