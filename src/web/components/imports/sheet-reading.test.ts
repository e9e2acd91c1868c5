import { beforeAll, describe, expect, it } from 'vitest';
import { startI18n } from '../../i18n/i18n';
import { OKR_SHEET_FIELDS } from '../../../core/okr-sheet-columns';
import type { SheetLocaleJson } from '../../../contracts/sheet-locale';
import { describeSheetLocale, type SheetLocale } from '../../../core/sheet-locale';
import { i18n } from '../../i18n/i18n';
import {
  candidatesInWords,
  describeLocale,
  columnsQuery,
  mappingRows,
  okrFieldLabel,
  okrFieldOptions,
  readingLine,
  type MappingEntry,
} from './sheet-reading';

const locale = (overrides: Partial<SheetLocaleJson> = {}): SheetLocaleJson => ({
  decimal: 'comma',
  grouping: ['.'],
  percent: false,
  dateOrder: 'day_first',
  decimalFrom: 'cells',
  dateOrderFrom: 'cells',
  description: 'decimal comma, thousands separated by ".", dates day first (31/12/2026)',
  ...overrides,
});

beforeAll(() => startI18n('en'));

describe('sheet reading in words', () => {
  it('names every field in words, never its id', () => {
    expect(okrFieldLabel('unitOfMeasure')).toBe('Unit of measure');
    expect(okrFieldLabel('unit')).toBe('Team / Unit');
    expect(okrFieldLabel('baseline')).toBe('Baseline');
    expect(okrFieldOptions().map((o) => o.field)).toEqual([...OKR_SHEET_FIELDS]);
    for (const { field, label } of okrFieldOptions()) expect(label).not.toBe(field);
    expect(candidatesInWords(['unit', 'unitOfMeasure'])).toBe('Team / Unit or Unit of measure');
  });

  it('says how a file was read', () => {
    expect(readingLine('csv', ';', locale())).toBe(
      'Read as CSV separated by semicolons; decimal comma, thousands separated by ".", dates day first (31/12/2026)',
    );
    expect(
      readingLine(
        'xlsx',
        null,
        locale({ decimal: 'point', grouping: [], dateOrder: null, dateOrderFrom: 'none' }),
      ),
    ).toBe('Read as an XLSX workbook; decimal point');
    expect(readingLine('csv', 'tab', null)).toBe('Read as CSV separated by tabs');
    // Said once: before, the line repeated "no cell shows the decimal mark" after the description.
    expect(
      readingLine(
        'csv',
        ',',
        locale({ decimalFrom: 'default', grouping: [], dateOrder: null, dateOrderFrom: 'none' }),
      ),
    ).toBe('Read as CSV separated by commas; no cell shows the decimal mark');
  });

  it('writes the columns query in column order, a skipped column as "E="', () => {
    expect(columnsQuery({})).toBeUndefined();
    expect(columnsQuery({ AA: 'cycle', E: null, C: 'unitOfMeasure' })).toBe('C=unitOfMeasure,E=,AA=cycle');
  });

  it('keeps a column the preview left out, as repeating another', () => {
    const seen: MappingEntry[] = [
      { column: 'A', header: 'Objective', field: 'objective', from: 'header' },
      { column: 'C', header: 'Unit', field: null, from: 'ambiguous', candidates: ['unit', 'unitOfMeasure'] },
    ];
    const now: MappingEntry[] = [{ column: 'A', header: 'Objective', field: 'objective', from: 'header' }];
    expect(mappingRows(seen, now, { C: 'objective' })).toEqual([
      { ...seen[0], repeats: false },
      { ...seen[1], field: 'objective', from: 'chosen', repeats: true },
    ]);
    const chosen: MappingEntry[] = [...now, { column: 'C', header: 'Unit', field: 'unit', from: 'chosen' }];
    expect(mappingRows(seen, chosen, { C: 'unit' }).map((r) => [r.column, r.field, r.repeats])).toEqual([
      ['A', 'objective', false],
      ['C', 'unit', false],
    ]);
  });
});

describe('how numbers and dates were read, in words', () => {
  const cases: SheetLocale[] = [];
  for (const decimalFrom of ['cells', 'chosen', 'default'] as const)
    for (const grouping of [[], ['.'], [' '], ["'", ' ']])
      for (const dateOrder of [null, 'day_first', 'month_first'] as const)
        cases.push({
          decimal: decimalFrom === 'chosen' ? '.' : ',',
          grouping,
          percent: grouping.length === 1,
          dateOrder,
          decimalFrom,
          dateOrderFrom: dateOrder === null ? 'none' : dateOrder === 'day_first' ? 'chosen' : 'cells',
        });
  const json = (sheet: SheetLocale): SheetLocaleJson => ({
    ...sheet,
    decimal: sheet.decimal === ',' ? 'comma' : 'point',
    description: describeSheetLocale(sheet),
  });

  it("says in English exactly what core's description says", () => {
    for (const sheet of cases) expect(describeLocale(json(sheet))).toBe(describeSheetLocale(sheet));
  });

  it('says it in German and Japanese', async () => {
    const sheet = json({
      decimal: ',',
      grouping: ['.'],
      percent: false,
      dateOrder: 'day_first',
      decimalFrom: 'cells',
      dateOrderFrom: 'chosen',
    });
    await i18n.changeLanguage('de');
    expect(describeLocale(sheet)).toBe(
      'Dezimalkomma, Tausender getrennt durch „.“, Datumsangaben Tag zuerst (31/12/2026) (gewählt)',
    );
    await i18n.changeLanguage('ja');
    expect(describeLocale(sheet)).toBe('小数点はカンマ、桁区切りは「.」、日付は日が先（31/12/2026）（選択）');
    await i18n.changeLanguage('en');
  });
});
