import { sql } from 'kysely';
import { DomainError } from '../../../core/errors';
import type {
  CreateRoleAssignmentInput,
  GrantedRole,
  RoleAssignment,
  UpdateRoleAssignmentInput,
} from '../../../contracts';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import { newId } from '../../ids';
import { presentRoleAssignment } from '../../presenters/account.presenter';
import { assertInOrganisation } from '../structure/references';
import { findOrInviteUser } from './users.service';

type Executor = Pick<Db, 'selectFrom'>;

/** Roles of users on units (or whole organisations). Who may grant what is the route's access rule. */
export function createRolesService(db: Db) {
  const withUser = (executor: Executor) =>
    executor
      .selectFrom('roleAssignments')
      .innerJoin('users', 'users.id', 'roleAssignments.userId')
      .selectAll('roleAssignments')
      .select(['users.name as userName', 'users.email as userEmail']);

  async function load(executor: Executor, id: string): Promise<RoleAssignment> {
    const row = await withUser(executor).where('roleAssignments.id', '=', id).executeTakeFirst();
    if (!row)
      throw new DomainError('not_found', `No role assignment with id ${id}`, { kind: 'role assignment', id });
    return presentRoleAssignment(row);
  }

  /**
   * Runs `change` with the organisation's role writes serialised, then refuses it if the
   * organisation would be left without an organisation-wide admin (while it had one).
   */
  async function keepingAnAdmin<T>(organisationId: string, change: (trx: Db) => Promise<T>): Promise<T> {
    return db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`catchball_roles:${organisationId}`}))`.execute(trx);
      const result = await change(trx);
      const admin = await trx
        .selectFrom('roleAssignments')
        .select('id')
        .where('organisationId', '=', organisationId)
        .where('unitId', 'is', null)
        .where('role', '=', 'admin')
        .limit(1)
        .executeTakeFirst();
      if (!admin)
        throw new DomainError(
          'invariant_violated',
          `This is the last organisation-wide admin of ${organisationId}; make someone else admin first`,
          { organisationId },
        );
      return result;
    });
  }

  const isOrgAdmin = (row: { unitId: string | null; role: string }): boolean =>
    row.unitId === null && row.role === 'admin';

  const service = {
    async listByOrganisation(organisationId: string): Promise<RoleAssignment[]> {
      const rows = await withUser(db)
        .where('roleAssignments.organisationId', '=', organisationId)
        .orderBy('roleAssignments.unitId', (ob) => ob.asc().nullsFirst())
        .orderBy('users.email')
        .execute();
      return rows.map(presentRoleAssignment);
    },

    /**
     * Gives a user (found by e-mail address, or created with an invitation) a role on a unit or
     * the whole organisation; a user who already has a role there gets this one instead.
     */
    async grant(input: CreateRoleAssignmentInput, baseUrl: string): Promise<GrantedRole> {
      if (input.unitId !== null)
        await assertInOrganisation(db, 'units', input.unitId, input.organisationId, 'body.unitId');
      const { userId, inviteUrl } = await findOrInviteUser(db, input, baseUrl);
      const existing = await db
        .selectFrom('roleAssignments')
        .selectAll()
        .where('userId', '=', userId)
        .where('organisationId', '=', input.organisationId)
        .where((eb) => (input.unitId === null ? eb('unitId', 'is', null) : eb('unitId', '=', input.unitId)))
        .executeTakeFirst();
      if (!existing) {
        const id = newId('role');
        await db
          .insertInto('roleAssignments')
          .values({
            id,
            organisationId: input.organisationId,
            unitId: input.unitId,
            userId,
            role: input.role,
          })
          .execute();
        return { assignment: await load(db, id), inviteUrl };
      }
      if (existing.role === input.role) return { assignment: await load(db, existing.id), inviteUrl };
      const assignment = await service.update(existing.id, { version: existing.version, role: input.role });
      return { assignment, inviteUrl };
    },

    /** Changes a role, version-checked. @throws DomainError `invariant_violated` for the last org-wide admin. */
    async update(id: string, input: UpdateRoleAssignmentInput): Promise<RoleAssignment> {
      const current = await getRow(db, 'roleAssignments', id);
      const change = async (trx: Db): Promise<void> => {
        const row = await trx
          .updateTable('roleAssignments')
          .set({ role: input.role, version: sql<number>`version + 1`, updatedAt: sql<string>`now()` })
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returning('id')
          .executeTakeFirst();
        if (!row) throw await conflict(trx, id, input.version);
      };
      if (isOrgAdmin(current) && input.role !== 'admin') await keepingAnAdmin(current.organisationId, change);
      else await change(db);
      return load(db, id);
    },

    /** Removes a role, version-checked. @throws DomainError `invariant_violated` for the last org-wide admin. */
    async remove(id: string, version: number): Promise<void> {
      const current = await getRow(db, 'roleAssignments', id);
      const change = async (trx: Db): Promise<void> => {
        const result = await trx
          .deleteFrom('roleAssignments')
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (result.numDeletedRows === 0n) throw await conflict(trx, id, version);
      };
      if (isOrgAdmin(current)) await keepingAnAdmin(current.organisationId, change);
      else await change(db);
    },
  };
  return service;

  async function conflict(executor: Executor, id: string, version: number): Promise<DomainError> {
    const current = await load(executor, id);
    return new DomainError(
      'version_conflict',
      `The role assignment ${id} was changed by someone else (you sent version ${version}, it is now at ${current.version}); nothing was changed`,
      { current },
    );
  }
}

export type RolesService = ReturnType<typeof createRolesService>;
