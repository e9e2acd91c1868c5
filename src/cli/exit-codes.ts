import type { ErrorCode } from '../core/errors';

/**
 * The CLI's exit codes, one per error family, so scripts and CI can tell a bad input (2) from
 * a missing thing (3), a conflict (4: a store another process holds is one), a broken rule of the domain (5), or a refused credential or
 * an action the actor may not take (6). 1 is an unexpected failure.
 */
export const EXIT_CODES: Record<ErrorCode, number> = {
  validation_failed: 2,
  not_found: 3,
  version_conflict: 4,
  already_exists: 4,
  cycle_locked: 4,
  cycle_closed: 4,
  invariant_violated: 5,
  not_adjacent: 5,
  primary_owner_conflict: 5,
  inconsistent_target: 5,
  unauthorized: 6,
  forbidden: 6,
  illegal_transition: 4,
  rate_limited: 6,
  store_locked: 4,
  import_in_progress: 4,
};

export const EXIT_UNEXPECTED = 1;

/** `catchball check`: the plan is valid but a publish gate failed (a lint error or a target below --min-probability). */
export const EXIT_GATES_FAILED = 7;
