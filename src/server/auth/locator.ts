import type { Need } from '../../core/access';
import { DomainError, validationError } from '../../core/errors';
import type { Db } from '../db/store';
import { notFound } from '../errors';

/** Where something lives, for the access check: its organisation, its unit (null: organisation level) and its owners. */
export interface Scope {
  organisationId: string;
  unitId: string | null;
  /** People who own the item; a contributor may act on it only when they are one. */
  ownerPersonIds?: string[];
  /** What this scope needs when it differs from the route's (read the source, edit the target). */
  need?: Need;
  /** The target is about people (a person, a role): a unit API token sees it only inside its subtree. */
  isPersonal?: boolean;
  /**
   * The error of an id that does not exist, for a caller who may not learn that this one does
   * (no standing in its organisation): the same answer, so ids cannot be probed across tenants.
   */
  missing?: () => DomainError;
}

const missing = (what: string, id: string): DomainError => notFound(what, id);
/** The scope of the entity `what` `id`, answering like a missing one to those who may not know of it. */
const found = <S extends Scope>(what: string, id: string, scope: S): S => ({
  ...scope,
  missing: () => missing(what, id),
});

const present = (ids: (string | null | undefined)[]): string[] =>
  ids.filter((id): id is string => typeof id === 'string');

/**
 * Finds the scope of an entity by id, one indexed query each. Every route declares which of
 * these its access check uses; a missing entity is a 404 before any role is weighed.
 */
