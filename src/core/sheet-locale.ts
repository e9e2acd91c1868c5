import { cellLocation, cellText, type CellRead, type SheetCell } from './sheet-cells';

/**
 * How a file writes numbers and dates, decided once per file from every cell that says something
 * about it, never per cell: "1,125" means 1125 in a file that writes "2.5", and 1.125 in one that
 * writes "2,5". A file whose cells disagree, or whose only evidence is ambiguous, is refused with
 * the cells named (or read as the person chose in the preview), never guessed.
 */

export const DECIMAL_MARKS = ['.', ','] as const;
export type DecimalMark = (typeof DECIMAL_MARKS)[number];

export const DATE_ORDERS = ['day_first', 'month_first'] as const;
/** How `03/08/2026` is read: 3 August (day first) or March 8 (month first). */
export type DateOrder = (typeof DATE_ORDERS)[number];

/** A cell with the place the user finds it at. */
export interface LocatedCell {
  cell: SheetCell | undefined;
  row: number;
  column: string;
  header?: string | undefined;
  sheet?: string | undefined;
}

export interface LocaleProblem {
  /** Where, as {@link cellLocation} writes it. */
  path: string;
  at: LocatedCell;
  message: string;
}

/** What was decided for a file, and how: shown in import previews. */
export interface SheetLocale {
  decimal: DecimalMark;
  /** Thousands separators the file uses (`,` `.` space or apostrophe); empty when none. */
  grouping: string[];
  /** Whether some number cells carry a percent sign (read as the number before it: "45 %" is 45). */
  percent: boolean;
  /** Null when no date in the file needs an order (ISO dates, day.month.year or workbook dates). */
  dateOrder: DateOrder | null;
  /** Whether each choice came from the cells or from the person (`chosen`). */
  decimalFrom: 'cells' | 'chosen' | 'default';
  dateOrderFrom: 'cells' | 'chosen' | 'none';
}

export interface LocaleChoice {
  decimal?: DecimalMark | undefined;
  dateOrder?: DateOrder | undefined;
}

