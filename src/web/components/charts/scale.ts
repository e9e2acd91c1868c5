/**
 * The app's charts are hand-drawn SVG in React (no chart library): a chart here is a handful of
 * rects and lines, which React renders and tests read directly, and a library (visx: a dozen
 * packages; Observable Plot: its own DOM outside React) would add weight for little. These are
 * the shared pieces: a linear scale, round tick values, and labels laid out so they never overlap.
 */

export interface LinearScale {
  (value: number): number;
  domain: readonly [number, number];
}

/** Maps [d0, d1] onto [r0, r1]; an empty domain maps everything to the middle. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = (value: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
  return Object.assign(scale, { domain });
}

/** About `count` round tick values (1, 2, 5 × 10^n steps) covering [low, high]. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  if (!(high > low)) return [low];
  const raw = (high - low) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = Math.ceil(low / step) * step; t <= high + step * 1e-9; t += step)
    ticks.push(Number(t.toFixed(10)));
  return ticks;
}

export interface PlacedLabel<T> {
  item: T;
  x: number;
  /** 0 for the first row of labels, 1 for the next, …: labels that would overlap go a row down. */
  row: number;
}

/**
 * Places labels at their x (width estimated from characters) in the first row where they do not
 * overlap a label already placed, left to right.
 */
export function spreadLabels<T>(
  items: readonly T[],
  xOf: (item: T) => number,
  textOf: (item: T) => string,
  charWidth = 6,
  gap = 6,
): PlacedLabel<T>[] {
  const rows: number[] = [];
  return [...items]
    .sort((a, b) => xOf(a) - xOf(b))
    .map((item) => {
      const x = xOf(item);
      const width = textOf(item).length * charWidth;
      let row = rows.findIndex((end) => end + gap <= x - width / 2);
      if (row === -1) row = rows.length;
      rows[row] = x + width / 2;
      return { item, x, row };
    });
}
