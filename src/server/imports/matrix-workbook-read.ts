import type ExcelJS from 'exceljs';
import type { Issue } from '../../core/errors';
import {
  cellLocation,
  cellText,
  columnLetter,
  isBlankRow,
  normaliseLabel,
  normaliseName,
  restoreFormulaText,
  type SheetCell,
} from '../../core/sheet-cells';
import {
  GRID_SHEETS,
  ITEM_ID_PREFIX,
  JSON_FIELDS,
  READ_COLUMNS,
  LIST_SHEETS,
  MATRIX_SHEET,
  OWNERS_SHEET,
  readRole,
  readStrength,
  sheetKey,
  type ListPart,
} from './matrix-workbook-layout';
import { readRecordSheets, type RecordLocations } from './matrix-workbook-records';
import { worksheetRows } from './sheet-reader';
import {
  detectSheetLocale,
  readLocaleDate,
  readLocaleNumber,
  type LocatedCell,
  type SheetLocale,
} from '../../core/sheet-locale';

/** Names a sheet may use for people and teams: normalised id, name or e-mail → id. */
export interface WorkbookLookups {
  people: ReadonlyMap<string, string>;
  units: ReadonlyMap<string, string>;
}

/** The matrix as read, in the plan document's shape (before its schema fills defaults). */
export interface WorkbookMatrix {
  unit: string;
  year: number | null;
  trueNorth: string;
  lists: Record<ListPart, Record<string, unknown>[]>;
  correlations: { from: string; to: string; strength: string }[];
  owners: { initiative: string; who: string; role: 'primary' | 'secondary' }[];
}

/** Where each item, correlation and owner came from, to report plan-level problems by cell. */
export interface WorkbookLocations {
  items: Record<ListPart, number[]>;
  correlations: string[];
  owners: string[];
  /** Rows of the Impacts and Effort sheets, by `how[<i>].impacts[<j>]`. */
  records: RecordLocations;
}

export interface ReadOptions {
  /**
   * A copy keeps what resolves: a grid row or column, an owner, an impact or an effort row that
   * names no item of the file is left out with a warning instead of stopping the import.
   */
  lenient?: boolean | undefined;
}

const NUMERIC = new Set([
  'targetYear',
  'effortPersonDays',
  'baseline',
  'target',
  'targetHigh',
  'deliveryProbability',
]);
const DATES = new Set(['startDate', 'endDate']);
const REFERENCES = new Set(['sourceObjectiveId', 'sourceKeyResultId', 'ownerId', 'personId', 'teamUnitId']);

const textOf = (value: unknown) => (typeof value === 'string' ? value : '');

const at = (sheet: string, row: number, column?: number, header?: string) =>
  cellLocation({ sheet, row, column: column === undefined ? null : columnLetter(column), header });

/**
 * Reads the spreadsheet X-matrix (matrix-workbook-layout.ts) forgivingly: sheets and headers
 * by name in any case, marks as ● ○ △ or letters, people by id, name or e-mail. Items without an
 * ID get `<matrixId>-<part><n>`. Every problem (and warning) is reported by sheet, row and column.
 */
