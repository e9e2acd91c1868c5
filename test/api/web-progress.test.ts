/**
 * The web shows the progress the server computes: for a band key result, a milestone key result,
 * an objective whose weights are all zero and an objective with an aligned child objective, the
 * numbers the web's display functions give from what the web receives (`GET /api/units/:id/okrs`
 * and `GET /api/units/:id/progress`) equal the server's, and roll up under core's rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  KeyResult,
  ObjectiveProgress,
  ObjectiveWithKeyResults,
  UnitProgress,
} from '../../src/contracts';
import { objectiveProgress } from '../../src/core/progress';
import { CHILD_OBJECTIVE_WEIGHT } from '../../src/core/rollup';
import { shownKeyResultProgress, shownObjectiveProgress } from '../../src/web/components/okr/okr-format';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';

const TODAY = '2026-06-30';

describe('web and server agree on progress', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  const create = async (url: string, payload: Record<string, unknown>): Promise<string> => {
    const response = await t.request({ method: 'POST', url, payload });
    expect(response.statusCode, JSON.stringify(response.data)).toBe(201);
    return (response.data as { id: string }).id;
  };
  const objective = (unitId: string, title: string, alignedObjectiveId: string | null = null) =>
    create('/api/objectives', { unitId, cycleId: 'fy2026', title, alignedObjectiveId });
  const keyResult = (objectiveId: string, fields: Record<string, unknown>) =>
    create('/api/key-results', { objectiveId, ...fields });
  /** An increase key result from 0 to 10, checked in at `value`. */
  const increaseToTen = async (objectiveId: string, title: string, value: number, weight = 1) => {
    const id = await keyResult(objectiveId, { title, kind: 'increase', baseline: 0, target: 10, weight });
    await checkIn(id, value);
    return id;
  };
  const checkIn = (keyResultId: string, value: number) =>
    create('/api/check-ins', { keyResultId, value, date: TODAY });

  const okrs = async (unitId: string) =>
    body<ObjectiveWithKeyResults[]>(
      await t.request({ method: 'GET', url: `/api/units/${unitId}/okrs?cycleId=fy2026` }),
    );
  const progress = async (unitId: string) =>
    body<UnitProgress>(
      await t.request({ method: 'GET', url: `/api/units/${unitId}/progress?cycleId=fy2026` }),
    );

  beforeAll(async () => {
    t = await createTestApp({ services: { clock: () => TODAY } });
    await t.services.planImport.importPlan(demoPlan());

    ids.parent = await objective('cso', 'Parent with band, milestone and an aligned child');
    // Band 2-5 from a baseline of 10, now 7: two fifths of the way still to go (the web used to say 0).
    ids.band = await keyResult(ids.parent, {
      title: 'Keep false positives at 2-5 %',
      kind: 'band',
      baseline: 10,
      target: 2,
      targetHigh: 5,
    });
    await checkIn(ids.band, 7);
    ids.milestone = await keyResult(ids.parent, {
      title: 'Roll out in three steps',
      kind: 'milestone',
      milestones: ['Pilot', 'Half', 'All'],
      weight: 2,
    });
    await checkIn(ids.milestone, 2);
    // A milestone result never checked in is at 0, not "unknown".
    ids.milestoneUnstarted = await keyResult(ids.parent, {
      title: 'Retire the old tool in two steps',
      kind: 'milestone',
      milestones: ['Freeze', 'Switch off'],
    });

    ids.child = await objective('sec-arch', 'Aligned child objective', ids.parent);
    ids.childKr = await increaseToTen(ids.child, 'Raise coverage from 0 to 10', 4);

    ids.zero = await objective('cso', 'Every weight is zero');
    ids.zeroIncrease = await increaseToTen(ids.zero, 'Half way', 5, 0);
    ids.zeroBinary = await keyResult(ids.zero, { title: 'Done', kind: 'binary', weight: 0 });
    await checkIn(ids.zeroBinary, 1);
  });
  afterAll(() => t.close());

  /** What the web shows for each key result and objective of a unit, before and after progress loads. */
  const shown = async (unitId: string) => {
    const [listed, server] = await Promise.all([okrs(unitId), progress(unitId)]);
    const views = new Map(server.objectives.map((view) => [view.id, view]));
    const krViews = new Map(server.objectives.flatMap((view) => view.keyResults.map((kr) => [kr.id, kr])));
    const keyResults = listed.flatMap((o) => o.keyResults);
    return {
      views,
      krViews,
      keyResults,
      krBeforeLoad: (kr: KeyResult) => shownKeyResultProgress(kr),
      krLoaded: (kr: KeyResult) => shownKeyResultProgress(kr, krViews.get(kr.id)),
      objective: (id: string) => shownObjectiveProgress(views.get(id)),
    };
  };

  it('shows the server’s progress for every key result, from the listed OKRs alone too', async () => {
    for (const unitId of ['cso', 'sec-arch']) {
      const web = await shown(unitId);
      for (const kr of web.keyResults) {
        const server = web.krViews.get(kr.id)!.progress;
        expect(web.krBeforeLoad(kr), kr.title).toBeCloseTo(server, 10);
        expect(web.krLoaded(kr), kr.title).toBe(server);
      }
    }
    const cso = await shown('cso');
    const kr = (id: string) => cso.keyResults.find((k) => k.id === id)!;
    expect(cso.krBeforeLoad(kr(ids.band!))).toBeCloseTo(0.6, 10);
    expect(cso.krBeforeLoad(kr(ids.milestone!))).toBeCloseTo(2 / 3, 10);
    expect(cso.krBeforeLoad(kr(ids.milestoneUnstarted!))).toBe(0);
  });

  it('shows the server’s objective progress, which core’s roll-up gives from what the web shows', async () => {
    const cso = await shown('cso');
    const child = await shown('sec-arch');
    const termsOf = (view: ObjectiveProgress, children: ObjectiveProgress[]) => [
      ...view.keyResults.map((kr) => ({
        kind: 'key_result' as const,
        id: kr.id,
        title: kr.title,
        weight: kr.weight,
        progress: cso.krLoaded(cso.keyResults.find((k) => k.id === kr.id)!),
      })),
      ...children.map((c) => ({
        kind: 'objective' as const,
        id: c.id,
        title: c.title,
        weight: CHILD_OBJECTIVE_WEIGHT,
        progress: child.objective(c.id)!,
      })),
    ];

    const parent = cso.views.get(ids.parent!)!;
    const childView = child.views.get(ids.child!)!;
    expect(child.objective(ids.child!)).toBeCloseTo(0.4, 10);
    expect(parent.explanation.terms.map((term) => term.id)).toContain(ids.child);
    expect(cso.objective(ids.parent!)).toBe(parent.progress);
    expect(objectiveProgress(termsOf(parent, [childView])).progress).toBeCloseTo(parent.progress, 10);
    // (0.6 × 1 + 2/3 × 2 + 0 × 1 + 0.4 × 1) / 5
    expect(parent.progress).toBeCloseTo((0.6 + 4 / 3 + 0.4) / 5, 10);

    const zero = cso.views.get(ids.zero!)!;
    expect(zero.explanation.rule).toBe('equal');
    expect(cso.objective(ids.zero!)).toBeCloseTo(0.75, 10);
    expect(objectiveProgress(termsOf(zero, [])).progress).toBeCloseTo(zero.progress, 10);
  });

  it('shows no objective progress before the server’s roll-up is loaded, rather than a different number', () => {
    expect(shownObjectiveProgress(undefined)).toBeNull();
  });
});
