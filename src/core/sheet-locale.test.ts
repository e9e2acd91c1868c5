import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeSheetLocale,
  detectSheetLocale,
  readLocaleDate,
  readLocaleNumber,
  type DecimalMark,
  type LocatedCell,
} from './sheet-locale';

const column = (...texts: string[]): LocatedCell[] =>
  texts.map((cell, index) => ({ cell, row: index + 2, column: 'D', header: 'Target' }));

const read = (texts: string[], choice = {}) => {
  const { locale, problems } = detectSheetLocale(column(...texts), [], choice);
  return { locale, problems, values: texts.map((text) => readLocaleNumber(text, locale)) };
};

const valuesOf = (texts: string[]) => read(texts).values.map((r) => (r.ok ? r.value : r.message));

describe('detectSheetLocale and readLocaleNumber', () => {
  it('reads "1,125" by what the rest of the file says, never on its own', () => {
    expect(valuesOf(['1,125', '2.5'])).toEqual([1125, 2.5]);
    expect(valuesOf(['1,125', '2,5'])).toEqual([1.125, 2.5]);
    const alone = read(['1,125', '40']);
    expect(alone.problems).toMatchObject([
      {
        path: 'row 2, column D (Target)',
        message:
          '"1,125" could be 1125 or 1.125: nothing else in the file shows whether "," separates thousands or decimals; write 1125 without it, or choose the decimal mark in the preview',
      },
    ]);
    expect(read(['1,125'], { decimal: '.' }).values).toEqual([{ ok: true, value: 1125 }]);
    expect(read(['1,125'], { decimal: ',' }).values).toEqual([{ ok: true, value: 1.125 }]);
  });

  it('reads numbers the way people type them and refuses text, quoting it', () => {
    expect(valuesOf(['45', '45 %', '1,200', '€3.5', '-2', ''])).toEqual([45, 45, 1200, 3.5, -2, null]);
    expect(valuesOf(['about 40'])).toEqual(['expected a number, found text "about 40"']);
  });

  it('refuses a file that writes decimals both ways, naming both cells', () => {
    const { problems } = read(['2,5', '1,125.50']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('row 2, column D (Target)');
    expect(problems[0]!.message).toContain('row 3, column D (Target) "1,125.50" writes them with a point');
  });

  it('reads Swiss, German, French and English ways of writing a number', () => {
    expect(valuesOf(["1'360.50", '3.5'])).toEqual([1360.5, 3.5]);
    expect(valuesOf(['1.360,50', '3,5'])).toEqual([1360.5, 3.5]);
    expect(valuesOf(['1 360,50', '3,5'])).toEqual([1360.5, 3.5]);
    expect(valuesOf(['1\u202f360,5'])).toEqual([1360.5]);
    expect(valuesOf(['1,360,000', '7'])).toEqual([1360000, 7]);
    expect(valuesOf(['45 %', '-2,5', 'CHF 3,50', '€1.200,00'])).toEqual([45, -2.5, 3.5, 1200]);
  });

  it('says what it decided, for the preview', () => {
    expect(describeSheetLocale(read(["1'360,5", '45 %']).locale)).toBe(
      'decimal comma, thousands separated by "\'", percent signs dropped (45 % reads 45)',
    );
  });

  it('refuses text that is no number in the file’s format, with a hint', () => {
    const { values, problems } = read(['2,5', '1.2.3', 'about 40', '1.12,5']);
    expect(problems).toEqual([]);
    expect(values[1]).toEqual({
      ok: false,
      message: 'expected a number, found text "1.2.3" (this file writes decimals with a comma, e.g. 2,5)',
    });
    expect(values[2]!.ok).toBe(false);
    expect(values[3]!.ok).toBe(false);
  });

  it('takes workbook numbers as they are', () => {
    const locale = detectSheetLocale([], []).locale;
    expect(readLocaleNumber(1125.5, locale)).toEqual({ ok: true, value: 1125.5 });
  });
});

describe('dates', () => {
  const dates = (...texts: string[]) => {
    const cells = texts.map((cell, index) => ({ cell, row: index + 2, column: 'B', header: 'date' }));
    const { locale, problems } = detectSheetLocale([], cells);
    return { locale, problems, values: texts.map((t) => readLocaleDate(t, locale)) };
  };

  it('reads ISO, day.month.year, and slashes in the order the file shows', () => {
    expect(dates('2026-03-08', '03.08.2023', '8.3.2026').values.map((v) => v.ok && v.value)).toEqual([
      '2026-03-08',
      '2023-08-03',
      '2026-03-08',
    ]);
    expect(dates('03/08/2026', '31/08/2026').values.map((v) => v.ok && v.value)).toEqual([
      '2026-08-03',
      '2026-08-31',
    ]);
    expect(dates('03/08/2026', '12/31/2026').values.map((v) => v.ok && v.value)).toEqual([
      '2026-03-08',
      '2026-12-31',
    ]);
  });

  it('refuses impossible dates', () => {
    expect(dates('2026-02-30').values[0]!.ok).toBe(false);
    expect(dates('31.02.2026').values[0]!.ok).toBe(false);
  });

  it('refuses slashed dates that could be read both ways, naming each', () => {
    const { problems } = dates('03/08/2026', '04/09/2026');
    expect(problems.map((p) => p.path)).toEqual(['row 2, column B (date)', 'row 3, column B (date)']);
    expect(problems[0]!.message).toContain('could be day 3 of month 8 or month 3, day 8');
    expect(dates('31/08/2026', '12/31/2026').problems[0]!.message).toContain('writes the month first');
  });
});

/**
 * The promise of the reader: a number written in any supported way reads back exactly, or the
 * file is refused naming a cell — never read as a different number.
 */
describe('property: every number reads back exactly or is refused', () => {
  const grouped = (digits: string, mark: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, mark);
  const write = (value: number, decimal: DecimalMark, group: string | null): string => {
    const [whole = '0', fraction] = Math.abs(value).toString().split('.');
    const integer = group ? grouped(whole, group) : whole;
    return `${value < 0 ? '-' : ''}${integer}${fraction === undefined ? '' : `${decimal}${fraction}`}`;
  };
  const value = fc
    .tuple(fc.integer({ min: -9_999_999, max: 9_999_999 }), fc.integer({ min: 0, max: 3 }))
    .map(([n, places]) => n / 10 ** places);
  const style = fc.constantFrom(
    { decimal: '.' as const, group: null },
    { decimal: '.' as const, group: ',' },
    { decimal: '.' as const, group: "'" },
    { decimal: ',' as const, group: null },
    { decimal: ',' as const, group: '.' },
    { decimal: ',' as const, group: ' ' },
  );

  it('holds for files written in one style', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 12 }), style, (values, { decimal, group }) => {
        const texts = values.map((v) => write(v, decimal, group));
        const { locale, problems } = detectSheetLocale(column(...texts), []);
        if (problems.length > 0) {
          for (const problem of problems) expect(problem.path).toMatch(/^row \d+, column D/);
          return;
        }
        texts.forEach((text, index) => {
          expect(readLocaleNumber(text, locale)).toEqual({ ok: true, value: values[index] });
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('holds when the person chose the decimal mark in the preview', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 8 }), style, (values, { decimal, group }) => {
        const texts = values.map((v) => write(v, decimal, group));
        const { locale } = detectSheetLocale(column(...texts), [], { decimal });
        texts.forEach((text, index) => {
          expect(readLocaleNumber(text, locale)).toEqual({ ok: true, value: values[index] });
        });
      }),
      { numRuns: 1000 },
    );
  });
});
