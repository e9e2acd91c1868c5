/**
 * A seeded source of uniform numbers in [0, 1). Core code never calls Math.random: callers pass a
 * source, so a simulation run twice with the same seed gives the same numbers.
 */
export type RandomSource = () => number;

const TWO_TO_32 = 4294967296;

/**
 * mulberry32: a tiny, fast 32-bit generator with good enough statistics for Monte Carlo sampling
 * (not for cryptography). Any 32-bit integer is a valid seed.
 * @example const random = mulberry32(42); random(); // 0.6011037519201636
 */
export function mulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_TO_32;
  };
}

/**
 * Inverse CDF of the triangular distribution with minimum `low`, mode `likely` and maximum
 * `high` (low ≤ likely ≤ high), at the uniform number `u` in [0, 1). A degenerate range gives `likely`.
 */
export function triangular(u: number, low: number, likely: number, high: number): number {
  const width = high - low;
  if (width <= 0) return likely;
  const split = (likely - low) / width;
  return u < split
    ? low + Math.sqrt(u * width * (likely - low))
    : high - Math.sqrt((1 - u) * width * (high - likely));
}

/**
 * The value below which a share `q` (0-1) of the sorted sample lies, interpolating between
 * neighbours (the "linear" method of R's type 7). `sorted` must be ascending and non-empty.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = Math.min(Math.max(q, 0), 1) * (n - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, n - 1);
  const lower = sorted[below] ?? Number.NaN;
  const upper = sorted[above] ?? Number.NaN;
  return lower + (upper - lower) * (position - below);
}
