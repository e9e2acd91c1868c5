import type { Issue } from '../../core/errors';
import {
  type CellRead,
  cellLocation,
  cellText,
  columnLetter,
  isBlankRow,
  normaliseLabel,
  restoreFormulaText,
  type SheetCell,
} from '../../core/sheet-cells';
import {
  EFFORT_COLUMNS,
  EFFORT_SHEET,
  IMPACT_COLUMNS,
  IMPACTS_SHEET,
  MONTHS,
  type ListPart,
} from './matrix-workbook-layout';

/** What the record sheets need of the rest of the reader. */
export interface RecordSheetContext {
  /** The sheet's rows, or null when the workbook has none of that name (the sheet is optional). */
  rows: (name: string) => SheetCell[][] | null;
  /** The id of an item of `part` named by its ID cell, else by its title cell; null when none. */
  find: (part: ListPart, id: SheetCell | undefined, title: SheetCell | undefined) => string | null;
  /** The initiatives as read (How sheet order): their `impacts` and `effort` lists receive the rows. */
  initiatives: readonly Record<string, unknown>[];
  /** A cell that cannot be read. */
  problem: (issue: Issue) => void;
  /** A row that names no initiative or KPI of the file (a problem, or in a copy a warning). */
  unresolved: (issue: Issue) => void;
  /** Reads a number cell as the workbook writes numbers (decided once for the file). */
  readNumber: (cell: SheetCell | undefined) => CellRead<number | null>;
}

/** Where each record came from: `how[<i>].impacts[<j>]` (i in How sheet order) → its row. */
export type RecordLocations = Map<string, string>;

