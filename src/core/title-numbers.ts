/**
 * Titles that state a target ("Reduce MTTD from 24 h to 4 h") go stale when the target moves. A
 * title is out of step when it states numbers and none of them is the target (or the band's upper
 * bound). Numbers glued to letters ("L1", "FY2026") and years are not read as targets; "60 %"
 * also matches a target kept as a share (0.6).
 */
const NUMBER = /(?<![\p{L}\d.,])(\d+(?:[.,]\d+)*)(\s?%)?(?![\p{L}\d])/gu;

/** The numbers a title states, in order, each with whether it was written as a percentage. */
export function titleNumbers(title: string): { value: number; percent: boolean }[] {
  return [...title.matchAll(NUMBER)].flatMap((match) => {
    const value = parseNumber(match[1] ?? '');
    if (value === null) return [];
    const percent = match[2] !== undefined;
    if (!percent && Number.isInteger(value) && value >= 1900 && value <= 2100) return [];
    return [{ value, percent }];
  });
}

/** True when the title states numbers and none of them is `target` (or `targetHigh`). */
export function titleNumberMismatch(
  title: string,
  target: number | null,
  targetHigh: number | null = null,
): boolean {
  if (target === null) return false;
  const numbers = titleNumbers(title);
  if (numbers.length === 0) return false;
  const wanted = [target, targetHigh].filter((value): value is number => value !== null);
  return !numbers.some(({ value, percent }) =>
    wanted.some((t) => same(value, t) || (percent && Math.abs(t) <= 1 && same(value / 100, t))),
  );
}

const same = (a: number, b: number) => Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(b));

/** "1,200" and "1.200.000" are thousands; "2,5" and "2.5" are decimals. */
function parseNumber(text: string): number | null {
  const thousands = /^\d{1,3}([.,]\d{3})+$/.test(text) && !/^\d{1,3}[.,]\d{3}$/.test(text);
  if (thousands) return Number(text.replace(/[.,]/g, ''));
  if (/^\d{1,3},\d{3}$/.test(text)) return Number(text.replace(',', ''));
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}
