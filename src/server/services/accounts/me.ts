import type { Me } from '../../../contracts';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';

/**
 * The signed-in user as the web app needs it: the organisations they belong to (by a role or as
 * a person of it), their person there and their roles, organisation-wide ones first.
 */
export async function loadMe(db: Db, userId: string): Promise<Me> {
  const [user, grants, people] = await Promise.all([
    getRow(db, 'users', userId),
    db
      .selectFrom('roleAssignments')
      .select(['organisationId', 'unitId', 'role'])
      .where('userId', '=', userId)
      .orderBy('unitId', (ob) => ob.asc().nullsFirst())
      .execute(),
    db.selectFrom('people').select(['id', 'organisationId']).where('userId', '=', userId).execute(),
  ]);
  const organisationIds = [...new Set([...grants, ...people].map((row) => row.organisationId))];
  const organisations =
    organisationIds.length === 0
      ? []
      : await db
          .selectFrom('organisations')
          .select(['id', 'name'])
          .where('id', 'in', organisationIds)
          .orderBy('name')
          .execute();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isSiteAdmin: user.isSiteAdmin,
    language: user.language,
    organisations: organisations.map((organisation) => ({
      id: organisation.id,
      name: organisation.name,
      personId: people.find((person) => person.organisationId === organisation.id)?.id ?? null,
      roles: grants
        .filter((grant) => grant.organisationId === organisation.id)
        .map((grant) => ({ unitId: grant.unitId, role: grant.role })),
    })),
  };
}
