import { describe, expect, it } from 'vitest';
import { matchHeaders } from './okr-sheet-columns';
import { readOkrSheet, type OkrSheetContext } from './okr-sheet';
import { columnLetter, neutraliseFormula, restoreFormulaText } from './sheet-cells';

const context: OkrSheetContext = {
  units: [{ id: 'cio', name: 'Office of the CIO' }],
  cycles: [{ id: 'fy2026', name: 'FY2026', year: 2026 }],
  people: [{ id: 'ana', name: 'Ana López', email: 'ana@example.com' }],
  objectiveIds: new Set(['stored-o1']),
  keyResultIds: new Set(['stored-kr1']),
  defaultUnitId: 'cio',
  defaultCycleId: 'fy2026',
};

describe('sheet cells', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('neutralises formulas and restores them', () => {
    for (const text of ['=1+1', '+A1', '-cmd', '@SUM(A1)', 'plain'])
      expect(restoreFormulaText(neutraliseFormula(text))).toBe(text);
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
  });
});

describe('OKR sheets', () => {
  it('matches header variants in any case', () => {
    const { mapping } = matchHeaders(['KEY_RESULT', 'kr owner', 'From', 'Goal', 'Aligned to', 'Owner email']);
    expect(mapping.map((m) => m.field)).toEqual(['keyResult', 'owner', 'baseline', 'target', 'parent']);
  });

  it('groups rows into objectives, infers kinds and resolves owners and parents', () => {
    const result = readOkrSheet(
      [
        ['Objective', 'KR', 'Owner', 'Baseline', 'Target', 'Parent'],
        ['Faster', 'MTTD', 'ana@example.com', '24', '6', 'stored-kr1'],
        ['Faster', 'Runbooks', 'Ben Carter', '', '', ''],
        ['Cheaper', 'Cost', '', '100', '80', 'Faster'],
      ],
      context,
    );
    expect(result.problems).toEqual([]);
    expect(result.objectives.map((o) => [o.title, o.keyResults.map((k) => k.kind), o.parent])).toEqual([
      ['Faster', ['decrease', 'binary'], { kind: 'key_result', inFile: false, id: 'stored-kr1' }],
      ['Cheaper', ['decrease'], { kind: 'objective', inFile: true, key: 'cio|fy2026|faster' }],
    ]);
    expect(result.objectives[0]?.keyResults[0]?.owner).toEqual({ personId: 'ana' });
    expect(result.newPeople).toEqual([{ key: 'bencarter', name: 'Ben Carter', email: null, row: 3 }]);
  });

  it('reports a parent that names nothing and an ambiguous one', () => {
    const result = readOkrSheet(
      [
        ['Objective', 'KR', 'Parent'],
        ['A', 'Same', 'nothing-here'],
        ['B', 'Same', ''],
        ['C', 'k', 'Same'],
      ],
      context,
    );
    expect(result.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, 'C', 'parent "nothing-here" names no objective or key result of this file or of the store'],
      [4, 'C', 'parent "Same" matches 2 objectives or key results by title; use an id to say which'],
    ]);
  });
});
