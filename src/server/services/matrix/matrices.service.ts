import { DomainError } from '../../../core/errors';
import { MATRIX_PARTS } from '../../../core/x-matrix-parts';
import type {
  CreateMatrixInput,
  TraceSource,
  UpdateMatrixInput,
  XMatrix,
  XMatrixView,
} from '../../../contracts';
import {
  correlationsOfMatrices,
  itemsOfMatrices,
  matrixOfUnitYear,
  ownershipsOfMatrices,
} from '../../db/repositories/matrix.repository';
import type { Db } from '../../db/store';
import { deleteVersioned, getRow, updateVersioned, type Row } from '../../db/versioned';
import { newId } from '../../ids';
import {
  presentCorrelation,
  presentItem,
  presentMatrix,
  presentOwnership,
} from '../../presenters/matrix.presenter';
import { presentOrganisation, presentPerson, presentUnit } from '../../presenters/organisation.presenter';
import { cascadeLinksOf, sourceStatusOf } from './source-links';

/** X-matrices: one per unit and year, and the one call that returns a whole matrix to draw it. */
export function createMatricesService(db: Db) {
  async function sourcesOf(objectiveIds: string[], keyResultIds: string[]): Promise<TraceSource[]> {
    const [objectives, keyResults] = await Promise.all([
      objectiveIds.length === 0
        ? []
        : db
            .selectFrom('objectives')
            .innerJoin('units', 'units.id', 'objectives.unitId')
            .select(['objectives.id', 'objectives.title', 'units.id as unitId', 'units.name as unitName'])
            .where('objectives.id', 'in', objectiveIds)
            .execute(),
      keyResultIds.length === 0
        ? []
        : db
            .selectFrom('keyResults')
            .innerJoin('objectives', 'objectives.id', 'keyResults.objectiveId')
            .innerJoin('units', 'units.id', 'objectives.unitId')
            .select(['keyResults.id', 'keyResults.title', 'units.id as unitId', 'units.name as unitName'])
            .where('keyResults.id', 'in', keyResultIds)
            .execute(),
    ]);
    return [
      ...objectives.map((row) => ({ ...row, kind: 'objective' as const })),
      ...keyResults.map((row) => ({ ...row, kind: 'key_result' as const })),
    ];
  }

  async function view(matrixId: string): Promise<XMatrixView> {
    return viewOf(await getRow(db, 'xMatrices', matrixId));
  }

  /**
   * The whole view in three rounds of queries (the matrix; its unit and rows; organisation,
   * people and sources), each round's queries in parallel: this is the hottest read of the API.
   */
  async function viewOf(matrix: Row<'xMatrices'>): Promise<XMatrixView> {
    const matrixId = matrix.id;
    const [unit, items, correlations, ownerships] = await Promise.all([
      getRow(db, 'units', matrix.unitId),
      itemsOfMatrices(db, [matrixId]),
      correlationsOfMatrices(db, [matrixId]),
      ownershipsOfMatrices(db, [matrixId]),
    ]);
    // Only the people the matrix names: an organisation's full list is its own call, and a big
    // organisation's would dwarf the matrix.
    const personIds = [
      ...new Set(
        [unit.ownerId, ...items.flatMap((item) => [item.personId, item.ownerId])].filter((id) => id !== null),
      ),
    ];
    const objectiveIds = [
      ...new Set(items.flatMap((item) => (item.sourceObjectiveId ? [item.sourceObjectiveId] : []))),
    ];
    const keyResultIds = [
      ...new Set(items.flatMap((item) => (item.sourceKeyResultId ? [item.sourceKeyResultId] : []))),
    ];
    const [organisation, people, sources] = await Promise.all([
      getRow(db, 'organisations', unit.organisationId),
      personIds.length === 0
        ? []
        : db.selectFrom('people').selectAll().where('id', 'in', personIds).orderBy('position').execute(),
      sourcesOf(objectiveIds, keyResultIds),
    ]);
    const grouped = Object.fromEntries(
      MATRIX_PARTS.map((part) => [part, items.filter((item) => item.part === part).map(presentItem)]),
    ) as XMatrixView['items'];
    return {
      matrix: presentMatrix(matrix),
      unit: presentUnit(unit),
      organisation: presentOrganisation(organisation),
      items: grouped,
      correlations: correlations.map(presentCorrelation),
      ownerships: ownerships.map(presentOwnership),
      people: people.map(presentPerson),
      sources,
      sourceStatus: await sourceStatusOf(db, items),
      cascades: await cascadeLinksOf(db, matrixId),
    };
  }

  return {
    view,

    async viewByUnitAndYear(unitId: string, year: number): Promise<XMatrixView> {
      const matrix = await matrixOfUnitYear(db, unitId, year);
      if (matrix) return viewOf(matrix);
      await getRow(db, 'units', unitId);
      throw new DomainError('not_found', `Unit ${unitId} has no X-matrix for ${year}`, { unitId, year });
    },

    async listByOrganisation(organisationId: string): Promise<XMatrix[]> {
      await getRow(db, 'organisations', organisationId);
      const rows = await db
        .selectFrom('xMatrices')
        .innerJoin('units', 'units.id', 'xMatrices.unitId')
        .selectAll('xMatrices')
        .where('units.organisationId', '=', organisationId)
        .orderBy('xMatrices.year', 'desc')
        .orderBy('units.position')
        .execute();
      return rows.map(presentMatrix);
    },

    async create(input: CreateMatrixInput): Promise<XMatrixView> {
      await getRow(db, 'units', input.unitId);
      const existing = await matrixOfUnitYear(db, input.unitId, input.year);
      if (existing)
        throw new DomainError(
          'already_exists',
          `Unit ${input.unitId} already has an X-matrix for ${input.year} (${existing.id})`,
          {
            id: existing.id,
          },
        );
      const id = input.id ?? newId('xm');
      await db
        .insertInto('xMatrices')
        .values({ id, unitId: input.unitId, year: input.year, trueNorth: input.trueNorth ?? '' })
        .execute();
      return view(id);
    },

    async update(id: string, input: UpdateMatrixInput): Promise<XMatrix> {
      const { version, ...values } = input;
      return presentMatrix(await updateVersioned(db, 'xMatrices', id, version, values, presentMatrix));
    },

    async remove(id: string, version: number): Promise<void> {
      await deleteVersioned(db, 'xMatrices', id, version, presentMatrix);
    },
  };
}
