// The canvas as tables: every relationship and entity drawn, for screen readers and keyboards (the canvas itself is a
// picture). The entity rows carry the canvas's actions: open the entity, grow the neighbourhood from it.
import { el } from './dom';
import { intervalText, kindLabel, statusLabel, temporalLabel, typeLabel } from './format';
import type { GraphModel } from './graph-data';

export interface EntityActions {
  open(id: string): void;
  /** Absent where the mode cannot grow (lineage, paths). */
  expand?: (id: string) => void;
  /** Whether this entity's neighbourhood is already drawn. */
  expanded(id: string): boolean;
}

export function relationshipsTable(model: GraphModel): HTMLTableElement {
  const rows = [...model.relationships.values()].map((rel) =>
    el(
      'tr',
      { 'data-id': rel.id, 'data-status': rel.status, 'data-temporal': rel.temporalStatus ?? '' },
      el('td', {}, model.name(rel.from.id)),
      el('td', {}, typeLabel(rel.type)),
      el('td', {}, model.name(rel.to.id)),
      el('td', {}, intervalText(rel.interval)),
      el('td', {}, statusLabel(rel.status), rel.temporalStatus === 'POSSIBLE' ? ` (${temporalLabel(rel.temporalStatus)})` : ''),
    ),
  );
  return el(
    'table',
    { class: 'graph-table', 'aria-label': 'Relationships shown' },
    el('thead', {}, el('tr', {}, ...['From', 'Type', 'To', 'When', 'Status'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows),
  );
}

export function entitiesTable(model: GraphModel, current: string | undefined, actions: EntityActions): HTMLTableElement {
  const rows = [...model.entities.values()].map((entity) => {
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
  });
  const headings = ['Name', 'Kind', 'Open', ...(actions.expand ? ['Expand'] : [])];
  return el(
    'table',
    { class: 'graph-table', 'aria-label': 'Entities shown' },
    el('thead', {}, el('tr', {}, ...headings.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows),
  );
}
