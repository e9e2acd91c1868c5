import { describe, expect, it } from 'vitest';
import { computeCapacity } from './capacity';
import { capacityInputOf, feasibilityModelOf, type FeasibilityPlan } from './feasibility-model';
import { hasGateFailure, lastQuarterShare, lintMatrix, type LintCode } from './plan-lint';

/** A small plan that passes every gate; each test breaks one rule. */
function cleanPlan() {
  return {
    units: [{ id: 'u', parentId: null, ownerId: 'ann' }],
    people: [{ id: 'ann', name: 'Ann', unitId: 'u', skills: ['ops'], monthlyCapacity: 10 }],
    objectives: [
      {
        id: 'o',
        unitId: 'u',
        keyResults: [
          { id: 'kr', title: 'Up', kind: 'increase' as const, baseline: 0, target: 12, targetHigh: null },
        ],
      },
    ],
    matrices: [
      {
        id: 'm',
        unitId: 'u',
        year: 2026,
        what: [{ id: 'w', title: 'Vision' }],
        howFar: [{ id: 'a', title: 'Annual', sourceKeyResultId: 'kr' }],
        how: [
          {
            id: 'i',
            title: 'Initiative',
            effort: [{ skill: 'ops', personDaysPerMonth: 5, fromMonth: 1, toMonth: 12 }],
            impacts: [
              {
                kpi: 'k',
                low: 8,
                likely: 12,
                high: 14,
                basis: 'absolute' as const,
                startMonth: 1,
                rampMonths: 0,
              },
            ],
            startDate: '2026-02-01',
            endDate: '2026-11-30',
          },
        ],
        howMuch: [
          {
            id: 'k',
            title: 'KPI',
            unitOfMeasure: '',
            direction: 'increase' as const,
            baseline: 0,
            target: 12,
            targetHigh: null,
            monthlyPlan: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as (number | null)[] | null,
            ownerId: 'ann',
            sourceKeyResultId: 'kr',
          },
        ],
        who: [{ id: 'who-ann', personId: 'ann', teamUnitId: null }],
        correlations: [
          { from: 'w', to: 'a' },
          { from: 'a', to: 'i' },
          { from: 'i', to: 'k' },
          { from: 'k', to: 'w' },
        ],
        owners: [{ initiative: 'i', who: 'who-ann', role: 'primary' }],
      },
    ],
  } satisfies FeasibilityPlan;
}
type Plan = ReturnType<typeof cleanPlan>;

function lint(plan: Plan): { codes: LintCode[]; findings: ReturnType<typeof lintMatrix> } {
  const matrix = plan.matrices[0]!;
  const capacity = computeCapacity(capacityInputOf(plan, matrix, feasibilityModelOf(plan, matrix)));
  const findings = lintMatrix(plan, 'm', capacity);
  return { codes: findings.map((f) => f.code), findings };
}

function broken(change: (plan: Plan) => void): ReturnType<typeof lint> {
  const plan = cleanPlan();
  change(plan);
  return lint(plan);
}

