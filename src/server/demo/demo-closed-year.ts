import { endOfMonth } from '../../core/calendar';
import type { Insertable } from 'kysely';
import type { Database } from '../db/schema';
import type { Db } from '../db/store';

/**
 * The demo's closed 2025: the CSO's first, smaller X-matrix (two breakthroughs, three annual
 * objectives, four KPIs with a year of check-ins), its reflections, the cycle closed in January
 * 2026, and the 2026 matrix marked as rolled over from it (the breakthroughs, owners, the unmet
 * KPIs and the unfinished SOAR initiative carried). Written beside the demo plan, not in it, so
 * the plan document stays one year.
 */
const Y = 2025;
const M = 'cso-2025';

type Part = 'what' | 'how_far' | 'how' | 'how_much' | 'who';
interface DemoItem {
  id: string;
  part: Part;
  title: string;
  carriedInto?: string;
  fields?: Partial<Insertable<Database['matrixItems']>>;
}

const kpi = (
  unitOfMeasure: string,
  direction: 'increase' | 'decrease',
  baseline: number,
  target: number,
) => ({
  unitOfMeasure,
  direction,
  baseline,
  target,
  monthlyPlan: JSON.stringify(
    Array.from(
      { length: 12 },
      (_, m) => Math.round((baseline + ((target - baseline) * (m + 1)) / 12) * 10) / 10,
    ),
  ),
});

const ITEMS: DemoItem[] = [
  {
    id: 'cso25-bo1',
    part: 'what',
    title: 'AI-first security operations: machines triage, people decide',
    carriedInto: 'cso-bo1',
    fields: { targetYear: 2028 },
  },
  {
    id: 'cso25-bo2',
    part: 'what',
    title: 'Detect and contain any critical threat within one hour',
    carriedInto: 'cso-bo2',
    fields: { targetYear: 2028 },
  },
  {
    id: 'cso25-af1',
    part: 'how_far',
    title: 'Bring 80 % of critical log sources into one detection pipeline',
  },
  { id: 'cso25-af2', part: 'how_far', title: 'Cut MTTD for critical alerts from 36 h to 20 h' },
  { id: 'cso25-af3', part: 'how_far', title: 'Pilot AI triage on phishing: 5 % of L1 alerts' },
  {
    id: 'cso25-i1',
    part: 'how',
    title: 'Central log pipeline into the SIEM',
    fields: { status: 'done', startDate: '2025-01-15', endDate: '2025-07-31' },
  },
  {
    id: 'cso25-i2',
    part: 'how',
    title: 'Phishing triage pilot with an LLM assistant',
    fields: { status: 'done', startDate: '2025-04-01', endDate: '2025-10-31' },
  },
  {
    id: 'cso25-i3',
    part: 'how',
    title: 'SOAR containment playbooks for the top 20 incident types',
    carriedInto: 'cso-i3',
    fields: { status: 'in_progress', startDate: '2025-06-01', endDate: '2025-12-15' },
  },
  {
    id: 'cso25-k1',
    part: 'how_much',
    title: 'Critical log sources onboarded',
    fields: { ...kpi('%', 'increase', 40, 80), ownerId: 'priya-raman' },
  },
  {
    id: 'cso25-k2',
    part: 'how_much',
    title: 'Mean time to detect, critical alerts',
    carriedInto: 'cso-k2',
    fields: { ...kpi('h', 'decrease', 36, 20), ownerId: 'aisha-bello' },
  },
  {
    id: 'cso25-k3',
    part: 'how_much',
    title: 'Share of L1 alerts triaged by AI',
    carriedInto: 'cso-k1',
    fields: { ...kpi('%', 'increase', 0, 5), ownerId: 'lukas-meyer' },
  },
  {
    id: 'cso25-k4',
    part: 'how_much',
    title: 'Incident types with automated containment',
    carriedInto: 'cso-k5',
    fields: { ...kpi('incident types', 'increase', 0, 5), ownerId: 'kenji-watanabe' },
  },
  {
    id: 'cso25-w1',
    part: 'who',
    title: 'Priya Raman',
    carriedInto: 'cso-w1',
    fields: { personId: 'priya-raman' },
  },
  {
    id: 'cso25-w2',
    part: 'who',
    title: 'Aisha Bello',
    carriedInto: 'cso-w2',
    fields: { personId: 'aisha-bello' },
  },
  {
    id: 'cso25-w3',
    part: 'who',
    title: 'Lukas Meyer',
    carriedInto: 'cso-w3',
    fields: { personId: 'lukas-meyer' },
  },
  {
    id: 'cso25-w4',
    part: 'who',
    title: 'Kenji Watanabe',
    carriedInto: 'cso-w4',
    fields: { personId: 'kenji-watanabe' },
  },
];

