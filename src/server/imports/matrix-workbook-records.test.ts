import { describe, expect, it } from 'vitest';
import type { Issue } from '../../core/errors';
import type { SheetCell } from '../../core/sheet-cells';
import { dropUnresolved, giveNewIds } from './matrix-workbook-copy';
import type { WorkbookLocations, WorkbookMatrix } from './matrix-workbook-read';
import { readRecordSheets } from './matrix-workbook-records';
import { detectSheetLocale, readLocaleNumber } from '../../core/sheet-locale';

const IMPACT_HEADER = ['Initiative', 'KPI', 'Low', 'Likely', 'High', 'Basis', 'Start month', 'Ramp months'];
const EFFORT_HEADER = ['initiative', 'SKILL', 'person days per month', 'from month', 'to month'];

function read(sheets: Record<string, SheetCell[][]>) {
  const initiatives: Record<string, unknown>[] = [
    { id: 'i1', title: 'Triage copilot' },
    { id: 'i2', title: 'Data lake' },
  ];
  const kpis = new Map([['mttd', 'k1']]);
  const problems: Issue[] = [];
  const unresolved: Issue[] = [];
  const locations = readRecordSheets({
    rows: (name) => sheets[name] ?? null,
    find: (part, id, title) => {
      const key = String(title ?? '').toLowerCase();
      if (part === 'how')
        return (
          (initiatives.find((i) => i.id === id || String(i.title).toLowerCase() === key)?.id as string) ??
          null
        );
      return kpis.get(key) ?? null;
    },
    initiatives,
    readNumber: (cell) => readLocaleNumber(cell, detectSheetLocale([], []).locale),
    problem: (issue) => problems.push(issue),
    unresolved: (issue) => unresolved.push(issue),
  });
  return { initiatives, problems, unresolved, locations };
}

describe('the Impacts and Effort sheets', () => {
  it('reads rows by title, months by number or name, basis in words, and remembers each row', () => {
    const { initiatives, problems, locations } = read({
      Impacts: [IMPACT_HEADER, ['triage copilot', 'MTTD', 1, 2, '3', '%', 'March', 2]],
      Effort: [EFFORT_HEADER, ['Data lake', 'SIEM', 4, 'feb', 9], [], ['Data lake', 'Cloud', 2]],
    });
    expect(problems).toEqual([]);
    expect(initiatives[0]?.impacts).toEqual([
      { kpi: 'k1', low: 1, likely: 2, high: 3, basis: 'percent', startMonth: 3, rampMonths: 2 },
    ]);
    expect(initiatives[1]?.effort).toEqual([
      { skill: 'SIEM', personDaysPerMonth: 4, fromMonth: 2, toMonth: 9 },
      { skill: 'Cloud', personDaysPerMonth: 2 },
    ]);
    expect(locations.get('how[1].effort[1]')).toBe('sheet "Effort", row 4');
  });

  it('reports unreadable cells by sheet, row and column, and rows naming nothing as unresolved', () => {
    const { problems, unresolved } = read({
      Impacts: [
        IMPACT_HEADER,
        ['Triage copilot', 'MTTD', 'lots', 2, 3, 'roughly', 'Smarch'],
        ['Nobody’s initiative', 'MTTD', 1, 2, 3],
        ['Data lake', 'Uptime', 1, 2, 3],
      ],
      Effort: [
        [...EFFORT_HEADER, 'Colour'],
        ['Data lake', '', 4],
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'sheet "Impacts", row 2, column C (Low)',
      'sheet "Impacts", row 2, column G (Start month)',
      'sheet "Impacts", row 2, column F (Basis)',
      'sheet "Effort", row 1, column F',
      'sheet "Effort", row 2, column B (Skill)',
    ]);
    expect(unresolved).toEqual([
      {
        path: 'sheet "Impacts", row 3, column A (Initiative)',
        message: 'names no initiative "Nobody’s initiative" of the How sheet',
      },
      {
        path: 'sheet "Impacts", row 4, column B (KPI)',
        message: 'names no KPI "Uptime" of the How Much sheet',
      },
    ]);
  });
});

describe('a copy', () => {
  const matrix = (): { matrix: WorkbookMatrix; locations: WorkbookLocations } => ({
    matrix: {
      unit: 'cso',
      year: 2026,
      trueNorth: '',
      lists: {
        what: [{ id: 'bo1', title: 'W', sourceObjectiveId: 'gone-o1' }],
        how_far: [],
        how: [{ id: 'i1', title: 'I', impacts: [{ kpi: 'k1' }, { kpi: 'elsewhere' }] }],
        how_much: [{ id: 'k1', title: 'K', ownerId: 'ana' }],
        who: [
          { id: 'w1', personId: 'ana', teamUnitId: null },
          { id: 'w2', personId: 'nobody', teamUnitId: null },
        ],
      },
      correlations: [{ from: 'bo1', to: 'k1', strength: 'strong' }],
      owners: [
        { initiative: 'i1', who: 'w1', role: 'primary' },
        { initiative: 'i1', who: 'w2', role: 'secondary' },
      ],
    },
    locations: {
      items: { what: [2], how_far: [], how: [2], how_much: [2], who: [2, 3] },
      correlations: ['a'],
      owners: ['b', 'c'],
      records: new Map(),
    },
  });

  it('renames every item, skipping ids in use, and the links within the file follow', () => {
    const { matrix: m, locations } = matrix();
    const warnings = giveNewIds(m, locations, 'b-2026', new Set(['b-2026-i1']));
    expect(m.lists.how[0]?.id).toBe('b-2026-i2');
    expect(m.correlations).toEqual([{ from: 'b-2026-bo1', to: 'b-2026-k1', strength: 'strong' }]);
    expect(m.owners.map((o) => `${o.initiative}>${o.who}`)).toEqual([
      'b-2026-i2>b-2026-w1',
      'b-2026-i2>b-2026-w2',
    ]);
    expect(m.lists.how[0]?.impacts).toEqual([{ kpi: 'b-2026-k1' }]);
    expect(warnings).toEqual([
      {
        path: 'sheet "How", row 2 (Impacts)',
        message: 'the impact on elsewhere names no KPI of the file; left out',
      },
    ]);
  });

  it('leaves out references the organisation does not have, a Who row with its ownerships', () => {
    const { matrix: m, locations } = matrix();
    const known = {
      organisation: 'Acme',
      objectives: new Set<string>(),
      keyResults: new Set<string>(),
      people: new Set(['ana']),
      units: new Set<string>(),
    };
    const warnings = dropUnresolved(m, locations, known);
    expect(m.lists.what[0]?.sourceObjectiveId).toBeNull();
    expect(m.lists.how_much[0]?.ownerId).toBe('ana');
    expect(m.lists.who.map((w) => w.id)).toEqual(['w1']);
    expect(m.owners).toHaveLength(1);
    expect(locations.owners).toEqual(['b']);
    expect(warnings).toEqual([
      {
        path: 'sheet "What", row 2 (Source objective)',
        message: '"gone-o1" is no objective of Acme; left blank',
      },
      {
        path: 'sheet "Who", row 3',
        message: '"nobody" is no person or unit of Acme; left out, with 1 ownership',
      },
    ]);
  });
});
