import { orientCorrelation } from '../../../core/correlation';
import { validationError, type Issue } from '../../../core/errors';
import { defaultMonthlyPlan } from '../../../core/matrix-item';
import { prefillCorrelations, proposeTranslation, type ParentObjective } from '../../../core/translate';
import { checkProposal } from '../../../core/translate-check';
import type { MatrixPart } from '../../../core/x-matrix-parts';
import type { TranslationProposal, TranslationResult, TranslationScope } from '../../../contracts';
import { peopleOfOrganisation, unitsOfOrganisation } from '../../db/repositories/organisation.repository';
import { itemsOfMatrices } from '../../db/repositories/matrix.repository';
import type { Db } from '../../db/store';
import { getRow, nextPosition, toJson, type Row } from '../../db/versioned';
import { newId } from '../../ids';
import { createMatricesService } from '../matrix/matrices.service';
import { createOkrsService } from './okrs.service';
import { blankItem, ensureMatrix } from '../matrix/matrix-writes';
import { unitBelow } from '../structure/references';
import { snapshotSources } from '../matrix/source-links';

type Scope = Pick<TranslationScope, 'fromUnitId' | 'toUnitId' | 'cycleId'>;

/**
 * Translation of a parent unit's OKRs into a child unit's X-matrix: a proposal to edit, grid
 * marks re-filled after edits, and apply, which writes the whole proposal in one transaction.
 */
