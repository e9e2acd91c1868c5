/**
 * What a KPI connector read, turned into dated values: a dotted path into a JSON document, a
 * column of a CSV, a row of a query, a sample of Prometheus. Pure: the caller fetches and passes
 * today's date; every value that cannot be read becomes a problem naming where it was.
 */

export interface DatedValue {
  date: string;
  value: number;
}

export interface ReadValues {
  values: DatedValue[];
  problems: string[];
}

/**
 * The value at a dotted path (`data.series.0.value`); numeric segments index arrays, `''` is the
 * document itself. Undefined when any step is missing.
 * @example pathValue({ a: [{ b: 2 }] }, 'a.0.b') // 2
 */
export function pathValue(document: unknown, path: string): unknown {
  if (path === '') return document;
  let current: unknown = document;
  for (const segment of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (current !== null && typeof current === 'object' && Object.hasOwn(current, segment))
      current = (current as Record<string, unknown>)[segment];
    else return undefined;
  }
  return current;
}

/** A number from a JSON number or a plain decimal string (`"12.5"`, `" 7 "`); null otherwise. */
export function readNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * A calendar date (UTC) from `YYYY-MM-DD`, an ISO timestamp (`2026-05-31T23:00:00-02:00` is
 * 1 June in UTC) or Unix seconds; null otherwise.
 */
export function readDate(raw: unknown): string | null {
  if (typeof raw === 'number' && Number.isFinite(raw)) return isoDay(raw * 1000);
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Number.isNaN(Date.parse(text)) ? null : text;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) {
    const ms = Date.parse(text.replace(' ', 'T'));
    return Number.isNaN(ms) ? null : isoDay(ms);
  }
  if (/^\d{9,11}(\.\d+)?$/.test(text)) return isoDay(Number(text) * 1000);
  return null;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export interface JsonSelectors {
  recordsPath: string;
  valueField: string;
  dateField: string;
}

/**
 * The values of a JSON document: the records at `recordsPath` (a list, or one record), in each
 * the value at `valueField` and the date at `dateField` (today when `dateField` is empty).
 */
export function readJsonValues(document: unknown, selectors: JsonSelectors, today: string): ReadValues {
  const found = pathValue(document, selectors.recordsPath);
  const where = selectors.recordsPath === '' ? 'the document' : `"${selectors.recordsPath}"`;
  if (found === undefined) return { values: [], problems: [`nothing at ${where}`] };
  const records = Array.isArray(found) ? found : [found];
  const values: DatedValue[] = [];
  const problems: string[] = [];
  records.forEach((record, index) => {
    const label = Array.isArray(found) ? `record ${String(index + 1)}` : where;
    const point = readPoint(
      pathValue(record, selectors.valueField),
      selectors.dateField === '' ? today : pathValue(record, selectors.dateField),
      label,
      { value: selectors.valueField, date: selectors.dateField },
    );
    if ('problem' in point) problems.push(point.problem);
    else values.push(point);
  });
  return { values: lastPerDate(values), problems };
}

/**
 * The values of table rows with a header row (a CSV, a query's result): the value column and the
 * date column by name (today when `dateColumn` is empty); `rowLabel` says how to name a row.
 */
export function readTableValues(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  columns: { value: string; date: string },
  today: string,
  rowLabel: (index: number) => string,
): ReadValues {
  const find = (name: string) => header.findIndex((cell) => cell.trim().toLowerCase() === name.toLowerCase());
  const valueAt = find(columns.value);
  const dateAt = columns.date === '' ? -1 : find(columns.date);
  const known = header.length > 0 ? header.join(', ') : 'none';
  const missing = [
    valueAt < 0 ? `no column "${columns.value}" (the columns are ${known})` : null,
    columns.date !== '' && dateAt < 0 ? `no column "${columns.date}" (the columns are ${known})` : null,
  ].filter((problem) => problem !== null);
  if (missing.length > 0) return { values: [], problems: missing };
  const values: DatedValue[] = [];
  const problems: string[] = [];
  rows.forEach((row, index) => {
    if (row.every((cell) => cell === null || cell === '')) return;
    const point = readPoint(row[valueAt], dateAt < 0 ? today : row[dateAt], rowLabel(index), columns);
    if ('problem' in point) problems.push(point.problem);
    else values.push(point);
  });
  return { values: lastPerDate(values), problems };
}

function readPoint(
  rawValue: unknown,
  rawDate: unknown,
  label: string,
  names: { value: string; date: string },
): DatedValue | { problem: string } {
  if (rawValue === undefined || rawValue === null) return { problem: `${label}: no ${names.value}` };
  if (rawDate === undefined || rawDate === null) return { problem: `${label}: no ${names.date}` };
  const value = readNumber(typeof rawValue === 'bigint' ? String(rawValue) : rawValue);
  if (value === null) return { problem: `${label}: ${names.value} ${describe(rawValue)} is not a number` };
  const date = rawDate instanceof Date ? isoDay(rawDate.getTime()) : readDate(rawDate);
  if (date === null)
    return { problem: `${label}: ${names.date} ${describe(rawDate)} is not a date (YYYY-MM-DD)` };
  return { date, value };
}

function describe(raw: unknown): string {
  const text = JSON.stringify(raw) ?? String(raw);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** One value per date, the last one read for it winning, in date order. */
export function lastPerDate(values: readonly DatedValue[]): DatedValue[] {
  const byDate = new Map<string, DatedValue>();
  for (const value of values) byDate.set(value.date, value);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
