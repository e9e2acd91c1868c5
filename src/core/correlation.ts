import { DomainError } from './errors';
import type { MatrixPart } from './x-matrix-parts';

/** Correlation strengths of the corner grids: strong ●, medium ○, weak △ (blank means no row). */
export const CORRELATION_STRENGTHS = ['strong', 'medium', 'weak'] as const;
export type CorrelationStrength = (typeof CORRELATION_STRENGTHS)[number];

/** How a corner cell shows its strength, on screen and on paper. */
export const STRENGTH_SYMBOL: Record<CorrelationStrength, string> = { strong: '●', medium: '○', weak: '△' };

/** The common analytic weights 9/3/1. */
export const STRENGTH_WEIGHT: Record<CorrelationStrength, number> = { strong: 9, medium: 3, weak: 1 };

/**
 * The four corner grids, named by their two parts in clockwise order from the south:
 * south-west (What × How Far), north-west (How Far × How), north-east (How × How Much),
 * south-east (How Much × What).
 */
export const CORNER_GRIDS = [
  { id: 'what_how_far', corner: 'south-west', parts: ['what', 'how_far'] },
  { id: 'how_far_how', corner: 'north-west', parts: ['how_far', 'how'] },
  { id: 'how_how_much', corner: 'north-east', parts: ['how', 'how_much'] },
  { id: 'how_much_what', corner: 'south-east', parts: ['how_much', 'what'] },
] as const;

export type CornerGridId = (typeof CORNER_GRIDS)[number]['id'];
type CorrelatedPart = (typeof CORNER_GRIDS)[number]['parts'][number];

/**
 * Returns the corner grid joining two parts, whichever order they are given in.
 * @throws DomainError `not_adjacent` when the parts are not neighbours on the X (e.g. What × How),
 *   or when either is the Who block, which has its own ownership grid.
 */
export function findCornerGrid(a: MatrixPart, b: MatrixPart): (typeof CORNER_GRIDS)[number] {
  const grid = CORNER_GRIDS.find(
    (candidate) =>
      (candidate.parts[0] === a && candidate.parts[1] === b) ||
      (candidate.parts[0] === b && candidate.parts[1] === a),
  );
  if (!grid) {
    throw new DomainError(
      'not_adjacent',
      `A correlation joins neighbouring parts only (What × How Far, How Far × How, How × How Much, How Much × What); ${a} × ${b} are not neighbours`,
      { parts: [a, b] },
    );
  }
  return grid;
}

/**
 * Orders a correlated pair the way its grid stores it (first part of the grid first), so each
 * cell has exactly one key whichever side the user clicked from.
 */
export function orientCorrelation<
  A extends { part: MatrixPart; id: string },
  B extends { part: MatrixPart; id: string },
>(a: A, b: B): { grid: CornerGridId; from: A | B; to: A | B } {
  const grid = findCornerGrid(a.part, b.part);
  const first: CorrelatedPart = grid.parts[0];
  return a.part === first ? { grid: grid.id, from: a, to: b } : { grid: grid.id, from: b, to: a };
}

/** The click cycle of a grid cell: blank → ● → ○ → △ → blank. */
export function nextStrength(current: CorrelationStrength | null): CorrelationStrength | null {
  switch (current) {
    case null:
      return 'strong';
    case 'strong':
      return 'medium';
    case 'medium':
      return 'weak';
    case 'weak':
      return null;
  }
}