export function createTranslationService(db: Db) {
  const matrices = createMatricesService(db);
  const okrs = createOkrsService(db);

  /**
   * Both units and the cycle exist in one organisation, and the child sits below the parent.
   * @throws `not_found` for an unknown parent unit; `validation_failed` naming the field otherwise.
   */
  async function checkScope(scope: Scope) {
    const fromUnit = await getRow(db, 'units', scope.fromUnitId);
    const organisation = await getRow(db, 'organisations', fromUnit.organisationId);
    const cycle = await db
      .selectFrom('cycles')
      .selectAll()
      .where('id', '=', scope.cycleId)
      .executeTakeFirst();
    const issues: Issue[] = [];
    const below = await unitBelow(db, fromUnit, scope.toUnitId, 'toUnitId');
    if ('issue' in below) issues.push(below.issue);
    if (!cycle || cycle.organisationId !== organisation.id)
      issues.push({
        path: 'cycleId',
        message: `no cycle with id ${scope.cycleId} in organisation ${organisation.id}`,
      });
    if (issues.length > 0 || 'issue' in below || !cycle)
      throw validationError(issues, 'The translation cannot be made');
    return { fromUnit, toUnit: below.unit, cycle, organisation };
  }

  /** The parent's objectives for the cycle with their key results, in display order. */
  function parentOkrs(scope: Scope): Promise<ParentObjective[]> {
    return okrs.listByUnit(scope.fromUnitId, scope.cycleId);
  }

  /** People and teams an edited proposal names must belong to the organisation. */
  async function checkReferences(proposal: TranslationProposal, organisationId: string): Promise<Issue[]> {
    const [people, units] = await Promise.all([
      peopleOfOrganisation(db, organisationId),
      unitsOfOrganisation(db, organisationId),
    ]);
    const personIds = new Set(people.map((p) => p.id));
    const unitIds = new Set(units.map((u) => u.id));
    const issues: Issue[] = [];
    const check = (ids: Set<string>, id: string | null, path: string, kind: string) => {
      if (id !== null && !ids.has(id))
        issues.push({ path, message: `no ${kind} with id ${id} in organisation ${organisationId}` });
    };
    proposal.howMuch.forEach((kpi, i) => check(personIds, kpi.ownerId, `howMuch[${i}].ownerId`, 'person'));
    proposal.who.forEach((who, i) => {
      check(personIds, who.personId, `who[${i}].personId`, 'person');
      check(unitIds, who.teamUnitId, `who[${i}].teamUnitId`, 'unit');
    });
    return issues;
  }

  return {
    /** Proposes the child's matrix from the parent's OKRs for the cycle. */
    async preview(scope: TranslationScope): Promise<TranslationProposal> {
      const { cycle, organisation } = await checkScope(scope);
      const objectives = await parentOkrs(scope);
      if (objectives.length === 0)
        throw validationError(
          [{ path: 'cycleId', message: `${scope.fromUnitId} has no objectives in cycle ${scope.cycleId}` }],
          'There is nothing to translate',
        );
      const [people, unit] = await Promise.all([
        db
          .selectFrom('people')
          .select('id')
          .where('unitId', '=', scope.toUnitId)
          .orderBy('position')
          .execute(),
        getRow(db, 'units', scope.toUnitId),
      ]);
      // The unit's owner carries its work even when their person record sits in another unit
      // (the CSO is on the CIO's team): first in the Who block, ticked in the wizard.
      const whoIds = [...new Set([...(unit.ownerId ? [unit.ownerId] : []), ...people.map((p) => p.id)])];
      const year = scope.year ?? cycle.year;
      return proposeTranslation(
        { ...scope, year, horizonYears: organisation.horizonYears },
        objectives,
        whoIds,
      );
    },

    /** The proposal with its grid marks re-filled from the source links (the client's marks are kept). */
    async prefill(proposal: TranslationProposal): Promise<TranslationProposal> {
      await checkScope(proposal);
      return { ...proposal, correlations: prefillCorrelations(proposal, await parentOkrs(proposal)) };
    },

    /**
     * Writes an edited proposal into the child's matrix for the year, creating the matrix or
     * extending it, in one transaction: items (each with its source link and a snapshot of the
     * source), grid marks and owners. Nothing is written when any check fails.
     */
    async apply(proposal: TranslationProposal): Promise<TranslationResult> {
      const { toUnit, organisation } = await checkScope(proposal);
      const issues = [
        ...checkProposal(proposal, await parentOkrs(proposal)),
        ...(await checkReferences(proposal, organisation.id)),
      ];
      if (issues.length > 0) throw validationError(issues, 'The translation cannot be applied');

      const outcome = await db.transaction().execute(async (trx) => {
        const { id: matrixId, created } = await ensureMatrix(trx, toUnit.id, proposal.year);
        const current = await itemsOfMatrices(trx, [matrixId]);
        const itemIds: Record<string, string> = {};
        const parts = new Map<string, MatrixPart>();
        const inserted: Row<'matrixItems'>[] = [];

        const insert = async (
          part: MatrixPart,
          key: string,
          values: Partial<Row<'matrixItems'>> & { title: string },
        ) => {
          const position =
            nextPosition(current.filter((item) => item.part === part)) +
            inserted.filter((i) => i.part === part).length;
          const row = await trx
            .insertInto('matrixItems')
            .values({
              ...blankItem(newId(part.replace('_', '')), matrixId, part, position),
              ...values,
              requiredSkills: toJson([]),
              monthlyPlan: toJson(values.monthlyPlan ?? null),
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          inserted.push(row);
          itemIds[key] = row.id;
          parts.set(key, part);
        };

        // The proposal's fields carry over as they are: its lists hold only what each part uses.
        const { what, howFar, how, howMuch } = proposal;
        const withoutKey = <T extends { key: string }>({ key: _key, ...fields }: T) => fields;
        // Merged objectives shaped the grid marks; the item stores its one source objective.
        for (const { mergedObjectiveIds: _merged, ...item } of what)
          await insert('what', item.key, withoutKey(item));
        for (const item of howFar) await insert('how_far', item.key, withoutKey(item));
        for (const item of how) await insert('how', item.key, withoutKey(item));
        for (const kpi of howMuch)
          await insert('how_much', kpi.key, {
            ...withoutKey(kpi),
            monthlyPlan: defaultMonthlyPlan(kpi.baseline, kpi.target),
          });
        const names = new Map(
          [
            ...(await peopleOfOrganisation(trx, organisation.id)),
            ...(await unitsOfOrganisation(trx, organisation.id)),
          ].map((row) => [row.id, row.name]),
        );
        for (const who of proposal.who) {
          // A person or team already in the Who block is reused rather than listed twice.
          const same = current.find(
            (item) =>
              item.part === 'who' && item.personId === who.personId && item.teamUnitId === who.teamUnitId,
          );
          if (same) {
            itemIds[who.key] = same.id;
            parts.set(who.key, 'who');
          } else
            await insert('who', who.key, {
              title: names.get(who.personId ?? who.teamUnitId ?? '') ?? '',
              personId: who.personId,
              teamUnitId: who.teamUnitId,
            });
        }

        const cells = new Map<
          string,
          {
            grid: Row<'correlations'>['grid'];
            fromId: string;
            toId: string;
            strength: Row<'correlations'>['strength'];
          }
        >();
        for (const mark of proposal.correlations) {
          const a = { id: itemIds[mark.from] ?? '', part: parts.get(mark.from) ?? 'who' };
          const b = { id: itemIds[mark.to] ?? '', part: parts.get(mark.to) ?? 'who' };
          const { grid, from, to } = orientCorrelation(a, b);
          cells.set(`${from.id}|${to.id}`, { grid, fromId: from.id, toId: to.id, strength: mark.strength });
        }
        for (const cell of cells.values())
          await trx
            .insertInto('correlations')
            .values({ id: newId('cor'), matrixId, ...cell })
            .execute();
        for (const owner of proposal.owners)
          await trx
            .insertInto('ownerships')
            .values({
              id: newId('own'),
              matrixId,
              initiativeId: itemIds[owner.initiative] ?? '',
              whoId: itemIds[owner.who] ?? '',
              role: owner.role,
            })
            .execute();
        await snapshotSources(trx, inserted);
        const count = (part: MatrixPart) => inserted.filter((item) => item.part === part).length;
        return {
          matrixId,
          createdMatrix: created,
          itemIds,
          counts: {
            what: count('what'),
            howFar: count('how_far'),
            how: count('how'),
            howMuch: count('how_much'),
            who: count('who'),
            correlations: cells.size,
            owners: proposal.owners.length,
          },
        };
      });
      return { ...outcome, view: await matrices.view(outcome.matrixId) };
    },
  };
}
