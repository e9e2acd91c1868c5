import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../core/sheet-cells';
import type { PlanMatrix } from '../../contracts';
import { translatorFor, type Translator } from '../i18n/translator';
import {
  EFFORT_COLUMNS,
  EFFORT_SHEET,
  GRID_SHEETS,
  IMPACT_COLUMNS,
  IMPACTS_SHEET,
  LIST_COLUMNS,
  MONTHS,
  LIST_SHEETS,
  MATRIX_SHEET,
  OWNERS_SHEET,
  ROLE_SYMBOLS,
  STRENGTH_SYMBOLS,
  type ListPart,
} from './matrix-workbook-layout';

export interface MatrixWorkbookNames {
  organisation: string;
  unit: string;
  partNames: Record<ListPart, string>;
  /** Display names of Who items (person or team names), by item id. */
  who: ReadonlyMap<string, string>;
}

type Cell = string | number | null;
const LIST_OF: Record<ListPart, keyof PlanMatrix> = {
  what: 'what',
  how_far: 'howFar',
  how: 'how',
  how_much: 'howMuch',
  who: 'who',
};

/** Text cells pass through {@link neutraliseFormula}; numbers stay numbers. */
const cell = (value: unknown): Cell =>
  value === null || value === undefined
    ? null
    : typeof value === 'number'
      ? value
      : Array.isArray(value)
        ? neutraliseFormula(value.join('; '))
        : neutraliseFormula(typeof value === 'string' ? value : JSON.stringify(value));

function itemCells(part: ListPart, item: Record<string, unknown>, names: MatrixWorkbookNames): Cell[] {
  return LIST_COLUMNS[part].map(({ field }) => {
    if (part === 'who' && field === 'title') return cell(names.who.get(String(item.id)) ?? '');
    const month = /^month(\d+)$/.exec(field);
    if (month) return cell((item.monthlyPlan as (number | null)[] | null)?.[Number(month[1])] ?? null);
    return cell(item[field]);
  });
}

/**
 * Writes an X-matrix as the spreadsheet lean teams keep (see matrix-workbook-layout.ts). With an
 * empty matrix it is the blank template offered for download. The explanations on the Matrix
 * sheet are in the translator's language (English by default); sheet names, column headers and
 * the Matrix sheet's field names stay English, since import reads them back.
 */
