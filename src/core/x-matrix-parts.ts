/**
 * The five parts of a Hoshin Kanri X-matrix, in the order the matrix is read: starting south and
 * going clockwise, then the Who block on the far right.
 */
export const MATRIX_PARTS = ['what', 'how_far', 'how', 'how_much', 'who'] as const;
export type MatrixPart = (typeof MATRIX_PARTS)[number];

/** Display names of the five parts; organisations may rename them (e.g. Strategic Pillars / Tactics). */
export type PartNames = Record<MatrixPart, string>;

export const DEFAULT_PART_NAMES: PartNames = {
  what: 'Breakthrough objectives',
  how_far: 'Annual objectives',
  how: 'Improvement priorities',
  how_much: 'Targets to improve',
  who: 'Resources',
};

/** An item named for a message: its title and its part by name (“Cut MTTD” is one of the Annual objectives). */
export function itemInWords(item: { title: string; part: MatrixPart }): string {
  return `“${item.title}” is one of the ${DEFAULT_PART_NAMES[item.part]}`;
}

/** Where each part sits on the paper template. */
export const PART_POSITION: Record<MatrixPart, 'south' | 'west' | 'north' | 'east' | 'far east'> = {
  what: 'south',
  how_far: 'west',
  how: 'north',
  how_much: 'east',
  who: 'far east',
};

/** Recommended upper bounds from the literature (3-5 breakthroughs, 3-5 annual objectives, ≤ 7 priorities). */
export const RECOMMENDED_MAX_ITEMS: Record<MatrixPart, number> = {
  what: 5,
  how_far: 5,
  how: 7,
  how_much: 10,
  who: 12,
};
