import { describe, expect, it } from 'vitest';
import { deleteRefusal } from './dependents';

const matrices = (count: number) => ({ count, one: 'an X-matrix', many: 'X-matrices' });
const objectives = (count: number) => ({ count, one: 'objective', many: 'objectives' });

describe('deleteRefusal', () => {
  it('is null when nothing depends on the thing', () => {
    expect(deleteRefusal('CSO', [objectives(0), matrices(0)])).toBeNull();
  });

  it('counts, pluralises and lists every kind present', () => {
    expect(deleteRefusal('Security Operations', [objectives(3), matrices(1)])).toBe(
      'Security Operations has 3 objectives and an X-matrix; move or delete them first',
    );
    expect(
      deleteRefusal('CSO', [
        { count: 2, one: 'unit below it', many: 'units below it' },
        objectives(1),
        matrices(2),
      ]),
    ).toBe('CSO has 2 units below it, 1 objective and 2 X-matrices; move or delete them first');
  });

  it('says "it" for a single dependent', () => {
    expect(deleteRefusal('FY2026', [objectives(1)])).toBe('FY2026 has 1 objective; move or delete it first');
  });
});