export async function writeMatrixWorkbook(
  matrix: PlanMatrix,
  names: MatrixWorkbookNames,
  translator: Translator = translatorFor('en'),
): Promise<Buffer> {
  const { t } = translator;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Catchball';
  const header = (sheet: ExcelJS.Worksheet) => {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  };

  const about = workbook.addWorksheet(MATRIX_SHEET);
  about.columns = [{ width: 22 }, { width: 70 }];
  about.addRows([
    ['Field', 'Value'],
    ['Unit', cell(matrix.unitId)],
    ['Year', matrix.year],
    ['True North', cell(matrix.trueNorth)],
    ['Unit name', cell(names.unit)],
    ['Organisation', cell(names.organisation)],
    [],
    [t('export:workbook.correlationMarks'), t('export:workbook.correlationMarksText')],
    [t('export:workbook.ownerMarks'), t('export:workbook.ownerMarksText')],
    [t('export:workbook.ids'), t('export:workbook.idsText')],
    [t('export:workbook.records'), t('export:workbook.recordsText')],
    ...(translator.language === 'en' ? [] : [[], [t('export:workbook.headersNote')]]),
  ]);
  header(about);

  const items: Record<ListPart, { id: string; title: string }[]> = {
    what: [],
    how_far: [],
    how: [],
    how_much: [],
    who: [],
  };
  for (const part of Object.keys(LIST_SHEETS) as ListPart[]) {
    const sheet = workbook.addWorksheet(LIST_SHEETS[part]);
    sheet.columns = LIST_COLUMNS[part].map(({ header: title, field }) => ({
      header: title,
      width: field === 'title' ? 48 : field === 'description' ? 36 : field.startsWith('month') ? 7 : 16,
    }));
    const list = matrix[LIST_OF[part]] as unknown as Record<string, unknown>[];
    for (const item of list) {
      sheet.addRow(itemCells(part, item, names));
      const id = String(item.id);
      items[part].push({ id, title: part === 'who' ? (names.who.get(id) ?? id) : String(item.title) });
    }
    sheet.getCell('A1').note = names.partNames[part];
    header(sheet);
  }

  const grid = (
    name: string,
    rows: { id: string; title: string }[],
    columns: { id: string; title: string }[],
    corner: string,
    mark: (row: string, column: string) => string | null,
  ) => {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(['ID', corner, ...columns.map((c) => cell(c.id))]);
    sheet.addRow([null, null, ...columns.map((c) => cell(c.title))]);
    for (const row of rows)
      sheet.addRow([cell(row.id), cell(row.title), ...columns.map((c) => mark(row.id, c.id))]);
    sheet.getColumn(1).width = 16;
    sheet.getColumn(2).width = 48;
    for (let i = 0; i < columns.length; i++) {
      sheet.getColumn(i + 3).width = 6;
      sheet.getColumn(i + 3).alignment = { horizontal: 'center' };
    }
    sheet.getRow(2).alignment = { textRotation: 90, vertical: 'bottom', horizontal: 'center' };
    sheet.getRow(2).height = 160;
    sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 2 }];
    header(sheet);
  };
  for (const [, spec] of Object.entries(GRID_SHEETS)) {
    const marks = new Map(
      matrix.correlations.flatMap((c) => [
        [`${c.from}|${c.to}`, c.strength] as const,
        [`${c.to}|${c.from}`, c.strength] as const,
      ]),
    );
    grid(
      spec.sheet,
      items[spec.rows],
      items[spec.columns],
      `${LIST_SHEETS[spec.rows]} \\ ${LIST_SHEETS[spec.columns]}`,
      (row, column) => {
        const strength = marks.get(`${row}|${column}`);
        return strength ? STRENGTH_SYMBOLS[strength] : null;
      },
    );
  }
  const roles = new Map(matrix.owners.map((o) => [`${o.initiative}|${o.who}`, o.role]));
  grid(OWNERS_SHEET, items.how, items.who, 'How \\ Who', (row, column) => {
    const role = roles.get(`${row}|${column}`);
    return role ? ROLE_SYMBOLS[role] : null;
  });

  const records = (name: string, columns: readonly { header: string; field: string }[], rows: Cell[][]) => {
    const sheet = workbook.addWorksheet(name);
    sheet.columns = columns.map(({ header: title, field }) => ({
      header: title,
      width: field === 'initiative' || field === 'kpi' ? 40 : field.endsWith('Id') ? 16 : 12,
    }));
    sheet.addRows(rows);
    header(sheet);
  };
  const kpiTitles = new Map(matrix.howMuch.map((k) => [k.id, k.title]));
  const month = (n: number) => MONTHS[n - 1] ?? n;
  records(
    IMPACTS_SHEET,
    IMPACT_COLUMNS,
    matrix.how.flatMap((initiative) =>
      initiative.impacts.map((impact) => [
        cell(initiative.title),
        cell(kpiTitles.get(impact.kpi) ?? impact.kpi),
        impact.low,
        impact.likely,
        impact.high,
        impact.basis,
        month(impact.startMonth),
        impact.rampMonths,
        cell(initiative.id),
        cell(impact.kpi),
      ]),
    ),
  );
  records(
    EFFORT_SHEET,
    EFFORT_COLUMNS,
    matrix.how.flatMap((initiative) =>
      initiative.effort.map((effort) => [
        cell(initiative.title),
        cell(effort.skill),
        effort.personDaysPerMonth,
        month(effort.fromMonth),
        month(effort.toMonth),
        cell(initiative.id),
      ]),
    ),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