/** Where each KPI ended the year, reached along an uneven path (month 12 = the final value). */
const FINALS: Record<string, number[]> = {
  'cso25-k1': [42, 45, 49, 52, 58, 63, 69, 72, 76, 79, 82, 84],
  'cso25-k2': [36, 35, 35, 33, 32, 30, 29, 28, 27, 26, 25, 24],
  'cso25-k3': [0, 0, 0, 0.5, 1, 1.5, 2, 3, 3.5, 4, 4.5, 5],
  'cso25-k4': [0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 3],
};

const MARKS: [Insertable<Database['correlations']>['grid'], string, string, 'strong' | 'medium' | 'weak'][] =
  [
    ['what_how_far', 'cso25-bo1', 'cso25-af3', 'strong'],
    ['what_how_far', 'cso25-bo2', 'cso25-af1', 'medium'],
    ['what_how_far', 'cso25-bo2', 'cso25-af2', 'strong'],
    ['how_far_how', 'cso25-af1', 'cso25-i1', 'strong'],
    ['how_far_how', 'cso25-af2', 'cso25-i1', 'medium'],
    ['how_far_how', 'cso25-af2', 'cso25-i3', 'strong'],
    ['how_far_how', 'cso25-af3', 'cso25-i2', 'strong'],
    ['how_how_much', 'cso25-i1', 'cso25-k1', 'strong'],
    ['how_how_much', 'cso25-i2', 'cso25-k3', 'strong'],
    ['how_how_much', 'cso25-i3', 'cso25-k4', 'strong'],
    ['how_how_much', 'cso25-i3', 'cso25-k2', 'medium'],
    ['how_much_what', 'cso25-k1', 'cso25-bo2', 'medium'],
    ['how_much_what', 'cso25-k2', 'cso25-bo2', 'strong'],
    ['how_much_what', 'cso25-k3', 'cso25-bo1', 'strong'],
    ['how_much_what', 'cso25-k4', 'cso25-bo2', 'medium'],
  ];

const REFLECTIONS: { itemId: string; reached: string; causes: string; learned: string }[] = [
  {
    itemId: 'cso25-af1',
    reached: '84 % of critical log sources flow into the SIEM pipeline, above the 80 % we set.',
    causes: 'The platform team gave us two engineers from March; the cloud sources came with one connector.',
    learned: 'Shared platform capacity is what moves our numbers: ask for it at planning time, not in June.',
  },
  {
    itemId: 'cso25-af2',
    reached: 'MTTD fell from 36 h to 24 h; we aimed for 20 h.',
    causes:
      'Detection rules were tuned by hand; the SOAR playbooks slipped to December, so containment did not help detection.',
    learned:
      'Detection needs rules as code and anomaly models; carried into 2026 with the 4 h gap and a new initiative.',
  },
  {
    itemId: 'cso25-af3',
    reached: 'The phishing pilot triaged 5 % of L1 alerts by December, as planned.',
    causes: 'Analysts trusted the assistant once its verdicts came with the evidence it used.',
    learned:
      'Show the reasoning, not only the verdict. The 2026 target is 60 %: the pilot becomes the L1 triage.',
  },
];

/**
 * Records the closed 2025 year. Does nothing when the demo's CSO unit is missing or 2025 exists.
 * @returns true when it recorded the year.
 */
