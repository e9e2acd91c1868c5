import type { RoleAssignment, User } from '../../contracts';
import type { Row } from '../db/versioned';

export function presentUser(row: Row<'users'>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isSiteAdmin: row.isSiteAdmin,
    disabled: row.disabledAt !== null,
    hasPassword: row.passwordHash !== null,
    sso: row.oidcSubject !== null,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

export function presentRoleAssignment(
  row: Row<'roleAssignments'> & { userName: string; userEmail: string },
): RoleAssignment {
  return {
    id: row.id,
    organisationId: row.organisationId,
    unitId: row.unitId,
    userId: row.userId,
    userName: row.userName,
    userEmail: row.userEmail,
    role: row.role,
    version: row.version,
  };
}
