import { DomainError } from './errors';

/** Roles in the Who grid: exactly one primary ● per initiative, any number of secondary ○. */
export const OWNERSHIP_ROLES = ['primary', 'secondary'] as const;
export type OwnershipRole = (typeof OWNERSHIP_ROLES)[number];

/** How a Who cell shows its role, on screen and on paper. */
export const ROLE_SYMBOL: Record<OwnershipRole, string> = { primary: '●', secondary: '○' };

/**
 * The click cycle of a Who cell: blank → ○ secondary → ● primary → blank. ● is skipped (straight
 * to blank) when the initiative already has another primary owner, since {@link assertSinglePrimary}
 * refuses a second one.
 */
export function nextRole(current: OwnershipRole | null, hasOtherPrimary: boolean): OwnershipRole | null {
  switch (current) {
    case null:
      return 'secondary';
    case 'secondary':
      return hasOtherPrimary ? null : 'primary';
    case 'primary':
      return null;
  }
}

export interface Ownership {
  initiativeId: string;
  whoId: string;
  role: OwnershipRole;
}

/**
 * Checks that setting `change` keeps at most one primary owner on its initiative.
 * @throws DomainError `primary_owner_conflict` naming the current primary owner.
 */
export function assertSinglePrimary(existing: readonly Ownership[], change: Ownership): void {
  if (change.role !== 'primary') return;
  const otherPrimary = existing.find(
    (ownership) =>
      ownership.initiativeId === change.initiativeId &&
      ownership.role === 'primary' &&
      ownership.whoId !== change.whoId,
  );
  if (otherPrimary) {
    throw new DomainError(
      'primary_owner_conflict',
      `Initiative ${change.initiativeId} already has a primary owner (${otherPrimary.whoId}); make that one secondary or remove it first`,
      { initiativeId: change.initiativeId, primaryWhoId: otherPrimary.whoId },
    );
  }
}

/** Lists initiatives (of those given) that lack a primary owner or have more than one. */
export function findOwnershipProblems(
  initiativeIds: readonly string[],
  ownerships: readonly Ownership[],
): { initiativeId: string; primaryCount: number }[] {
  return initiativeIds
    .map((initiativeId) => ({
      initiativeId,
      primaryCount: ownerships.filter((o) => o.initiativeId === initiativeId && o.role === 'primary').length,
    }))
    .filter((entry) => entry.primaryCount !== 1);
}
