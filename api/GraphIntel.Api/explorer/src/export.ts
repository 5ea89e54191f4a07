// Exports of the current view: the picture (PNG, SVG) and the data behind it with every citation (CSV, JSON). Each is
// built in the page and downloaded through a blob: URL, so nothing leaves the origin.
import type cytoscape from 'cytoscape';
import type { GraphQLQuery } from './api';
import { intervalText } from './format';
import type { GraphModel, GraphRelationship } from './graph-data';

/** `graphintel-<mode>-<entity slug>.<extension>`, e.g. `graphintel-lineage-org-ttt.svg`. */
export function exportName(mode: string, entity: string | undefined, extension: string): string {
  const slug = (entity ?? 'graph').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'graph';
  return `graphintel-${mode}-${slug}.${extension}`;
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference to the blob by now; give the browser a moment before letting it go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Larger sides than this are scaled down, so a big graph still makes an image a browser can hold. */
const MAX_SIDE = 4096;

function imageScale(cy: cytoscape.Core): number {
  const box = cy.elements().boundingBox();
  return Math.min(2, MAX_SIDE / Math.max(box.w, box.h, 1));
}

/** The whole graph (not only what the viewport shows) on white. */
export function pngBlob(cy: cytoscape.Core): Blob {
  return cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: imageScale(cy) });
}

export function svgBlob(cy: cytoscape.Core): Blob {
  const text = (cy as cytoscape.Core & { svg(options: object): string }).svg({ full: true, bg: '#ffffff', scale: 1 });
  return new Blob([text], { type: 'image/svg+xml' });
}

/** A field quoted as RFC 4180 asks: in double quotes when it holds a comma, quote or line break, quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(fields: (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',');
}

function citationsText(rel: GraphRelationship): string {
  return rel.citations.map((c) => `${c.source.id}: ${c.quote}`).join(' | ');
}

const CSV_COLUMNS = [
  'record', 'id', 'kind', 'name', 'type', 'from_id', 'from_name', 'to_id', 'to_name',
  'status', 'interval', 'interval_edtf', 'temporal_status', 'citations',
];

/**
 * One table for nodes and edges (one download): a `record` column says which a row is; node rows fill id, kind and
 * name, relationship rows the rest, with their citations as `source id: quote`, separated by ` | `.
 */
export function csvText(model: GraphModel): string {
  const rows = [csvRow(CSV_COLUMNS)];
  for (const node of model.entities.values()) {
    rows.push(csvRow(['node', node.id, node.kind, node.name, '', '', '', '', '', '', '', '', '', '']));
  }
  for (const rel of model.relationships.values()) {
    rows.push(
      csvRow([
        'relationship', rel.id, '', '', rel.type,
        rel.from.id, model.name(rel.from.id), rel.to.id, model.name(rel.to.id),
        rel.status, intervalText(rel.interval), rel.interval.edtf, rel.temporalStatus ?? '', citationsText(rel),
      ]),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

export function csvBlob(model: GraphModel): Blob {
  return new Blob([csvText(model)], { type: 'text/csv;charset=utf-8' });
}

/**
 * The request that produced the view and what it drew, citations included; `expanded`: the entities whose
 * neighbourhoods were merged in by hand (the same query with their id).
 */
export function jsonBlob(model: GraphModel, request: GraphQLQuery | undefined, expanded: string[]): Blob {
  const document = {
    query: request?.query ?? null,
    variables: request?.variables ?? null,
    expanded,
    nodes: [...model.entities.values()].map(({ id, kind, name }) => ({ id, kind, name })),
    edges: [...model.relationships.values()].map((rel) => ({
      id: rel.id,
      type: rel.type,
      from: rel.from.id,
      fromName: model.name(rel.from.id),
      to: rel.to.id,
      toName: model.name(rel.to.id),
      status: rel.status,
      temporalStatus: rel.temporalStatus,
      interval: rel.interval,
      citations: rel.citations.map((c) => ({
        sourceId: c.source.id,
        sourceTitle: c.source.title,
        quote: c.quote,
        location: c.location,
      })),
    })),
  };
  return new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' });
}
