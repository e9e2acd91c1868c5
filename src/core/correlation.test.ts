import { describe, expect, it } from 'vitest';
import {
  findCornerGrid,
  nextStrength,
  orientCorrelation,
  STRENGTH_SYMBOL,
  STRENGTH_WEIGHT,
} from './correlation';
import { DomainError } from './errors';
import type { MatrixPart } from './x-matrix-parts';

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('findCornerGrid', () => {
  const grids: [MatrixPart, MatrixPart, string, string][] = [
    ['what', 'how_far', 'what_how_far', 'south-west'],
    ['how_far', 'how', 'how_far_how', 'north-west'],
    ['how', 'how_much', 'how_how_much', 'north-east'],
    ['how_much', 'what', 'how_much_what', 'south-east'],
  ];

  it.each(grids)('joins %s × %s in the %s grid', (a, b, id, corner) => {
    const grid = findCornerGrid(a, b);
    expect(grid.id).toBe(id);
    expect(grid.corner).toBe(corner);
    expect(grid.parts).toEqual([a, b]);
  });

  it.each(grids)('finds the same grid for %s × %s given the other way round', (a, b, id) => {
    expect(findCornerGrid(b, a).id).toBe(id);
  });

  it.each<[MatrixPart, MatrixPart]>([
    ['what', 'how'],
    ['how', 'what'],
    ['how_far', 'how_much'],
    ['how_much', 'how_far'],
    ['what', 'what'],
    ['who', 'how'],
    ['how', 'who'],
    ['who', 'what'],
    ['how_far', 'who'],
    ['how_much', 'who'],
  ])('refuses %s × %s as not_adjacent', (a, b) => {
    const error = errorOf(() => findCornerGrid(a, b));
    expect(error.code).toBe('not_adjacent');
    expect(error.details).toEqual({ parts: [a, b] });
    expect(error.message).toContain(`${a} × ${b}`);
  });
});

interface MatrixItemRef {
  id: string;
  part: MatrixPart;
}

describe('orientCorrelation', () => {
  const bo: MatrixItemRef = { id: 'cso-bo1', part: 'what' };
  const af: MatrixItemRef = { id: 'cso-af1', part: 'how_far' };
  const kpi: MatrixItemRef = { id: 'cso-k1', part: 'how_much' };

  it('keeps a pair already in grid order', () => {
    expect(orientCorrelation(bo, af)).toEqual({ grid: 'what_how_far', from: bo, to: af });
  });

  it('swaps a pair given from the second part', () => {
    expect(orientCorrelation(af, bo)).toEqual({ grid: 'what_how_far', from: bo, to: af });
  });

  it('puts How Much first in the south-east grid', () => {
    expect(orientCorrelation(bo, kpi)).toEqual({ grid: 'how_much_what', from: kpi, to: bo });
    expect(orientCorrelation(kpi, bo)).toEqual({ grid: 'how_much_what', from: kpi, to: bo });
  });

  it('refuses parts that are not neighbours', () => {
    expect(errorOf(() => orientCorrelation(af, kpi)).code).toBe('not_adjacent');
  });
});

describe('nextStrength', () => {
  it('cycles blank → strong → medium → weak → blank', () => {
    expect(nextStrength(null)).toBe('strong');
    expect(nextStrength('strong')).toBe('medium');
    expect(nextStrength('medium')).toBe('weak');
    expect(nextStrength('weak')).toBeNull();
  });

  it('returns to blank after four clicks', () => {
    let strength = nextStrength(null);
    for (let click = 0; click < 3; click++) strength = nextStrength(strength);
    expect(strength).toBeNull();
  });
});

describe('strength legend', () => {
  it('uses ● ○ △ and the 9/3/1 weights', () => {
    expect(STRENGTH_SYMBOL).toEqual({ strong: '●', medium: '○', weak: '△' });
    expect(STRENGTH_WEIGHT).toEqual({ strong: 9, medium: 3, weak: 1 });
  });
});
