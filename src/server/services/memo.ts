/**
 * Where a service may keep an answer derived from one X-matrix (its analysis, its orphans, a
 * pressure test for a given seed) until anything that answer reads changes. The server passes
 * its view cache (live/view-cache.ts), which drops an entry when its matrix changes and drops
 * everything when a change names no matrix (a person, a unit, a key result); the CLI and tests
 * compute every time.
 */
export interface MatrixMemo {
  get<T>(key: string, matrixIdOf: (value: T) => string, compute: () => Promise<T>): Promise<T>;
}

/** Keeps nothing: every call computes. */
export const NO_MEMO: MatrixMemo = { get: (_key, _matrixIdOf, compute) => compute() };