export async function recordDemoClosedYear(db: Db): Promise<boolean> {
  const cso = await db
    .selectFrom('units')
    .select('organisationId')
    .where('id', '=', 'cso')
    .executeTakeFirst();
  const next = await db.selectFrom('xMatrices').select('id').where('id', '=', 'cso-2026').executeTakeFirst();
  const existing = await db.selectFrom('cycles').select('id').where('id', '=', 'fy2025').executeTakeFirst();
  if (!cso || !next || existing) return false;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('cycles')
      .values({
        id: 'fy2025',
        organisationId: cso.organisationId,
        name: 'FY2025',
        year: Y,
        startDate: `${Y}-01-01`,
        endDate: `${Y}-12-31`,
        position: 0,
      })
      .execute();
    await trx.updateTable('cycles').set({ position: 1 }).where('id', '=', 'fy2026').execute();
    await trx
      .insertInto('xMatrices')
      .values({
        id: M,
        unitId: 'cso',
        year: Y,
        trueNorth: 'Every alert answered in minutes, by people and machines together',
      })
      .execute();
    const positions = new Map<Part, number>();
    await trx
      .insertInto('matrixItems')
      .values(
        ITEMS.map((item) => {
          const position = positions.get(item.part) ?? 0;
          positions.set(item.part, position + 1);
          return {
            id: item.id,
            matrixId: M,
            part: item.part,
            title: item.title,
            description: '',
            requiredSkills: '[]',
            unitOfMeasure: '',
            monthlyPlan: 'null',
            position,
            ...item.fields,
          };
        }),
      )
      .execute();
    await trx
      .insertInto('correlations')
      .values(
        MARKS.map(([grid, fromId, toId, strength], n) => ({
          id: `cso25-c${n + 1}`,
          matrixId: M,
          grid,
          fromId,
          toId,
          strength,
        })),
      )
      .execute();
    await trx
      .insertInto('ownerships')
      .values([
        { id: 'cso25-o1', matrixId: M, initiativeId: 'cso25-i1', whoId: 'cso25-w1', role: 'primary' },
        { id: 'cso25-o2', matrixId: M, initiativeId: 'cso25-i2', whoId: 'cso25-w3', role: 'primary' },
        { id: 'cso25-o3', matrixId: M, initiativeId: 'cso25-i3', whoId: 'cso25-w4', role: 'primary' },
        { id: 'cso25-o4', matrixId: M, initiativeId: 'cso25-i3', whoId: 'cso25-w2', role: 'secondary' },
      ])
      .execute();
    await trx
      .insertInto('checkIns')
      .values(
        Object.entries(FINALS).flatMap(([kpiItemId, values]) =>
          values.map((value, month) => ({
            id: `demo-${kpiItemId}-${month + 1}`,
            keyResultId: null,
            kpiItemId,
            value,
            confidence: null,
            comment: '',
            checkInDate: endOfMonth(Y, month + 1),
            authorId: null,
            source: 'demo',
          })),
        ),
      )
      .execute();
    await trx
      .insertInto('reflections')
      .values(
        // Written in the closing review, the day before the year was closed (not the day the demo loads).
        REFLECTIONS.map((reflection) => ({
          id: `refl-${reflection.itemId}`,
          matrixId: M,
          ...reflection,
          createdAt: '2026-01-08T15:00:00Z',
          updatedAt: '2026-01-08T15:00:00Z',
        })),
      )
      .execute();
    await trx.updateTable('xMatrices').set({ rolledFromId: M }).where('id', '=', 'cso-2026').execute();
    for (const item of ITEMS)
      if (item.carriedInto)
        await trx
          .updateTable('matrixItems')
          .set({ carriedFromId: item.id })
          .where('id', '=', item.carriedInto)
          .execute();
    await trx
      .insertInto('cycleClosures')
      .values({ cycleId: 'fy2025', closedBy: 'Daniel Kovacs', closedAt: '2026-01-09T10:00:00Z' })
      .execute();
  });
  return true;
}