const MONTH_BY_NAME = new Map(MONTHS.map((month, index) => [month.toLowerCase(), index + 1]));
const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A month as 1-12 or its name (`Mar`, `March`); blank is undefined (the plan document's default). */
function readMonth(
  cell: SheetCell | undefined,
  readNumber: RecordSheetContext['readNumber'],
): { ok: true; value: number | undefined } | { ok: false } {
  const text = cellText(cell).toLowerCase();
  if (text === '') return { ok: true, value: undefined };
  const named = MONTH_BY_NAME.get(text.slice(0, 3));
  if (named !== undefined && (text.length === 3 || FULL_MONTHS[named - 1] === text))
    return { ok: true, value: named };
  const number = readNumber(cell);
  return number.ok && number.value !== null ? { ok: true, value: number.value } : { ok: false };
}

function readBasis(cell: SheetCell | undefined): 'absolute' | 'percent' | undefined | null {
  const text = normaliseLabel(cellText(cell).replace('%', 'percent'));
  if (text === '') return undefined;
  if (['absolute', 'abs', 'units'].includes(text)) return 'absolute';
  if (['percent', 'pct', 'percentage'].includes(text)) return 'percent';
  return null;
}

/**
 * Reads the Impacts and Effort sheets into the initiatives' `impacts` and `effort` lists (after
 * whatever a legacy JSON column gave them). Both sheets are optional: files written before them
 * carry the JSON columns instead.
 */
export function readRecordSheets(context: RecordSheetContext): RecordLocations {
  const locations: RecordLocations = new Map();
  const read = (
    sheet: string,
    columns: readonly { header: string; field: string }[],
    list: 'impacts' | 'effort',
    build: (
      cell: (field: string) => SheetCell | undefined,
      where: (field: string) => string,
    ) => Record<string, unknown> | null,
  ) => {
    const rows = context.rows(sheet);
    if (!rows) return;
    const byHeader = new Map(columns.map((c) => [normaliseLabel(c.header), c.field]));
    const columnOf = new Map<string, number>();
    (rows[0] ?? []).forEach((header, index) => {
      const text = cellText(header);
      const field = byHeader.get(normaliseLabel(text));
      if (field) columnOf.set(field, index);
      else if (text !== '')
        context.problem({
          path: cellLocation({ sheet, row: 1, column: columnLetter(index) }),
          message: `unknown column "${text}"`,
        });
    });
    rows.forEach((row, index) => {
      if (index === 0 || isBlankRow(row)) return;
      const rowNumber = index + 1;
      const cell = (field: string) => {
        const column = columnOf.get(field);
        return column === undefined ? undefined : row[column];
      };
      const where = (field: string) => {
        const column = columnOf.get(field);
        return cellLocation({
          sheet,
          row: rowNumber,
          column: column === undefined ? null : columnLetter(column),
          header: columns.find((c) => c.field === field)?.header,
        });
      };
      const initiative = context.find('how', cell('initiativeId'), cell('initiative'));
      const position = context.initiatives.findIndex((i) => i.id === initiative);
      const item = context.initiatives[position];
      if (initiative === null || !item) {
        const named = restoreFormulaText(cellText(cell('initiative')) || cellText(cell('initiativeId')));
        context.unresolved({
          path: where('initiative'),
          message: named === '' ? 'names no initiative' : `names no initiative "${named}" of the How sheet`,
        });
        return;
      }
      const record = build(cell, where);
      if (!record) return;
      const records = (Array.isArray(item[list]) ? item[list] : []) as unknown[];
      locations.set(
        `how[${String(position)}].${list}[${String(records.length)}]`,
        cellLocation({ sheet, row: rowNumber }),
      );
      item[list] = [...records, record];
    });
  };

  const numbers = (
    cell: (field: string) => SheetCell | undefined,
    where: (field: string) => string,
    fields: string[],
    required: Set<string>,
  ): Record<string, number> | null => {
    const values: Record<string, number> = {};
    let ok = true;
    for (const field of fields) {
      const value = context.readNumber(cell(field));
      if (!value.ok) {
        context.problem({ path: where(field), message: value.message });
        ok = false;
      } else if (value.value !== null) values[field] = value.value;
      else if (required.has(field)) {
        context.problem({ path: where(field), message: 'a number is needed here' });
        ok = false;
      }
    }
    return ok ? values : null;
  };
  const months = (
    cell: (field: string) => SheetCell | undefined,
    where: (field: string) => string,
    fields: string[],
  ): Record<string, number> | null => {
    const values: Record<string, number> = {};
    let ok = true;
    for (const field of fields) {
      const value = readMonth(cell(field), context.readNumber);
      if (!value.ok) {
        context.problem({ path: where(field), message: 'expected a month: 1-12 or Jan … Dec' });
        ok = false;
      } else if (value.value !== undefined) values[field] = value.value;
    }
    return ok ? values : null;
  };

  read(IMPACTS_SHEET, IMPACT_COLUMNS, 'impacts', (cell, where) => {
    const kpi = context.find('how_much', cell('kpiId'), cell('kpi'));
    if (kpi === null) {
      const named = restoreFormulaText(cellText(cell('kpi')) || cellText(cell('kpiId')));
      context.unresolved({
        path: where('kpi'),
        message: named === '' ? 'names no KPI' : `names no KPI "${named}" of the How Much sheet`,
      });
      return null;
    }
    const amounts = numbers(
      cell,
      where,
      ['low', 'likely', 'high', 'rampMonths'],
      new Set(['low', 'likely', 'high']),
    );
    const start = months(cell, where, ['startMonth']);
    const basis = readBasis(cell('basis'));
    if (basis === null) context.problem({ path: where('basis'), message: 'expected absolute or percent' });
    if (!amounts || !start || basis === null) return null;
    return { kpi, ...amounts, ...start, ...(basis ? { basis } : {}) };
  });
  read(EFFORT_SHEET, EFFORT_COLUMNS, 'effort', (cell, where) => {
    const skill = restoreFormulaText(cellText(cell('skill')));
    if (skill === '') context.problem({ path: where('skill'), message: 'name the skill' });
    const days = numbers(cell, where, ['personDaysPerMonth'], new Set(['personDaysPerMonth']));
    const range = months(cell, where, ['fromMonth', 'toMonth']);
    if (skill === '' || !days || !range) return null;
    return { skill, ...days, ...range };
  });
  return locations;
}