const GROUP_SPACES = /[\s\u00a0\u202f]/g;
const APOSTROPHES = /['’]/g;
const CURRENCY = /^[-+]?\s*[$€£¥₣]|^(CHF|EUR|USD|GBP|JPY)\s*/i;

/** The text of a number cell stripped of what never matters: currency, percent, spaces, apostrophes. */
function bareNumberText(text: string): { bare: string; percent: boolean; grouped: string[] } {
  const grouped: string[] = [];
  let bare = text.trim();
  const percent = /%\s*$|^\s*%/.test(bare);
  bare = bare.replace(/\s*%\s*$|^\s*%\s*/, '');
  bare = bare.replace(CURRENCY, (match) => (match.trim().startsWith('-') ? '-' : ''));
  bare = bare.replace(/\s*(CHF|EUR|USD|GBP|JPY|[$€£¥])$/i, '');
  if (/\d[\s\u00a0\u202f]\d{3}/.test(bare)) grouped.push(' ');
  bare = bare.replace(GROUP_SPACES, '');
  if (/\d['’]\d{3}/.test(bare)) grouped.push("'");
  bare = bare.replace(APOSTROPHES, '');
  return { bare, percent, grouped };
}

type Evidence =
  | { kind: 'none' }
  | { kind: 'decimal'; mark: DecimalMark; grouping: string | null }
  | { kind: 'ambiguous'; separator: DecimalMark };

const SIGNED = /^[-+]?/;

/** What one cell's text says about the decimal mark. */
function evidenceOf(bare: string): Evidence {
  const unsigned = bare.replace(SIGNED, '');
  const commas = (unsigned.match(/,/g) ?? []).length;
  const points = (unsigned.match(/\./g) ?? []).length;
  if (commas > 0 && points > 0) {
    const mark: DecimalMark = unsigned.lastIndexOf(',') > unsigned.lastIndexOf('.') ? ',' : '.';
    return { kind: 'decimal', mark, grouping: mark === ',' ? '.' : ',' };
  }
  if (commas === 0 && points === 0) return { kind: 'none' };
  const separator: DecimalMark = commas > 0 ? ',' : '.';
  const other: DecimalMark = separator === ',' ? '.' : ',';
  if (commas + points > 1) return { kind: 'decimal', mark: other, grouping: separator };
  const [whole = '', fraction = ''] = unsigned.split(separator);
  const couldGroup = /^[1-9]\d{0,2}$/.test(whole) && /^\d{3}$/.test(fraction);
  return couldGroup ? { kind: 'ambiguous', separator } : { kind: 'decimal', mark: separator, grouping: null };
}

const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Decides how a file writes numbers and dates from its number and date cells. The person's
 * choice (from the preview) wins over the cells; without one, cells that disagree or that are
 * all ambiguous give problems naming them.
 */
export function detectSheetLocale(
  numberCells: readonly LocatedCell[],
  dateCells: readonly LocatedCell[],
  choice: LocaleChoice = {},
): { locale: SheetLocale; problems: LocaleProblem[] } {
  const problems: LocaleProblem[] = [];
  const byMark: Record<DecimalMark, LocatedCell[]> = { '.': [], ',': [] };
  const ambiguous: LocatedCell[] = [];
  const grouping = new Set<string>();
  let percent = false;
  for (const located of numberCells) {
    if (typeof located.cell !== 'string') continue;
    const text = cellText(located.cell);
    if (text === '') continue;
    const bare = bareNumberText(text);
    percent ||= bare.percent;
    for (const mark of bare.grouped) grouping.add(mark);
    const evidence = evidenceOf(bare.bare);
    if (evidence.kind === 'decimal') {
      byMark[evidence.mark].push(located);
      if (evidence.grouping) grouping.add(evidence.grouping);
    } else if (evidence.kind === 'ambiguous') ambiguous.push(located);
  }
  let decimal: DecimalMark = choice.decimal ?? '.';
  let decimalFrom: SheetLocale['decimalFrom'] = choice.decimal ? 'chosen' : 'default';
  if (!choice.decimal) {
    const [point, comma] = [byMark['.'], byMark[',']];
    const [firstPoint, firstComma] = [point[0], comma[0]];
    if (firstPoint && firstComma)
      problems.push({
        path: placeOf(firstComma),
        at: firstComma,
        message: `"${cellText(firstComma.cell)}" writes decimals with a comma, but ${placeOf(firstPoint)} "${cellText(firstPoint.cell)}" writes them with a point; use one throughout the file, or choose the decimal mark in the preview`,
      });
    else if (firstPoint || firstComma) {
      decimal = comma.length > 0 ? ',' : '.';
      decimalFrom = 'cells';
    } else if (ambiguous.length > 0)
      for (const located of ambiguous) {
        const text = cellText(located.cell);
        const bare = bareNumberText(text).bare;
        const separator = bare.includes(',') ? ',' : '.';
        problems.push({
          path: placeOf(located),
          at: located,
          message: `"${text}" could be ${bare.replace(separator, '')} or ${bare.replace(separator, '.')}: nothing else in the file shows whether "${separator}" separates thousands or decimals; write ${bare.replace(separator, '')} without it, or choose the decimal mark in the preview`,
        });
      }
  }
  if (decimal === ',') grouping.delete(',');
  else grouping.delete('.');
  // Ambiguous cells say something only once the decimal mark is known (from other cells or chosen).
  if (decimalFrom !== 'default')
    for (const located of ambiguous) {
      const separator = evidenceOf(bareNumberText(cellText(located.cell)).bare);
      if (separator.kind === 'ambiguous' && separator.separator !== decimal)
        grouping.add(separator.separator);
    }

  const order = detectDateOrder(dateCells, choice.dateOrder, problems);
  return {
    locale: {
      decimal,
      grouping: [...grouping].sort(),
      percent,
      dateOrder: order.order,
      decimalFrom,
      dateOrderFrom: order.from,
    },
    problems,
  };
}

function detectDateOrder(
  cells: readonly LocatedCell[],
  chosen: DateOrder | undefined,
  problems: LocaleProblem[],
): { order: DateOrder | null; from: SheetLocale['dateOrderFrom'] } {
  const slashDates = cells.flatMap((located) => {
    const match = SLASH_DATE.exec(cellText(located.cell));
    return match ? [{ located, first: Number(match[1]), second: Number(match[2]) }] : [];
  });
  if (chosen) return { order: chosen, from: 'chosen' };
  if (slashDates.length === 0) return { order: null, from: 'none' };
  const dayFirst = slashDates.filter((d) => d.first > 12);
  const monthFirst = slashDates.filter((d) => d.second > 12);
  const [day, month] = [dayFirst[0]?.located, monthFirst[0]?.located];
  if (day && month) {
    problems.push({
      path: placeOf(month),
      at: month,
      message: `"${cellText(month.cell)}" writes the month first, but ${placeOf(day)} "${cellText(day.cell)}" writes the day first; write dates as 2026-06-30 throughout`,
    });
    return { order: null, from: 'none' };
  }
  if (dayFirst.length > 0) return { order: 'day_first', from: 'cells' };
  if (monthFirst.length > 0) return { order: 'month_first', from: 'cells' };
  for (const { located, first, second } of slashDates)
    if (first !== second)
      problems.push({
        path: placeOf(located),
        at: located,
        message: `"${cellText(located.cell)}" could be day ${first} of month ${second} or month ${first}, day ${second}; write it as ${isoOf(Number(SLASH_DATE.exec(cellText(located.cell))?.[3]), second, first)} (day first) or choose the date order in the preview`,
      });
  return { order: null, from: 'none' };
}

const isoOf = (year: number, month: number, day: number): string =>
  `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function placeOf(located: LocatedCell): string {
  return cellLocation({
    sheet: located.sheet,
    row: located.row,
    column: located.column,
    header: located.header,
  });
}

/**
 * Reads a number cell as the file writes numbers: `1.125,5` with a decimal comma, `1,125.5` or
 * `1'125.5` with a point, `45 %` as 45, `CHF 3.50` as 3.5. An empty cell is null; text that is
 * no number in this format is refused, quoting it.
 */
export function readLocaleNumber(cell: SheetCell | undefined, locale: SheetLocale): CellRead<number | null> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? { ok: true, value: cell } : notANumber(cell);
  const text = cellText(cell);
  if (text === '') return { ok: true, value: null };
  const { bare } = bareNumberText(text);
  const group = locale.decimal === ',' ? '.' : ',';
  const [whole = '', fraction, extra] = bare.split(locale.decimal);
  if (extra !== undefined) return notANumber(text, locale);
  const sign = /^[-+]/.test(whole) ? whole[0] : '';
  const digits = whole.replace(SIGNED, '');
  const grouped = digits.includes(group);
  if (grouped && !new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(digits)) return notANumber(text, locale);
  const integer = grouped ? digits.split(group).join('') : digits;
  if (!/^\d*$/.test(integer) || (fraction !== undefined && !/^\d+$/.test(fraction)))
    return notANumber(text, locale);
  if (integer === '' && fraction === undefined) return notANumber(text, locale);
  const value = Number(
    `${sign === '-' ? '-' : ''}${integer || '0'}${fraction === undefined ? '' : `.${fraction}`}`,
  );
  return Number.isFinite(value) ? { ok: true, value } : notANumber(text, locale);
}

/** The decimal-mark hint is given for figures written the other way, not for words ("about 40"). */
function notANumber(text: unknown, locale?: SheetLocale): CellRead<never> {
  const hint =
    locale && /\d/.test(String(text)) && !/\p{L}{4,}/u.test(String(text))
      ? ` (this file writes decimals with a ${locale.decimal === ',' ? 'comma' : 'point'}, e.g. ${locale.decimal === ',' ? '2,5' : '2.5'})`
      : '';
  return { ok: false, message: `expected a number, found text "${String(text)}"${hint}` };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * Reads a date cell: ISO `2026-06-30` (a time after it is ignored), `30.6.2026` (day first, as
 * German and Swiss sheets write it), `30/06/2026` or `06/30/2026` in the order decided for the
 * file, and workbook date cells (already ISO). An empty cell is null.
 */
export function readLocaleDate(cell: SheetCell | undefined, locale: SheetLocale): CellRead<string | null> {
  const text = cellText(cell);
  if (text === '') return { ok: true, value: null };
  const iso = ISO_DATE.exec(text);
  const dotted = DOTTED_DATE.exec(text);
  const slash = SLASH_DATE.exec(text);
  const parts = iso
    ? { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) }
    : dotted
      ? { y: Number(dotted[3]), m: Number(dotted[2]), d: Number(dotted[1]) }
      : slash
        ? locale.dateOrder === 'month_first'
          ? { y: Number(slash[3]), m: Number(slash[1]), d: Number(slash[2]) }
          : locale.dateOrder === 'day_first' || slash[1] === slash[2]
            ? { y: Number(slash[3]), m: Number(slash[2]), d: Number(slash[1]) }
            : null
        : null;
  if (parts) {
    const value = isoOf(parts.y, parts.m, parts.d);
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)) return { ok: true, value };
  }
  return { ok: false, message: `expected a date such as 2026-06-30 or 30.06.2026, found "${text}"` };
}

/** "decimal comma, thousands with . and ', percent signs, dates day first": for previews. */
export function describeSheetLocale(locale: SheetLocale): string {
  const parts = [
    locale.decimalFrom === 'default'
      ? 'no cell shows the decimal mark'
      : `decimal ${locale.decimal === ',' ? 'comma' : 'point'}${locale.decimalFrom === 'chosen' ? ' (chosen)' : ''}`,
    locale.grouping.length > 0
      ? `thousands separated by ${locale.grouping.map((g) => (g === ' ' ? 'spaces' : `"${g}"`)).join(' and ')}`
      : null,
    locale.percent ? 'percent signs dropped (45 % reads 45)' : null,
    locale.dateOrder
      ? `dates ${locale.dateOrder === 'day_first' ? 'day first (31/12/2026)' : 'month first (12/31/2026)'}${locale.dateOrderFrom === 'chosen' ? ' (chosen)' : ''}`
      : null,
  ];
  return parts.filter((part) => part !== null).join(', ');
}
