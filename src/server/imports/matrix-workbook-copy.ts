import type { Issue } from '../../core/errors';
import { cellLocation } from '../../core/sheet-cells';
import { ITEM_ID_PREFIX, LIST_SHEETS, READ_COLUMNS, type ListPart } from './matrix-workbook-layout';
import type { WorkbookLocations, WorkbookMatrix } from './matrix-workbook-read';

/**
 * A spreadsheet X-matrix imported as a copy (into another unit, or beside the matrix it came
 * from): every item gets a new id and the links within the file follow; links to the rest of the
 * organisation are kept where they resolve there and otherwise left out, each with a warning
 * naming its sheet and row. Both functions rewrite the matrix (and its locations) in place.
 */

const PARTS = Object.keys(LIST_SHEETS) as ListPart[];

const where = (part: ListPart, row: number | undefined, field?: string) =>
  cellLocation({
    sheet: LIST_SHEETS[part],
    row,
    header: field ? READ_COLUMNS[part].find((c) => c.field === field)?.header : undefined,
  });

/** New ids `<matrixId>-<prefix><n>`, none of them in `taken`; correlations, owners and impacts follow. */
export function giveNewIds(
  matrix: WorkbookMatrix,
  locations: WorkbookLocations,
  matrixId: string,
  taken: ReadonlySet<string>,
): Issue[] {
  const warnings: Issue[] = [];
  const renamed = new Map<string, string>();
  for (const part of PARTS) {
    let n = 0;
    for (const item of matrix.lists[part]) {
      let id = '';
      while (id === '' || taken.has(id)) id = `${matrixId}-${ITEM_ID_PREFIX[part]}${String(++n)}`;
      renamed.set(String(item.id), id);
      item.id = id;
    }
  }
  const to = (id: string) => renamed.get(id) ?? id;
  matrix.correlations = matrix.correlations.map((c) => ({ ...c, from: to(c.from), to: to(c.to) }));
  matrix.owners = matrix.owners.map((o) => ({ ...o, initiative: to(o.initiative), who: to(o.who) }));
  matrix.lists.how.forEach((item, index) => {
    if (!Array.isArray(item.impacts)) return;
    // Impacts of the legacy JSON column name their KPI by id, which may be no item of the file.
    item.impacts = (item.impacts as Record<string, unknown>[]).filter((impact) => {
      const kpi = renamed.get(String(impact.kpi));
      if (kpi) impact.kpi = kpi;
      else
        warnings.push({
          path: where('how', locations.items.how[index], 'impacts'),
          message: `the impact on ${String(impact.kpi)} names no KPI of the file; left out`,
        });
      return kpi !== undefined;
    });
  });
  return warnings;
}

/** Ids of the target organisation that a copied matrix may refer to. */
export interface KnownReferences {
  organisation: string;
  objectives: ReadonlySet<string>;
  keyResults: ReadonlySet<string>;
  people: ReadonlySet<string>;
  units: ReadonlySet<string>;
}

/** Leaves out references outside the file that the target organisation does not have. */
export function dropUnresolved(
  matrix: WorkbookMatrix,
  locations: WorkbookLocations,
  known: KnownReferences,
): Issue[] {
  const warnings: Issue[] = [];
  const check = (part: ListPart, field: string, ids: ReadonlySet<string>, noun: string) =>
    matrix.lists[part].forEach((item, index) => {
      const value = item[field];
      if (typeof value !== 'string' || ids.has(value)) return;
      item[field] = null;
      warnings.push({
        path: where(part, locations.items[part][index], field),
        message: `"${value}" is no ${noun} of ${known.organisation}; left blank`,
      });
    });
  check('what', 'sourceObjectiveId', known.objectives, 'objective');
  check('how_far', 'sourceKeyResultId', known.keyResults, 'key result');
  check('how_much', 'sourceKeyResultId', known.keyResults, 'key result');
  check('how_much', 'ownerId', known.people, 'person');

  const dropped = new Set<string>();
  matrix.lists.who.forEach((item, index) => {
    const person = typeof item.personId === 'string' && known.people.has(item.personId);
    const team = typeof item.teamUnitId === 'string' && known.units.has(item.teamUnitId);
    if (person || team) {
      if (!person) item.personId = null;
      if (!team) item.teamUnitId = null;
      return;
    }
    const id = String(item.id);
    dropped.add(id);
    const owners = matrix.owners.filter((o) => o.who === id).length;
    const named =
      [item.personId, item.teamUnitId].find((v): v is string => typeof v === 'string' && v !== '') ?? id;
    warnings.push({
      path: where('who', locations.items.who[index]),
      message: `"${named}" is no person or unit of ${known.organisation}; left out${owners > 0 ? `, with ${String(owners)} ownership${owners === 1 ? '' : 's'}` : ''}`,
    });
  });
  if (dropped.size > 0) {
    const keep = matrix.lists.who.map((item) => !dropped.has(String(item.id)));
    matrix.lists.who = matrix.lists.who.filter((_, i) => keep[i]);
    locations.items.who = locations.items.who.filter((_, i) => keep[i]);
    const ownerKeep = matrix.owners.map((o) => !dropped.has(o.who));
    matrix.owners = matrix.owners.filter((_, i) => ownerKeep[i]);
    locations.owners = locations.owners.filter((_, i) => ownerKeep[i]);
  }
  return warnings;
}
