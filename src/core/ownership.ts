import { DomainError } from './errors';

/** Roles in the Who grid: exactly one primary ● per initiative, any number of secondary ○. */
export const OWNERSHIP_ROLES = ['primary', 'secondary'] as const;
export type OwnershipRole = (typeof OWNERSHIP_ROLES)[number];

/** How a Who cell shows its role, on screen and on paper. */
export const ROLE_SYMBOL: Record<OwnershipRole, string> = { primary: '●', secondary: '○' };

/**
 * The click cycle of a Who cell, strongest first like the correlation grids: blank → ● primary →
 * ○ secondary → blank. The cycle itself ignores other owners; {@link assertSinglePrimary} (and the
 * web, before it sends) refuses a second primary.
 */
export function nextRole(current: OwnershipRole | null): OwnershipRole | null {
  switch (current) {
    case null:
      return 'primary';
    case 'primary':
      return 'secondary';
    case 'secondary':
      return null;
  }
}

/** Why an initiative cannot take a second primary owner, in words, naming both by title. */
export function secondPrimaryMessage(initiativeTitle: string, primaryOwnerTitle: string): string {
  return `“${initiativeTitle}” already has a primary owner, ${primaryOwnerTitle}: an initiative has exactly one. Make ${primaryOwnerTitle} secondary or remove them first`;
}

export interface Ownership {
  initiativeId: string;
  whoId: string;
  role: OwnershipRole;
}

/**
 * Checks that setting `change` keeps at most one primary owner on its initiative.
 * `titleOf` names items in the message (their ids when it is not given).
 * @throws DomainError `primary_owner_conflict` naming the current primary owner.
 */
export function assertSinglePrimary(
  existing: readonly Ownership[],
  change: Ownership,
  titleOf: (itemId: string) => string = (itemId) => itemId,
): void {
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
      secondPrimaryMessage(titleOf(change.initiativeId), titleOf(otherPrimary.whoId)),
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