export function readMatrixWorkbook(
  workbook: ExcelJS.Workbook,
  matrixId: string,
  lookups: WorkbookLookups,
  options: ReadOptions = {},
): { matrix: WorkbookMatrix; locations: WorkbookLocations; problems: Issue[]; warnings: Issue[] } {
  const problems: Issue[] = [];
  const warnings: Issue[] = [];
  const unresolved = (issue: Issue) => (options.lenient ? warnings : problems).push(issue);
  const sheets = new Map(workbook.worksheets.map((sheet) => [sheetKey(sheet.name), sheet]));
  const optionalRows = (name: string): SheetCell[][] | null => {
    const sheet = sheets.get(sheetKey(name));
    return sheet ? worksheetRows(sheet) : null;
  };
  const locale = workbookLocale(workbook, problems);
  const readNumber = (cell: SheetCell | undefined) => readLocaleNumber(cell, locale);
  const readDate = (cell: SheetCell | undefined) => readLocaleDate(cell, locale);
  const rowsOf = (name: string): SheetCell[][] | null => {
    const rows = optionalRows(name);
    if (!rows) problems.push({ path: `sheet "${name}"`, message: 'the workbook has no such sheet' });
    return rows;
  };

  const settings = new Map(
    (rowsOf(MATRIX_SHEET) ?? []).map((row) => [normaliseLabel(cellText(row[0])), row[1] ?? null] as const),
  );
  const yearRead = readNumber(settings.get('year') ?? null);
  if (!yearRead.ok) problems.push({ path: at(MATRIX_SHEET, 3, 1), message: yearRead.message });
  const matrix: WorkbookMatrix = {
    unit: cellText(settings.get('unit') ?? null),
    year: yearRead.ok ? yearRead.value : null,
    trueNorth: restoreFormulaText(cellText(settings.get('truenorth') ?? null)),
    lists: { what: [], how_far: [], how: [], how_much: [], who: [] },
    correlations: [],
    owners: [],
  };
  const locations: WorkbookLocations = {
    items: { what: [], how_far: [], how: [], how_much: [], who: [] },
    correlations: [],
    owners: [],
    records: new Map(),
  };
  const usedIds = new Set<string>();
  const titles: Record<ListPart, Map<string, string>> = {
    what: new Map(),
    how_far: new Map(),
    how: new Map(),
    how_much: new Map(),
    who: new Map(),
  };

  for (const part of Object.keys(LIST_SHEETS) as ListPart[]) {
    const name = LIST_SHEETS[part];
    const rows = rowsOf(name);
    if (!rows) continue;
    const fieldOf = new Map(READ_COLUMNS[part].map((c) => [normaliseLabel(c.header), c.field]));
    const fields = (rows[0] ?? []).map((header, index) => {
      const text = cellText(header);
      const field = fieldOf.get(normaliseLabel(text)) ?? null;
      if (text !== '' && field === null)
        problems.push({ path: at(name, 1, index), message: `unknown column "${text}"` });
      return field;
    });
    rows.forEach((row, index) => {
      if (index === 0 || isBlankRow(row)) return;
      const rowNumber = index + 1;
      const item: Record<string, unknown> = {};
      const months: (number | null)[] = Array<number | null>(12).fill(null);
      fields.forEach((field, column) => {
        if (field === null) return;
        const raw = row[column] ?? null;
        const text = restoreFormulaText(cellText(raw));
        const month = /^month(\d+)$/.exec(field);
        if (NUMERIC.has(field) || month) {
          const value = readNumber(raw);
          if (!value.ok) problems.push({ path: at(name, rowNumber, column), message: value.message });
          else if (month) months[Number(month[1])] = value.value;
          // A blank delivery probability takes the plan document's default (certain) rather than null.
          else if (value.value !== null || field !== 'deliveryProbability') item[field] = value.value;
        } else if (DATES.has(field)) {
          const value = readDate(raw);
          if (!value.ok) problems.push({ path: at(name, rowNumber, column), message: value.message });
          else item[field] = value.value;
        } else if (JSON_FIELDS.has(field)) {
          try {
            item[field] = text === '' ? [] : (JSON.parse(text) as unknown);
          } catch {
            problems.push({ path: at(name, rowNumber, column), message: 'expected a JSON list of records' });
          }
        } else if (field === 'requiredSkills') {
          item[field] = text
            .split(/[;,]/)
            .map((s) => s.trim())
            .filter((s) => s !== '');
        } else if (field === 'status' || field === 'direction') {
          if (text !== '') item[field] = text.toLowerCase().replace(/[\s-]+/g, '_');
        } else if (REFERENCES.has(field)) {
          const lookup = field === 'teamUnitId' ? lookups.units : lookups.people;
          const resolved = field.startsWith('source') ? text : (lookup.get(normaliseName(text)) ?? text);
          item[field] = text === '' ? null : resolved;
        } else item[field] = text;
      });
      if (part === 'how_much') item.monthlyPlan = months.some((m) => m !== null) ? months : null;
      if (part === 'who') {
        const label = normaliseName(textOf(item.title));
        if (!item.personId && !item.teamUnitId && label !== '') {
          if (lookups.people.has(label)) item.personId = lookups.people.get(label);
          else if (lookups.units.has(label)) item.teamUnitId = lookups.units.get(label);
        }
      }
      let id = textOf(item.id);
      if (id === '') {
        for (let n = matrix.lists[part].length + 1; id === '' || usedIds.has(id); n++)
          id = `${matrixId}-${ITEM_ID_PREFIX[part]}${n}`;
      } else if (usedIds.has(id)) {
        problems.push({ path: at(name, rowNumber, 0), message: `duplicate ID ${id}` });
        return;
      }
      usedIds.add(id);
      item.id = id;
      const title = textOf(item.title);
      if (part === 'who') delete item.title;
      titles[part].set(normaliseName(title), id);
      matrix.lists[part].push(item);
      locations.items[part].push(rowNumber);
    });
  }

  const ids: Record<ListPart, Set<string>> = {
    what: new Set(matrix.lists.what.map((i) => String(i.id))),
    how_far: new Set(matrix.lists.how_far.map((i) => String(i.id))),
    how: new Set(matrix.lists.how.map((i) => String(i.id))),
    how_much: new Set(matrix.lists.how_much.map((i) => String(i.id))),
    who: new Set(matrix.lists.who.map((i) => String(i.id))),
  };
  /** An item of `part` named by its ID cell, else by its title cell. */
  const find = (part: ListPart, id: SheetCell | undefined, title: SheetCell | undefined) => {
    const byId = restoreFormulaText(cellText(id));
    if (ids[part].has(byId)) return byId;
    return titles[part].get(normaliseName(restoreFormulaText(cellText(title)))) ?? null;
  };
  const readGrid = (
    name: string,
    rowsPart: ListPart,
    columnsPart: ListPart,
    mark: (text: string, row: string, column: string, where: string) => boolean,
  ) => {
    const rows = rowsOf(name);
    if (!rows) return;
    const header = rows[0] ?? [];
    const columnTitles = rows[1] ?? [];
    const width = Math.max(header.length, columnTitles.length);
    const columns = Array.from({ length: width }, (_, index) => {
      if (index < 2) return null;
      const cell = header[index];
      const found = find(columnsPart, cell, columnTitles[index]);
      if (!found && (cellText(cell) !== '' || cellText(columnTitles[index]) !== ''))
        unresolved({ path: at(name, 1, index), message: `names no ${LIST_SHEETS[columnsPart]} item` });
      return found;
    });
    rows.forEach((row, index) => {
      if (index < 2 || isBlankRow(row)) return;
      const rowItem = find(rowsPart, row[0], row[1]);
      if (!rowItem) {
        unresolved({ path: at(name, index + 1, 0), message: `names no ${LIST_SHEETS[rowsPart]} item` });
        return;
      }
      row.forEach((cell, column) => {
        const text = cellText(cell);
        const columnItem = columns[column];
        if (column < 2 || text === '' || !columnItem) return;
        const where = at(name, index + 1, column);
        if (!mark(text, rowItem, columnItem, where))
          problems.push({ path: where, message: `unknown mark "${text}"` });
      });
    });
  };
  for (const spec of Object.values(GRID_SHEETS))
    readGrid(spec.sheet, spec.rows, spec.columns, (text, from, to, where) => {
      const strength = readStrength(text);
      if (!strength) return false;
      matrix.correlations.push({ from, to, strength });
      locations.correlations.push(where);
      return true;
    });
  readGrid(OWNERS_SHEET, 'how', 'who', (text, initiative, who, where) => {
    const role = readRole(text);
    if (!role) return false;
    matrix.owners.push({ initiative, who, role });
    locations.owners.push(where);
    return true;
  });
  locations.records = readRecordSheets({
    rows: optionalRows,
    find,
    initiatives: matrix.lists.how,
    problem: (issue) => problems.push(issue),
    unresolved,
    readNumber,
  });
  return { matrix, locations, problems, warnings };
}

