import type { AccessFixture } from './fixture';
import type { Caller, Check } from './policy';

/** What a case sends: path params, query, and a JSON body or a raw payload with its type. */
export interface CaseRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  payload?: string | Buffer;
  contentType?: string;
}

/**
 * One route's case: a request that succeeds for an administrator, on a target in the unit cso
 * (or the organisation), and what it needs. Adding a route is one entry `'METHOD /url': { req }`.
 */
export interface Case {
  /** Built afresh for every caller (so versions are current and throwaways exist). */
  req: (f: AccessFixture) => Promise<CaseRequest> | CaseRequest;
  /** What the request needs; default: the route's declared need on unit cso. */
  checks?: (need: Check['need']) => Check[];
  /** Replaces the computed expectation where a handler decides beyond the rule (say why beside it). */
  only?: (caller: Caller) => boolean;
  /**
   * Who has no standing in the target's organisation, and so is answered as if the target did not
   * exist; default: the callers of the other organisation.
   */
  outsider?: (caller: Caller) => boolean;
  /** Statuses the site administrator may get; default: the route's success status. */
  ok?: number[];
}

export type Cases = Record<string, Case>;

/** The route's need on one unit (owners: who owns the item acted on). */
export const onUnit =
  (unit: string, owners?: string[]) =>
  (need: Check['need']): Check[] => [{ need, unit, ...(owners ? { owners } : {}) }];
/** The route's need on a person of unit `unit` (a token sees only its subtree's people). */
export const onPersonIn =
  (unit: string) =>
  (need: Check['need']): Check[] => [{ need, unit, personal: true }];
/** The route's need on the organisation itself. */
export const onOrganisation = (need: Check['need']): Check[] => [{ need, unit: null }];
/** Read on the source unit, the route's need on the target unit. */
export const fromTo =
  (from: string, to: string) =>
  (need: Check['need']): Check[] => [
    { need: 'read', unit: from },
    { need, unit: to },
  ];

/** The query a versioned write sends: the row's current version. */
export const versionQuery = async (
  f: AccessFixture,
  table: Parameters<AccessFixture['version']>[0],
  id: string,
): Promise<Record<string, string>> => ({ version: String(await f.version(table, id)) });

/**
 * The request of a DELETE case on a throwaway row of `table`: `make` creates one as the site
 * administrator (and answers its id) for the first caller, and again once a caller removed it;
 * the request sends the row's current version.
 */
export const onThrowaway =
  (table: Parameters<AccessFixture['version']>[0], make: (f: AccessFixture, n: number) => Promise<string>) =>
  async (f: AccessFixture): Promise<CaseRequest> => {
    const id = await f.spare(
      table,
      (id) => f.exists(table, id),
      (n) => make(f, n),
    );
    return { params: { id }, query: await versionQuery(f, table, id) };
  };
