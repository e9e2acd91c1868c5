import { DomainError } from '../../../core/errors';
import { findMatrixOrphans, findOkrOrphans, type Orphan } from '../../../core/orphans';
import { buildStrategyGraph, nodeKey, type GraphInput } from '../../../core/strategy-graph';
import { traceNode, type Trace } from '../../../core/trace';
import type { StrategyMap, TraceKind } from '../../../contracts';
import {
  itemsOfMatrices,
  matricesOfUnits,
  marksOfMatrices,
  ownershipsOfMatrices,
} from '../../db/repositories/matrix.repository';
import { keyResultsOfObjectives, objectivesOfUnits } from '../../db/repositories/okr.repository';
import { unitsOfOrganisation } from '../../db/repositories/organisation.repository';
import { NO_MEMO, type MatrixMemo } from '../memo';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import { notFound } from '../../errors';

/** The strategy graph of an organisation: the map, traces through it, and its orphans. */
export function createStrategyMapService(db: Db, memo: MatrixMemo = NO_MEMO) {
  /** The primary ownerships of these matrices: the only ones the graph reads. */
  const primaryOwnerships = async (matrixIds: readonly string[]) =>
    (await ownershipsOfMatrices(db, matrixIds)).filter((row) => row.role === 'primary');

  /**
   * Every row the graph needs, for one organisation; with `withGrids: false`, no correlations or
   * ownerships (the OKR orphans need every matrix's items, never their grids).
   */
  async function loadGraphInput(organisationId: string, withGrids = true): Promise<GraphInput> {
    await getRow(db, 'organisations', organisationId);
    const units = await unitsOfOrganisation(db, organisationId);
    const unitIds = units.map((u) => u.id);
    const [objectives, matrices] = await Promise.all([
      objectivesOfUnits(db, unitIds),
      matricesOfUnits(db, unitIds),
    ]);
    const matrixIds = matrices.map((m) => m.id);
    const gridMatrixIds = withGrids ? matrixIds : [];
    const [keyResults, items, correlations, ownerships] = await Promise.all([
      keyResultsOfObjectives(
        db,
        objectives.map((o) => o.id),
      ),
      itemsOfMatrices(db, matrixIds),
      marksOfMatrices(db, gridMatrixIds),
      primaryOwnerships(gridMatrixIds),
    ]);
    return { units, objectives, keyResults, matrices, items, correlations, ownerships };
  }

  /** The organisation a trace's start belongs to, and its graph key. */
  async function locate(kind: TraceKind, id: string): Promise<{ organisationId: string; key: string }> {
    const organisationOf = async (unitId: string) => (await getRow(db, 'units', unitId)).organisationId;
    switch (kind) {
      case 'objective': {
        const objective = await getRow(db, 'objectives', id);
        return { organisationId: await organisationOf(objective.unitId), key: nodeKey('objective', id) };
      }
      case 'key_result': {
        const kr = await getRow(db, 'keyResults', id);
        const objective = await getRow(db, 'objectives', kr.objectiveId);
        return { organisationId: await organisationOf(objective.unitId), key: nodeKey('key_result', id) };
      }
      case 'initiative':
      case 'kpi':
      case 'item': {
        const item = await getRow(db, 'matrixItems', id);
        const wanted = kind === 'initiative' ? 'how' : kind === 'kpi' ? 'how_much' : item.part;
        if (item.part !== wanted) throw notFound(kind === 'kpi' ? 'KPI' : 'initiative', id);
        const matrix = await getRow(db, 'xMatrices', item.matrixId);
        return { organisationId: await organisationOf(matrix.unitId), key: nodeKey('item', id) };
      }
    }
  }

  return {
    async strategyMap(organisationId: string): Promise<StrategyMap> {
      const input = await loadGraphInput(organisationId);
      return {
        organisationId,
        ...buildStrategyGraph(input),
        orphans: [...findOkrOrphans(input), ...findMatrixOrphans(input)],
      };
    },

    async trace(kind: TraceKind, id: string): Promise<Trace> {
      const { organisationId, key } = await locate(kind, id);
      const trace = traceNode(buildStrategyGraph(await loadGraphInput(organisationId)), key);
      if (!trace) throw new DomainError('not_found', `No ${kind} with id ${id}`, { kind, id });
      return trace;
    },

    async organisationOrphans(organisationId: string): Promise<Orphan[]> {
      const input = await loadGraphInput(organisationId);
      return [...findOkrOrphans(input), ...findMatrixOrphans(input)];
    },

    /**
     * A matrix's own orphans, and its unit's OKRs that nothing in the units below supports. The
     * first read only that matrix (its grids are most of the cost) and are kept until it changes;
     * the second read the items of every matrix below, so they are found afresh each time.
     */
    async matrixOrphans(matrixId: string): Promise<Orphan[]> {
      const matrix = await getRow(db, 'xMatrices', matrixId);
      const unit = await getRow(db, 'units', matrix.unitId);
      const [input, own] = await Promise.all([
        loadGraphInput(unit.organisationId, false),
        memo.get(
          `matrix-orphans:${matrixId}`,
          () => matrixId,
          async () => {
            const [items, correlations, ownerships] = await Promise.all([
              itemsOfMatrices(db, [matrixId]),
              marksOfMatrices(db, [matrixId]),
              primaryOwnerships([matrixId]),
            ]);
            return findMatrixOrphans({ matrices: [matrix], items, correlations, ownerships });
          },
        ),
      ]);
      return [...findOkrOrphans(input).filter((orphan) => orphan.unitId === unit.id), ...own];
    },
  };
}
