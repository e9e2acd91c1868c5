import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MatrixItem, XMatrixView } from '../../contracts';
import { DEFAULT_PART_NAMES, MATRIX_PARTS, type MatrixPart } from '../../core/x-matrix-parts';
import { buildMatrixScene } from './matrix-scene';
import { sceneToSvg } from './scene-svg';

/** A matrix with `n` items in every part, every item correlated with its neighbour of the same index. */
function bigView(n: number): XMatrixView {
  const item = (part: MatrixPart, i: number): MatrixItem => ({
    id: `${part}-${i}`,
    matrixId: 'm',
    part,
    title: `${part} item number ${i} with a realistic, fairly long title to fit`,
    description: '',
    position: i,
    version: 1,
    sourceObjectiveId: null,
    targetYear: null,
    sourceKeyResultId: null,
    startDate: null,
    endDate: null,
    effortPersonDays: null,
    requiredSkills: [],
    status: null,
    unitOfMeasure: '',
    direction: null,
    baseline: null,
    target: null,
    targetHigh: null,
    monthlyPlan: null,
    ownerId: null,
    personId: null,
    teamUnitId: null,
    sourceItemId: null,
    deliveryProbability: 1,
  });
  const items = Object.fromEntries(
    MATRIX_PARTS.map((part) => [part, Array.from({ length: n }, (_, i) => item(part, i))]),
  ) as XMatrixView['items'];
  const grids = [
    ['what_how_far', 'what', 'how_far'],
    ['how_far_how', 'how_far', 'how'],
    ['how_how_much', 'how', 'how_much'],
    ['how_much_what', 'how_much', 'what'],
  ] as const;
  return {
    matrix: { id: 'm', unitId: 'u', year: 2026, trueNorth: 'One north', version: 1 },
    unit: {
      id: 'u',
      organisationId: 'o',
      parentId: null,
      name: 'Unit',
      ownerId: null,
      position: 0,
      version: 1,
    },
    organisation: { id: 'o', name: 'Org', partNames: DEFAULT_PART_NAMES, horizonYears: 3, version: 1 },
    items,
    correlations: grids.flatMap(([grid, from, to]) =>
      Array.from({ length: n }, (_, i) => ({
        id: `${grid}-${i}`,
        matrixId: 'm',
        grid,
        fromId: `${from}-${i}`,
        toId: `${to}-${i}`,
        strength: (['strong', 'medium', 'weak'] as const)[i % 3] ?? 'strong',
        version: 1,
      })),
    ),
    ownerships: Array.from({ length: n }, (_, i) => ({
      id: `o-${i}`,
      matrixId: 'm',
      initiativeId: `how-${i}`,
      whoId: `who-${i}`,
      role: 'primary' as const,
      version: 1,
    })),
    people: [],
    sources: [],
    sourceStatus: [],
    cascades: [],
  };
}

describe('the A3 X-matrix layout', () => {
  it.each([3, 12, 20])('keeps %i items per part on the page, legible, with one mark per relation', (n) => {
    const scene = buildMatrixScene(bigView(n));
    expect([scene.width, scene.height]).toEqual([420, 297]);
    const texts = scene.shapes.filter((s) => s.type === 'text');
    const items = texts.filter((s) => s.className?.startsWith('item'));
    expect(items).toHaveLength(5 * n);
    for (const text of items) expect(text.size).toBeGreaterThanOrEqual(n <= 12 ? 3 : 2.5);
    for (const shape of scene.shapes) {
      if (shape.type === 'rect') {
        expect(shape.x).toBeGreaterThanOrEqual(0);
        expect(shape.y).toBeGreaterThanOrEqual(0);
        expect(shape.x + shape.w).toBeLessThanOrEqual(420);
        expect(shape.y + shape.h).toBeLessThanOrEqual(297);
      }
    }
    expect(scene.shapes.filter((s) => s.className?.startsWith('mark '))).toHaveLength(4 * n);
    expect(scene.shapes.filter((s) => s.className?.startsWith('owner '))).toHaveLength(n);
    if (n === 12) writeFileSync(join(tmpdir(), 'catchball-x-matrix-12.svg'), sceneToSvg(scene));
  });
});