export function createLocator(db: Db) {
  const locator = {
    /**
     * Locates an entity that the request body refers to: a missing one is the body's fault, a
     * `validation_failed` naming the field, not a 404 of the route.
     */
    async referenced<S extends Scope>(field: string, find: () => Promise<S>): Promise<S> {
      const ofField = (error: unknown): unknown =>
        error instanceof DomainError && error.code === 'not_found'
          ? validationError([{ path: field, message: error.message.replace(/^No/, 'no') }])
          : error;
      let scope: S;
      try {
        scope = await find();
      } catch (error) {
        throw ofField(error);
      }
      const hidden = scope.missing;
      return hidden ? { ...scope, missing: () => ofField(hidden()) as DomainError } : scope;
    },

    async organisation(id: string): Promise<Scope> {
      const row = await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst();
      if (!row) throw missing('organisation', id);
      return found('organisation', id, { organisationId: row.id, unitId: null });
    },

    async unit(id: string): Promise<Scope> {
      const row = await db
        .selectFrom('units')
        .select(['id', 'organisationId'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw missing('unit', id);
      return found('unit', id, { organisationId: row.organisationId, unitId: row.id });
    },

    /** A unit's parent, or the organisation for a root unit: where creating or deleting it is decided. */
    async parentOfUnit(id: string): Promise<Scope> {
      const row = await db
        .selectFrom('units')
        .select(['parentId', 'organisationId'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw missing('unit', id);
      return found('unit', id, { organisationId: row.organisationId, unitId: row.parentId });
    },

    async person(id: string): Promise<Scope> {
      const row = await db
        .selectFrom('people')
        .select(['organisationId', 'unitId'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw missing('person', id);
      return found('person', id, {
        organisationId: row.organisationId,
        unitId: row.unitId,
        ownerPersonIds: [id],
        isPersonal: true,
      });
    },

    async cycle(id: string): Promise<Scope> {
      const row = await db
        .selectFrom('cycles')
        .select('organisationId')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw missing('cycle', id);
      return found('cycle', id, { organisationId: row.organisationId, unitId: null });
    },

    async objective(id: string): Promise<Scope> {
      const row = await db
        .selectFrom('objectives')
        .innerJoin('units', 'units.id', 'objectives.unitId')
        .select(['units.organisationId', 'objectives.unitId'])
        .where('objectives.id', '=', id)
        .executeTakeFirst();
      if (!row) throw missing('objective', id);
      return found('objective', id, { organisationId: row.organisationId, unitId: row.unitId });
    },

    async keyResult(id: string): Promise<Scope> {
      const row = await db
        .selectFrom('keyResults')
        .innerJoin('objectives', 'objectives.id', 'keyResults.objectiveId')
        .innerJoin('units', 'units.id', 'objectives.unitId')
        .select(['units.organisationId', 'objectives.unitId', 'keyResults.ownerId'])
        .where('keyResults.id', '=', id)
        .executeTakeFirst();
      if (!row) throw missing('key result', id);
      return found('key result', id, {
        organisationId: row.organisationId,
        unitId: row.unitId,
        ownerPersonIds: present([row.ownerId]),
      });
    },

    async matrix(id: string): Promise<Scope> {
      const row = await db
        .selectFrom('xMatrices')
        .innerJoin('units', 'units.id', 'xMatrices.unitId')
        .select(['units.organisationId', 'xMatrices.unitId'])
        .where('xMatrices.id', '=', id)
        .executeTakeFirst();
      if (!row) throw missing('X-matrix', id);
      return found('X-matrix', id, { organisationId: row.organisationId, unitId: row.unitId });
    },

    /** A matrix item; its owners are the KPI's owner and the people of the initiative's Who cells. */
    async matrixItem(id: string): Promise<Scope> {
      const row = await db
        .selectFrom('matrixItems')
        .innerJoin('xMatrices', 'xMatrices.id', 'matrixItems.matrixId')
        .innerJoin('units', 'units.id', 'xMatrices.unitId')
        .select(['units.organisationId', 'xMatrices.unitId', 'matrixItems.ownerId', 'matrixItems.personId'])
        .where('matrixItems.id', '=', id)
        .executeTakeFirst();
      if (!row) throw missing('matrix item', id);
      const whoPeople = await db
        .selectFrom('ownerships')
        .innerJoin('matrixItems as who', 'who.id', 'ownerships.whoId')
        .select('who.personId')
        .where('ownerships.initiativeId', '=', id)
        .execute();
      return found('matrix item', id, {
        organisationId: row.organisationId,
        unitId: row.unitId,
        ownerPersonIds: present([row.ownerId, row.personId, ...whoPeople.map((who) => who.personId)]),
      });
    },

    /** The subject of a check-in: a key result or a KPI, by whichever id is given. */
    async checkInSubject(subject: {
      keyResultId?: string | null;
      kpiItemId?: string | null;
    }): Promise<Scope> {
      if (subject.keyResultId) return locator.keyResult(subject.keyResultId);
      if (subject.kpiItemId) return locator.matrixItem(subject.kpiItemId);
      throw new DomainError('validation_failed', 'Name the key result (keyResultId) or the KPI (kpiItemId)', {
        issues: [{ path: 'body.keyResultId', message: 'a key result or a KPI is required' }],
      });
    },

    async checkIn(id: string): Promise<Scope> {
      const row = await db
        .selectFrom('checkIns')
        .select(['keyResultId', 'kpiItemId'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw missing('check-in', id);
      return found('check-in', id, await locator.checkInSubject(row));
    },

    async countermeasure(id: string): Promise<Scope> {
      const row = await db
        .selectFrom('countermeasures')
        .select(['kpiItemId', 'ownerId'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw missing('countermeasure', id);
      const kpi = await locator.matrixItem(row.kpiItemId);
      return found('countermeasure', id, {
        ...kpi,
        ownerPersonIds: present([row.ownerId, ...(kpi.ownerPersonIds ?? [])]),
      });
    },

    async impact(id: string): Promise<Scope> {
      const row = await db
        .selectFrom('initiativeImpacts')
        .select('matrixId')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw missing('impact', id);
      return found('impact', id, await locator.matrix(row.matrixId));
    },

    async effort(id: string): Promise<Scope> {
      const row = await db
        .selectFrom('initiativeEfforts')
        .select('matrixId')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw missing('effort', id);
      return found('effort', id, await locator.matrix(row.matrixId));
    },

    async scenario(id: string): Promise<Scope> {
      const row = await db
        .selectFrom('whatIfScenarios')
        .select('matrixId')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw missing('what-if scenario', id);
      return found('what-if scenario', id, await locator.matrix(row.matrixId));
    },

    /** A proposal lives with the child unit that threw it; the parent's side is checked by the service. */
    async proposal(id: string): Promise<Scope & { parentUnitId: string }> {
      const row = await db
        .selectFrom('catchballProposals')
        .select(['organisationId', 'childUnitId', 'parentUnitId'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw missing('proposal', id);
      return found('proposal', id, {
        organisationId: row.organisationId,
        unitId: row.childUnitId,
        parentUnitId: row.parentUnitId,
      });
    },

    async webhook(id: string): Promise<Scope> {
      const row = await db
        .selectFrom('webhooks')
        .select(['organisationId', 'unitId'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw missing('webhook', id);
      return found('webhook', id, { organisationId: row.organisationId, unitId: row.unitId });
    },

    async apiToken(id: string): Promise<Scope> {
      const row = await db
        .selectFrom('unitApiTokens')
        .innerJoin('units', 'units.id', 'unitApiTokens.unitId')
        .select(['units.organisationId', 'unitApiTokens.unitId'])
        .where('unitApiTokens.id', '=', id)
        .executeTakeFirst();
      if (!row) throw missing('API token', id);
      return found('API token', id, { organisationId: row.organisationId, unitId: row.unitId });
    },

    async roleAssignment(id: string): Promise<Scope> {
      const row = await db
        .selectFrom('roleAssignments')
        .select(['organisationId', 'unitId'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw missing('role assignment', id);
      return found('role assignment', id, {
        organisationId: row.organisationId,
        unitId: row.unitId,
        isPersonal: true,
      });
    },
  };
  return locator;
}

export type Locator = ReturnType<typeof createLocator>;
