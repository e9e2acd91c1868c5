import { describe, expect, it } from 'vitest';
import { countOf } from './plural';

describe('countOf', () => {
  it('puts the noun in the number the count needs', () => {
    expect(countOf(1, 'objective')).toBe('1 objective');
    expect(countOf(0, 'objective')).toBe('0 objectives');
    expect(countOf(2, 'person', 'people')).toBe('2 people');
  });
});