const NUMBER_LIKE = /^[-+]?[\d\s.,'’%€$£¥]*\d[\d\s.,'’%€$£¥]*$/;

/**
 * How the workbook writes numbers and dates that are typed as text (numbers and dates the
 * spreadsheet stores as such need no reading): decided once for the whole file from every
 * text cell that looks like a number or a date, as every importer does (core/sheet-locale.ts).
 */
function workbookLocale(workbook: ExcelJS.Workbook, problems: Issue[]): SheetLocale {
  const numbers: LocatedCell[] = [];
  const dates: LocatedCell[] = [];
  for (const sheet of workbook.worksheets)
    worksheetRows(sheet).forEach((row, index) =>
      row.forEach((cell, column) => {
        if (typeof cell !== 'string') return;
        const located = { cell, row: index + 1, column: columnLetter(column), sheet: sheet.name };
        if (/^\d{1,2}[./]\d{1,2}[./]\d{4}$/.test(cell.trim())) dates.push(located);
        else if (NUMBER_LIKE.test(cell.trim())) numbers.push(located);
      }),
    );
  const detected = detectSheetLocale(numbers, dates);
  problems.push(...detected.problems.map(({ path, message }) => ({ path, message })));
  return detected.locale;
}

const LIST_KEYS: Record<string, ListPart> = {
  what: 'what',
  howFar: 'how_far',
  how: 'how',
  howMuch: 'how_much',
  who: 'who',
};

/** Rewrites a plan-document path of the imported matrix (`matrices[2].how[0].endDate`) as its cell. */
export function locateIssue(issue: Issue, locations: WorkbookLocations): Issue {
  const record = /^matrices\[\d+\]\.(how\[\d+\]\.(?:impacts|effort)\[\d+\])\.?(.*)$/.exec(issue.path);
  const recordRow = record ? locations.records.get(record[1] ?? '') : undefined;
  if (record && recordRow) {
    const field = record[2] ?? '';
    return { path: field === '' ? recordRow : `${recordRow} (${field})`, message: issue.message };
  }
  const item = /^matrices\[\d+\]\.(what|howFar|how|howMuch|who)\[(\d+)\]\.?(.*)$/.exec(issue.path);
  if (item) {
    const part = LIST_KEYS[item[1] ?? ''] ?? 'what';
    const row = locations.items[part][Number(item[2])];
    return {
      path: row === undefined ? issue.path : at(LIST_SHEETS[part], row, undefined, item[3]),
      message: issue.message,
    };
  }
  const mark = /^matrices\[\d+\]\.(correlations|owners)\[(\d+)\]/.exec(issue.path);
  if (mark) {
    const where = (mark[1] === 'owners' ? locations.owners : locations.correlations)[Number(mark[2])];
    return { path: where ?? issue.path, message: issue.message };
  }
  return issue;
}
