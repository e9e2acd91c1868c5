import { describe, expect, it } from 'vitest';
import { pathValue, readDate, readJsonValues, readNumber, readTableValues } from './connector-values';

describe('connector values', () => {
  it('follows dotted paths through objects and arrays', () => {
    expect(pathValue({ a: [{ b: 2 }] }, 'a.0.b')).toBe(2);
    expect(pathValue({ a: 1 }, '')).toEqual({ a: 1 });
    expect(pathValue({ a: 1 }, 'a.b')).toBeUndefined();
    expect(pathValue({}, 'constructor')).toBeUndefined();
  });

  it('reads numbers and dates strictly', () => {
    expect([readNumber('12.5'), readNumber(' 7 '), readNumber('1,5'), readNumber('abc')]).toEqual([
      12.5,
      7,
      null,
      null,
    ]);
    expect(readDate('2026-05-31')).toBe('2026-05-31');
    expect(readDate('2026-05-31T23:00:00-02:00')).toBe('2026-06-01');
    expect(readDate(1_780_000_000)).toBe('2026-05-28');
    expect(readDate('31/05/2026')).toBeNull();
  });

  it('keeps one value per date, the last read, and names the records it could not read', () => {
    const read = readJsonValues(
      {
        rows: [
          { d: '2026-01-02', v: 1 },
          { d: '2026-01-01', v: 2 },
          { d: '2026-01-02', v: 3 },
          { d: 'x', v: 4 },
          { v: 5 },
        ],
      },
      { recordsPath: 'rows', valueField: 'v', dateField: 'd' },
      '2026-02-01',
    );
    expect(read.values).toEqual([
      { date: '2026-01-01', value: 2 },
      { date: '2026-01-02', value: 3 },
    ]);
    expect(read.problems).toEqual(['record 4: d "x" is not a date (YYYY-MM-DD)', 'record 5: no d']);
  });

  it('finds table columns by header, case-insensitively, and dates rows today without a date column', () => {
    const rows = [['4'], ['']];
    expect(
      readTableValues(['Value'], rows, { value: 'value', date: '' }, '2026-03-01', (i) => `row ${String(i)}`),
    ).toEqual({
      values: [{ date: '2026-03-01', value: 4 }],
      problems: [],
    });
    expect(readTableValues(['a'], rows, { value: 'v', date: 'd' }, '2026-03-01', String).problems).toEqual([
      'no column "v" (the columns are a)',
      'no column "d" (the columns are a)',
    ]);
  });
});
