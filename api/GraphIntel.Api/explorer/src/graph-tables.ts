// The canvas as tables: every relationship and entity drawn, for screen readers and keyboards (the canvas itself is a
// picture). The entity rows carry the canvas's actions: open the entity, grow the neighbourhood from it.
// Big graphs show the first rows and a button for the rest: laying out thousands of rows (with buttons) costs the
// browser more than drawing the graph itself.
import { el } from './dom';
import { intervalText, kindLabel, statusLabel, temporalLabel, typeLabel } from './format';
import type { GraphEntity, GraphModel, GraphRelationship } from './graph-data';

export interface EntityActions {
  open(id: string): void;
  /** Absent where the mode cannot grow (lineage, paths). */
  expand?: (id: string) => void;
  /** Whether this entity's neighbourhood is already drawn. */
  expanded(id: string): boolean;
}

/** Rows drawn before "Show all" is needed. */
const ROW_LIMIT = 250;

/** A table of `items`, the first ROW_LIMIT rows at once and a button that adds the rest. */
function table<T>(label: string, headings: string[], items: T[], row: (item: T) => HTMLTableRowElement, noun: string): HTMLElement {
  const body = el('tbody', {}, ...items.slice(0, ROW_LIMIT).map(row));
  const grid = el(
    'table',
    { class: 'graph-table', 'aria-label': label },
    el('caption', {}, label),
    el('thead', {}, el('tr', {}, ...headings.map((h) => el('th', { scope: 'col' }, h)))),
    body,
  );
  if (items.length <= ROW_LIMIT) return grid;
  const more = el('button', { type: 'button', class: 'show-all' }, `Show all ${items.length.toLocaleString('en-US')} ${noun}`);
  more.addEventListener('click', () => {
    body.append(...items.slice(ROW_LIMIT).map(row));
    more.remove();
  });
  return el('div', { class: 'graph-table-wrap' }, grid, more);
}

function relationshipRow(model: GraphModel, rel: GraphRelationship): HTMLTableRowElement {
  return el(
    'tr',
    { 'data-id': rel.id, 'data-status': rel.status, 'data-temporal': rel.temporalStatus ?? '' },
    el('td', {}, model.name(rel.from.id)),
    el('td', {}, typeLabel(rel.type)),
    el('td', {}, model.name(rel.to.id)),
    el('td', {}, intervalText(rel.interval)),
    el('td', {}, statusLabel(rel.status), rel.temporalStatus === 'POSSIBLE' ? ` (${temporalLabel(rel.temporalStatus)})` : ''),
  );
}

export function relationshipsTable(model: GraphModel): HTMLElement {
  return table(
    'Relationships shown',
    ['From', 'Type', 'To', 'When', 'Status'],
    [...model.relationships.values()],
    (rel) => relationshipRow(model, rel),
    'relationships',
  );
}

function entityRow(entity: GraphEntity, current: string | undefined, actions: EntityActions): HTMLTableRowElement {
  const open = el('button', { type: 'button', 'aria-label': `Open ${entity.name}` }, 'Open');
  open.addEventListener('click', () => actions.open(entity.id));
  const cells = [
    el('th', { scope: 'row' }, entity.name, entity.id === current ? ' (current)' : ''),
    el('td', {}, kindLabel(entity.kind)),
    el('td', {}, open),
  ];
  const expand = actions.expand;
  if (expand) {
    const done = actions.expanded(entity.id);
    const button = el('button', { type: 'button', 'aria-label': `Expand ${entity.name}`, disabled: done }, 'Expand');
    button.addEventListener('click', () => expand(entity.id));
    cells.push(el('td', {}, button));
  }
  return el('tr', { 'data-id': entity.id }, ...cells);
}

export function entitiesTable(model: GraphModel, current: string | undefined, actions: EntityActions): HTMLElement {
  return table(
    'Entities shown',
    ['Name', 'Kind', 'Open', ...(actions.expand ? ['Expand'] : [])],
    [...model.entities.values()],
    (entity) => entityRow(entity, current, actions),
    'entities',
  );
}
