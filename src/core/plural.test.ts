import { describe, expect, it } from 'vitest';
import { nounFor, plural } from './plural';

describe('plural', () => {
  it('uses the singular for one, the plural for none and many', () => {
    expect(plural(1, 'objective')).toBe('1 objective');
    expect(plural(0, 'objective')).toBe('0 objectives');
    expect(plural(2, 'key result')).toBe('2 key results');
    expect(plural(1, 'person', 'people')).toBe('1 person');
    expect(plural(3, 'person', 'people')).toBe('3 people');
    expect(nounFor(1, 'orphan')).toBe('orphan');
    expect(nounFor(4, 'orphan')).toBe('orphans');
  });
});
