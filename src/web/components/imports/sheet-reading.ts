/**
 * How an import preview says the way a file was read, and how the person's choices travel back to
 * the server: the words of the "Read as …" line, the field names of the column mapping, and the
 * `columns` query (`C=unitOfMeasure,E=`). Pure, so both import pages and their tests share it.
 */
import { OKR_SHEET_FIELDS, type OkrSheetField } from '../../../core/okr-sheet-columns';
import type { SheetLocaleJson } from '../../../contracts/sheet-locale';
import { i18n } from '../../i18n/i18n';
import { currentLocale } from '../../i18n/locale';

export type CsvSeparatorJson = ',' | ';' | 'tab';

/** What each column holds, by column letter, as the person chose it: a field, or null to skip it. */
export type ColumnChoiceMap = Readonly<Record<string, OkrSheetField | null>>;

/**
 * A field in words, in the reader's language: in English the canonical header the template writes
 * ("Unit of measure", "Team / Unit").
 */
export function okrFieldLabel(field: OkrSheetField): string {
  return i18n.t(`imports:field.${field}`);
}

/** Every field with its label, in the order of the template's columns. */
export function okrFieldOptions(): readonly { field: OkrSheetField; label: string }[] {
  return OKR_SHEET_FIELDS.map((field) => ({ field, label: okrFieldLabel(field) }));
}

const SEPARATOR_NAMES: Record<CsvSeparatorJson, string> = { ',': 'comma', ';': 'semicolon', tab: 'tab' };

/**
 * "Read as CSV separated by semicolons; decimal comma, thousands separated by ".", dates day
 * first (31/12/2026)". A workbook has no separator; a file not read at all has no locale.
 */
export function readingLine(
  format: 'csv' | 'xlsx',
  separator: CsvSeparatorJson | null,
  locale: SheetLocaleJson | null,
): string {
  const reading =
    format === 'xlsx'
      ? i18n.t('imports:reading.xlsx')
      : separator
        ? i18n.t('imports:reading.csvSeparated', { separator: SEPARATOR_NAMES[separator] })
        : i18n.t('imports:reading.csv');
  if (!locale) return reading;
  return i18n.t('imports:reading.withLocale', { reading, description: describeLocale(locale) });
}

/**
 * How numbers and dates were read, in the reader's language: in English exactly the server's
 * `description` (core's describeSheetLocale), composed here from the same decisions.
 */
export function describeLocale(locale: SheetLocaleJson): string {
  const marks = locale.grouping.map((mark) =>
    mark === ' '
      ? i18n.t('imports:localeDescription.groupingSpaces')
      : i18n.t('imports:localeDescription.groupingMark', { mark }),
  );
  const parts = [
    locale.decimalFrom === 'default'
      ? i18n.t('imports:localeDescription.decimalNone')
      : i18n.t('imports:localeDescription.decimal', {
          mark: locale.decimal,
          chosen: locale.decimalFrom === 'chosen' ? 'yes' : 'no',
        }),
    marks.length > 0
      ? i18n.t('imports:localeDescription.grouping', {
          marks: new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(marks),
        })
      : null,
    locale.percent ? i18n.t('imports:localeDescription.percent') : null,
    locale.dateOrder
      ? i18n.t('imports:localeDescription.dates', {
          order: locale.dateOrder,
          chosen: locale.dateOrderFrom === 'chosen' ? 'yes' : 'no',
        })
      : null,
  ];
  return parts.filter((part) => part !== null).join(i18n.t('imports:localeDescription.joiner'));
}

/** `C=unitOfMeasure,E=` in column order; undefined when nothing was chosen. */
export function columnsQuery(choices: ColumnChoiceMap): string | undefined {
  const pairs = Object.entries(choices)
    .sort(([a], [b]) => a.length - b.length || a.localeCompare(b))
    .map(([column, field]) => `${column}=${field ?? ''}`);
  return pairs.length > 0 ? pairs.join(',') : undefined;
}

/** One column of the mapping as the preview returns it. */
export interface MappingEntry {
  column: string;
  header: string;
  field: OkrSheetField | null;
  from: 'header' | 'chosen' | 'values' | 'unknown' | 'ambiguous';
  candidates?: OkrSheetField[] | undefined;
}

/** A mapping row of the editor: `repeats` when the preview left the column out, its field read elsewhere. */
export type MappingRow = MappingEntry & { repeats: boolean };

/**
 * The editor's rows: every column of the file seen in this file's previews, in sheet order. The
 * preview leaves out a column whose field another column already holds, so a column the person
 * set to a taken field stays in the table (`repeats`) for them to change again.
 */
export function mappingRows(
  seen: readonly MappingEntry[],
  mapping: readonly MappingEntry[],
  choices: ColumnChoiceMap,
): MappingRow[] {
  const byColumn = new Map<string, MappingRow>();
  for (const entry of seen)
    byColumn.set(entry.column, {
      ...entry,
      field: Object.hasOwn(choices, entry.column) ? (choices[entry.column] ?? null) : entry.field,
      from: Object.hasOwn(choices, entry.column) ? 'chosen' : entry.from,
      repeats: true,
    });
  for (const entry of mapping) byColumn.set(entry.column, { ...entry, repeats: false });
  return [...byColumn.values()].sort(
    (a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column),
  );
}

/** The fields an ambiguous column could hold, in words: "Team / Unit or Unit of measure". */
export function candidatesInWords(candidates: readonly OkrSheetField[]): string {
  return new Intl.ListFormat(currentLocale(), { type: 'disjunction' }).format(candidates.map(okrFieldLabel));
}