describe('lintMatrix', () => {
  it('passes a clean plan', () => {
    expect(lint(cleanPlan()).findings).toEqual([]);
  });

  it('flags a breakthrough no annual objective supports', () => {
    const { findings } = broken((p) => p.matrices[0]!.correlations.splice(0, 1));
    expect(findings).toMatchObject([
      { code: 'unsupported_breakthrough', severity: 'error', itemIds: ['w'], values: { title: 'Vision' } },
    ]);
  });

  it('flags an initiative that moves no KPI, and accepts an impact instead of a mark', () => {
    const neither = broken((p) => {
      p.matrices[0]!.correlations.splice(2, 1);
      p.matrices[0]!.how[0]!.impacts = [];
    });
    expect(neither.codes).toEqual(['initiative_without_kpi', 'kpi_not_moved']);
    expect(neither.findings.map((f) => f.values)).toEqual([{ title: 'Initiative' }, { title: 'KPI' }]);
    expect(neither.findings[1]!.message).toBe(
      'KPI "KPI" is moved by no initiative, so nothing in this plan can reach its target',
    );
    expect(broken((p) => p.matrices[0]!.correlations.splice(2, 1)).codes).toEqual([]);
  });

  it('warns when initiatives mark a KPI but none states its impact', () => {
    const { findings } = broken((p) => (p.matrices[0]!.how[0]!.impacts = []));
    expect(findings).toMatchObject([
      {
        code: 'kpi_without_impact',
        severity: 'warning',
        itemIds: ['k', 'i'],
        values: { title: 'KPI', count: 1 },
      },
    ]);
    expect(findings[0]!.message).toContain('marked by 1 initiative but');
  });

  it('gates a breakthrough supported only by weak marks, not one with a stronger mark too', () => {
    const weak = broken((p) => Object.assign(p.matrices[0]!.correlations[0]!, { strength: 'weak' }));
    expect(weak.findings).toMatchObject([
      {
        code: 'weakly_supported_breakthrough',
        severity: 'error',
        itemIds: ['w'],
        values: { title: 'Vision' },
      },
    ]);
    expect(weak.findings[0]!.message).toContain('only by weak marks');
    const mixed = broken((p) => {
      Object.assign(p.matrices[0]!.correlations[0]!, { strength: 'weak' });
      p.matrices[0]!.howFar.push({ id: 'a2', title: 'Annual 2', sourceKeyResultId: null as never });
      p.matrices[0]!.correlations.push({ from: 'a2', to: 'w', strength: 'strong' } as never);
    });
    expect(mixed.codes).not.toContain('weakly_supported_breakthrough');
  });

  it('flags an initiative dated outside the plan year: a gate when entirely, a warning when partly', () => {
    const entirely = broken((p) => {
      p.matrices[0]!.how[0]!.startDate = '2027-01-10';
      p.matrices[0]!.how[0]!.endDate = '2027-06-30';
    });
    expect(entirely.findings).toMatchObject([
      {
        code: 'initiative_outside_year',
        severity: 'error',
        values: {
          title: 'Initiative',
          start: '2027-01-10',
          end: '2027-06-30',
          year: 2026,
          extent: 'entirely',
        },
      },
    ]);
    expect(entirely.findings[0]!.message).toBe(
      'Initiative "Initiative" runs 2027-01-10 – 2027-06-30, entirely outside 2026',
    );
    const partly = broken((p) => (p.matrices[0]!.how[0]!.endDate = '2027-03-31'));
    expect(partly.findings).toMatchObject([
      {
        code: 'initiative_outside_year',
        severity: 'warning',
        values: { start: '2026-02-01', end: '2027-03-31', year: 2026, extent: 'partly' },
      },
    ]);
    expect(broken((p) => (p.matrices[0]!.how[0]!.startDate = null as never)).codes).toEqual([]);
  });

  it('flags a KPI without owner', () => {
    const { findings } = broken((p) => (p.matrices[0]!.howMuch[0]!.ownerId = null as unknown as string));
    expect(findings).toMatchObject([{ code: 'kpi_without_owner', values: { title: 'KPI' } }]);
    expect(findings).toHaveLength(1);
  });

  it('flags an initiative with zero or two primary owners', () => {
    const none = broken((p) => p.matrices[0]!.owners.splice(0, 1)).findings;
    expect(none).toMatchObject([{ code: 'primary_owner_count', values: { title: 'Initiative', count: 0 } }]);
    expect(none[0]!.message).toContain('0 primary owners');
    const two = broken((p) => {
      p.matrices[0]!.who.push({ id: 'who-2', personId: 'ann', teamUnitId: null });
      p.matrices[0]!.owners.push({ initiative: 'i', who: 'who-2', role: 'primary' });
    });
    expect(two.findings).toMatchObject([{ code: 'primary_owner_count', values: { count: 2 } }]);
    expect(two.findings[0]!.message).toContain('2 primary');
  });

  it('flags an owner above the allocation limit', () => {
    const { findings } = broken((p) => (p.matrices[0]!.how[0]!.effort[0]!.personDaysPerMonth = 12));
    expect(findings.map((f) => f.code)).toEqual(['owner_over_allocated', 'skill_gap']);
    expect(findings[0]!.itemIds).toEqual(['ann']);
    expect(findings[0]!.message).toContain('120 %');
    expect(findings[0]!.values).toEqual({
      name: 'Ann',
      peak: 120,
      limit: 100,
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    });
    expect(findings[1]!.values).toMatchObject({
      reason: 'demand_exceeds_supply',
      skill: 'ops',
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    });
  });

  it('warns about more items in a part than recommended', () => {
    const { findings } = broken((p) => {
      for (let n = 0; n < 5; n++) p.matrices[0]!.what.push({ id: `w${n}`, title: `W${n}` });
      for (let n = 0; n < 5; n++) p.matrices[0]!.correlations.push({ from: `w${n}`, to: 'a' });
    });
    expect(findings).toMatchObject([
      {
        code: 'too_many_items',
        severity: 'warning',
        values: { count: 6, part: 'what', partName: 'Breakthrough objectives', max: 5 },
      },
    ]);
    expect(findings[0]!.message).toBe('6 items in Breakthrough objectives; at most 5 are recommended');
    const renamed = broken((p) => {
      Object.assign(p, { organisation: { partNames: { what: 'Strategic pillars' } } });
      for (let n = 0; n < 5; n++) p.matrices[0]!.what.push({ id: `w${n}`, title: `W${n}` });
      for (let n = 0; n < 5; n++) p.matrices[0]!.correlations.push({ from: `w${n}`, to: 'a' });
    });
    expect(renamed.findings[0]!.message).toContain('in Strategic pillars;');
    expect(renamed.findings[0]!.values).toMatchObject({ part: 'what', partName: 'Strategic pillars' });
    expect(hasGateFailure(findings)).toBe(false);
  });

  it('warns about hockey-stick phasing', () => {
    const { findings } = broken(
      (p) => (p.matrices[0]!.howMuch[0]!.monthlyPlan = [0, 0, 0, 1, 1, 1, 2, 2, 3, 6, 9, 12]),
    );
    expect(findings).toMatchObject([
      { code: 'hockey_stick', itemIds: ['k'], values: { title: 'KPI', share: 75 } },
    ]);
    expect(findings[0]!.message).toContain('leaves 75 %');
    expect(lastQuarterShare(0, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toBe(0.25);
  });

  it('flags a key result or KPI without baseline or target', () => {
    const kr = broken((p) => (p.objectives[0]!.keyResults[0]!.baseline = null as unknown as number));
    expect(kr.findings).toMatchObject([
      {
        code: 'missing_baseline_or_target',
        itemIds: ['kr'],
        values: { kind: 'key_result', title: 'Up', missing: 'baseline' },
      },
    ]);
    expect(kr.findings[0]!.message).toBe(
      'Key result "Up" needs a baseline; without a baseline its progress cannot be measured',
    );
    const kpi = broken((p) => (p.matrices[0]!.howMuch[0]!.target = null as unknown as number));
    expect(kpi.findings.find((f) => f.code === 'missing_baseline_or_target')?.values).toEqual({
      kind: 'kpi',
      title: 'KPI',
      missing: 'target',
    });
  });

  it('flags a skill nobody holds as a gate', () => {
    const { findings } = broken((p) => (p.matrices[0]!.how[0]!.effort[0]!.skill = 'quantum'));
    expect(findings).toMatchObject([
      {
        code: 'skill_gap',
        severity: 'error',
        itemIds: ['i'],
        values: {
          reason: 'nobody_holds',
          skill: 'quantum',
          days: 60,
          months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        },
      },
    ]);
    expect(hasGateFailure(findings)).toBe(true);
  });
});
