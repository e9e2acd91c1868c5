import { monthName } from '../../../core/calendar';
import { ballWith } from '../../../core/catchball';
import { staleAfter } from '../../../core/staleness';
import type { Inbox, InboxItem, StaleItem } from '../../../contracts';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import type { Clock } from '../clock';
import { VERBS } from '../catchball/catchball-messages';
import type { createDigestService } from '../execution/digest.service';
import { itemLinks } from '../notifications/item-links';

const OPEN_STATES = ['proposed', 'questioned', 'countered', 'revised'] as const;
const STATUS_WORDS = { plan: 'plan', do: 'do', check: 'check', act: 'act', closed: 'closed' } as const;

/**
 * A person's inbox in one organisation: what waits for them, in three kinds.
 * - proposals whose ball is in their court: they own the unit whose turn it is;
 * - countermeasures they own that are not closed, with their due dates (overdue flagged);
 * - check-ins due: key results and KPIs they own that the reminder digest's rule finds without a
 *   check-in within their unit's cadence (the digest's `due`, never a second rule).
 * Within a kind the most pressing come first: overdue, then by due date.
 */
export function createInboxService(db: Db, clock: Clock, digest: ReturnType<typeof createDigestService>) {
  async function proposals(organisationId: string, personId: string): Promise<InboxItem[]> {
    const rows = await db
      .selectFrom('catchballProposals as p')
      .innerJoin('units as child', 'child.id', 'p.childUnitId')
      .innerJoin('units as parent', 'parent.id', 'p.parentUnitId')
      .innerJoin('xMatrices as m', 'm.id', 'p.matrixId')
      .select([
        'p.id',
        'p.title',
        'p.state',
        'p.originalTarget',
        'p.proposedTarget',
        'p.childUnitId',
        'p.parentUnitId',
        'child.name as childName',
        'child.ownerId as childOwnerId',
        'parent.name as parentName',
        'parent.ownerId as parentOwnerId',
        'm.year',
      ])
      .where('p.organisationId', '=', organisationId)
      .where('p.state', 'in', [...OPEN_STATES])
      .where((eb) => eb.or([eb('child.ownerId', '=', personId), eb('parent.ownerId', '=', personId)]))
      .orderBy('p.updatedAt', 'desc')
      .orderBy('p.id')
      .execute();
    return rows.flatMap((row) => {
      const side = ballWith(row.state);
      const receiver = side === 'parent' ? row.parentOwnerId : row.childOwnerId;
      if (side === null || receiver !== personId) return [];
      const [fromId, fromName] =
        side === 'parent' ? [row.childUnitId, row.childName] : [row.parentUnitId, row.parentName];
      return [
        {
          kind: 'proposal' as const,
          id: row.id,
          title: `${fromName} ${VERBS[row.state]} "${row.title}"`,
          detail: `Target ${row.originalTarget} → ${row.proposedTarget}; the ball is in your court`,
          values: {
            kind: 'proposal' as const,
            from: fromName,
            state: row.state,
            title: row.title,
            originalTarget: row.originalTarget,
            proposedTarget: row.proposedTarget,
          },
          unitId: fromId,
          unitName: fromName,
          href: itemLinks.proposal(organisationId, row.childUnitId, row.year, row.id),
          dueDate: null,
          overdue: false,
        },
      ];
    });
  }

  async function countermeasures(organisationId: string, personId: string, asOf: string) {
    const rows = await db
      .selectFrom('countermeasures as c')
      .innerJoin('matrixItems as kpi', 'kpi.id', 'c.kpiItemId')
      .innerJoin('xMatrices as m', 'm.id', 'kpi.matrixId')
      .innerJoin('units as u', 'u.id', 'm.unitId')
      .select([
        'c.id',
        'c.problem',
        'c.year',
        'c.month',
        'c.status',
        'c.dueDate',
        'kpi.title as kpiTitle',
        'u.id as unitId',
        'u.name as unitName',
      ])
      .where('u.organisationId', '=', organisationId)
      .where('c.ownerId', '=', personId)
      .where('c.status', '!=', 'closed')
      .orderBy('c.year', 'desc')
      .orderBy('c.month', 'desc')
      .orderBy('c.id')
      .execute();
    return rows.map((row): InboxItem => ({
      kind: 'countermeasure',
      id: row.id,
      title: `Countermeasure: ${row.problem}`,
      detail: `KPI "${row.kpiTitle}", ${monthName(row.month)} ${row.year}; ${STATUS_WORDS[row.status]} stage`,
      values: {
        kind: 'countermeasure',
        problem: row.problem,
        kpiTitle: row.kpiTitle,
        year: row.year,
        month: row.month,
        stage: row.status,
      },
      unitId: row.unitId,
      unitName: row.unitName,
      href: itemLinks.countermeasure(organisationId, row.unitId, row.year, row.id),
      dueDate: row.dueDate,
      overdue: row.dueDate !== null && row.dueDate < asOf,
    }));
  }

  async function checkIns(organisationId: string, personId: string, asOf: string): Promise<InboxItem[]> {
    const hasCycle = await db
      .selectFrom('cycles')
      .select('id')
      .where('organisationId', '=', organisationId)
      .executeTakeFirst();
    if (!hasCycle) return [];
    const { cycle, units, scan } = await digest.due(organisationId, { asOf });
    const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
    return scan.stale
      .filter((item) => item.ownerId === personId)
      .map((item: StaleItem): InboxItem => {
        const dueDate = staleAfter(item.lastCheckIn ?? cycle.startDate, item.cadence);
        const what = item.kind === 'kpi' ? 'KPI' : 'Key result';
        return {
          kind: 'check_in',
          id: item.id,
          title: `Check in on "${item.title}"`,
          detail: `${what}, ${item.cadence} check-ins; last check-in ${item.lastCheckIn ?? 'never'}`,
          values: {
            kind: 'check_in',
            itemKind: item.kind,
            title: item.title,
            cadence: item.cadence,
            lastCheckIn: item.lastCheckIn,
          },
          unitId: item.unitId,
          unitName: unitNames.get(item.unitId) ?? item.unitId,
          href:
            item.kind === 'kpi'
              ? itemLinks.kpi(organisationId, item.unitId, cycle.year, item.id)
              : itemLinks.keyResult(organisationId, item.unitId, cycle.id, item.id),
          dueDate,
          overdue: dueDate < asOf,
        };
      });
  }

  return {
    /** The inbox of `personId` (the signed-in person) in `organisationId`; empty without a person. */
    async of(organisationId: string, personId: string | null): Promise<Inbox> {
      await getRow(db, 'organisations', organisationId);
      const asOf = clock();
      const items = personId
        ? [
            ...(await proposals(organisationId, personId)),
            ...byUrgency(await countermeasures(organisationId, personId, asOf)),
            ...byUrgency(await checkIns(organisationId, personId, asOf)),
          ]
        : [];
      return { organisationId, personId, asOf, count: items.length, items };
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;

/** Overdue first, then the nearest due date, then those without one; stable otherwise. */
function byUrgency(items: InboxItem[]): InboxItem[] {
  return [...items].sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    if (a.dueDate === b.dueDate) return 0;
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  });
}
