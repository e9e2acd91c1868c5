import { monthName } from '../../../core/calendar';
import { formatDay, formatMonth } from '../../i18n/formats';
import { DomainError } from '../../../core/errors';
import type {
  Countermeasure,
  CreateCountermeasureInput,
  UpdateCountermeasureInput,
} from '../../../contracts';
import type { Db } from '../../db/store';
import { deleteVersioned, findRow, getRow, updateVersioned } from '../../db/versioned';
import { newId } from '../../ids';
import { presentCountermeasure } from '../../presenters/execution.presenter';
import { assertInOrganisation, organisationOfUnit } from '../structure/references';
import type { Notifier } from '../notifications/notifier';
import { itemLinks } from '../notifications/item-links';
import type { Row } from '../../db/versioned';

/**
 * Countermeasures (A3) on a KPI's month, run through plan → do → check → act → closed. Whoever is
 * made its owner (on creation, or when the owner changes) is told by e-mail and the unit's webhook.
 */
export function createCountermeasuresService(db: Db, notifier: Notifier | null = null) {
  /** Tells the countermeasure's owner it is theirs now. */
  async function notifyAssigned(row: Row<'countermeasures'>): Promise<void> {
    if (!notifier || row.ownerId === null || row.status === 'closed') return;
    const kpi = await getRow(db, 'matrixItems', row.kpiItemId);
    const matrix = await getRow(db, 'xMatrices', kpi.matrixId);
    const unit = await getRow(db, 'units', matrix.unitId);
    const due = row.dueDate ? `, due ${row.dueDate}` : '';
    await notifier.notify({
      event: 'countermeasure',
      organisationId: unit.organisationId,
      unitId: unit.id,
      personId: row.ownerId,
      subject: `Catchball: a countermeasure for "${kpi.title}" is yours${due}`,
      text: `${unit.name}: you own the countermeasure "${row.problem}" on the KPI "${kpi.title}" (${monthName(row.month)} ${row.year})${due}.`,
      href: itemLinks.countermeasure(unit.organisationId, unit.id, row.year, row.id),
      mail: (translator) => {
        const values = {
          kpi: kpi.title,
          unit: unit.name,
          problem: row.problem,
          month: formatMonth(translator, row.year, row.month),
          ...(row.dueDate ? { due: formatDay(translator, row.dueDate) } : {}),
        };
        const due = row.dueDate ? 'Due' : '';
        return {
          subject: translator.t(`email:countermeasure.subject${due}`, values),
          text: translator.t(`email:countermeasure.text${due}`, values),
        };
      },
    });
  }

  /** The organisation of a KPI, checking that the item is a KPI (How Much). */
  async function organisationOfKpi(kpiId: string): Promise<string> {
    const item = await findRow(db, 'matrixItems', kpiId);
    if (!item || item.part !== 'how_much')
      throw new DomainError('validation_failed', `The input is not valid: kpiId: no KPI with id ${kpiId}`, {
        issues: [{ path: 'kpiId', message: `no KPI (How Much item) with id ${kpiId}` }],
      });
    const matrix = await getRow(db, 'xMatrices', item.matrixId);
    return organisationOfUnit(db, matrix.unitId);
  }

  return {
    async get(id: string): Promise<Countermeasure> {
      return presentCountermeasure(await getRow(db, 'countermeasures', id));
    },

    /** A unit's countermeasures (on the KPIs of its matrices), newest month first; `open` filters by status. */
    async listByUnit(unitId: string, filter: { kpiId?: string; open?: boolean }): Promise<Countermeasure[]> {
      await getRow(db, 'units', unitId);
      const rows = await db
        .selectFrom('countermeasures')
        .innerJoin('matrixItems', 'matrixItems.id', 'countermeasures.kpiItemId')
        .innerJoin('xMatrices', 'xMatrices.id', 'matrixItems.matrixId')
        .selectAll('countermeasures')
        .where('xMatrices.unitId', '=', unitId)
        .$if(filter.kpiId !== undefined, (q) => q.where('countermeasures.kpiItemId', '=', filter.kpiId ?? ''))
        .$if(filter.open === true, (q) => q.where('countermeasures.status', '!=', 'closed'))
        .$if(filter.open === false, (q) => q.where('countermeasures.status', '=', 'closed'))
        .orderBy('countermeasures.year', 'desc')
        .orderBy('countermeasures.month', 'desc')
        .orderBy('countermeasures.createdAt')
        .execute();
      return rows.map(presentCountermeasure);
    },

    async create(input: CreateCountermeasureInput): Promise<Countermeasure> {
      const organisationId = await organisationOfKpi(input.kpiId);
      if (input.ownerId) await assertInOrganisation(db, 'people', input.ownerId, organisationId, 'ownerId');
      const id = input.id ?? newId('cm');
      if (await findRow(db, 'countermeasures', id))
        throw new DomainError('already_exists', `A countermeasure with id ${id} already exists`);
      const row = await db
        .insertInto('countermeasures')
        .values({
          id,
          kpiItemId: input.kpiId,
          year: input.year,
          month: input.month,
          problem: input.problem,
          rootCause: input.rootCause ?? '',
          action: input.action ?? '',
          ownerId: input.ownerId ?? null,
          dueDate: input.dueDate ?? null,
          status: input.status ?? 'plan',
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await notifyAssigned(row);
      return presentCountermeasure(row);
    },

    /** Updates with the version read; closing needs `effect`, what was seen after the action. */
    async update(id: string, input: UpdateCountermeasureInput): Promise<Countermeasure> {
      const current = await getRow(db, 'countermeasures', id);
      if (input.ownerId)
        await assertInOrganisation(
          db,
          'people',
          input.ownerId,
          await organisationOfKpi(current.kpiItemId),
          'ownerId',
        );
      const closing = input.status === 'closed' && current.status !== 'closed';
      if (closing && !(input.effect ?? current.effect))
        throw new DomainError(
          'validation_failed',
          'The body is not valid: body.effect: closing a countermeasure asks what effect was seen',
          {
            issues: [{ path: 'body.effect', message: 'closing a countermeasure asks what effect was seen' }],
          },
        );
      const { version, ...values } = input;
      const reopening =
        input.status !== undefined && input.status !== 'closed' && current.status === 'closed';
      const row = await updateVersioned(
        db,
        'countermeasures',
        id,
        version,
        { ...values, ...(closing ? { closedAt: new Date() } : reopening ? { closedAt: null } : {}) },
        presentCountermeasure,
      );
      if (row.ownerId !== null && row.ownerId !== current.ownerId) await notifyAssigned(row);
      return presentCountermeasure(row);
    },

    async remove(id: string, version: number): Promise<void> {
      await deleteVersioned(db, 'countermeasures', id, version, presentCountermeasure);
    },
  };
}
