/**
 * Typed HTTP client for the Catchball API. One function per endpoint; every function resolves with the
 * contract type of the response or rejects with an {@link ApiError} carrying the server's error body.
 * The web app never imports server code: the contract types in src/contracts are its only shared code.
 */
import type {
  CreateCheckInInput,
  UpdateKeyResultInput,
  CreateCountermeasureInput,
  UpdateCountermeasureInput,
  CreateProposalInput,
  ProposalStepInput,
  Correlation,
  CreateMatrixItemInput,
  MatrixItem,
  Ownership,
  UpdateMatrixItemInput,
} from '../contracts';
import {
  endpointUrl,
  toHttpRequest,
  type Endpoint,
  type EndpointArgs,
  type EndpointRequest,
  type EndpointResponse,
} from '../contracts/endpoint';
import {
  audit,
  bowling,
  catchball,
  checkIns,
  dashboard,
  execution,
  feasibility,
  forecast,
  matrices,
  okrs,
  organisations,
} from '../contracts/endpoints';
import { i18n } from './i18n/i18n';

/** The five parts of an X-matrix: what (south), how_far (west), how (north), how_much (east), who. */
export type MatrixPart = MatrixItem['part'];
/** Strength of a corner-grid cell: strong ●, medium ○, weak △. */
export type CorrelationStrength = Correlation['strength'];
/** Role in the Who grid: primary ● (exactly one per initiative) or secondary ○. */
export type OwnershipRole = Ownership['role'];

/** A failed API call: `code` is the server's stable error code (`version_conflict`, `not_found`, …). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True for a 409 `version_conflict`: someone else changed the entity since it was read. */
  get isConflict(): boolean {
    return this.code === 'version_conflict';
  }
}

interface ErrorEnvelope {
  error?: { code?: string; message?: string; details?: unknown };
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

/**
 * The session's CSRF token: every write sent with the session cookie must echo it in
 * `x-csrf-token`. Set by the session provider when a session is known, cleared on sign-out.
 */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Headers a cookie-authenticated write needs (also used by the XHR uploads). */
export function csrfHeaders(method: string): Record<string, string> {
  return method !== 'GET' && method !== 'HEAD' && csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/**
 * Called when an API call answers 401 (the session ended or expired). Calls under `/api/auth/`
 * are left out: there a 401 means a wrong password or a bad link, which the form shows itself.
 */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/**
 * `keepalive`: the request outlives the page (sent from `pagehide`); the browser caps such bodies
 * at 64 KiB, which the writes sent that way stay far below.
 */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: { keepalive?: boolean } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        ...(body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' }),
        ...csrfHeaders(method),
      },
      body: body === undefined ? null : JSON.stringify(body),
      ...(options.keepalive ? { keepalive: true } : {}),
    });
  } catch (cause) {
    throw new ApiError(0, 'network_error', i18n.t('common:errors.network'), cause);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json: unknown = text ? safeParse(text) : undefined;
  if (response.status === 401 && !path.startsWith('/api/auth/')) unauthorizedHandler?.();
  if (!response.ok) {
    const envelope = (json ?? {}) as ErrorEnvelope;
    throw new ApiError(
      response.status,
      envelope.error?.code ?? `http_${response.status}`,
      envelope.error?.message ?? `${response.status} ${response.statusText}`,
      envelope.error?.details,
    );
  }
  return json as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Calls one endpoint declared in src/contracts/endpoints: the address, method and body come from
 * its declaration, the answer is typed as its response. Every API call of the web app goes
 * through here (uploads with progress use `toHttpRequest` with XHR, see api-uploads.ts).
 */
export function callEndpoint<E extends Endpoint>(
  endpoint: E,
  ...args: EndpointArgs<E>
): Promise<EndpointResponse<E>> {
  const http = toHttpRequest(endpoint, (args[0] ?? {}) as EndpointRequest<E>);
  return request<EndpointResponse<E>>(http.method, http.url, http.body);
}

export const enc = encodeURIComponent;

/** The organisations the caller belongs to (all of them for a site administrator). */
export const listOrganisations = () => callEndpoint(organisations.list);

export const getOrganisation = (id: string) => callEndpoint(organisations.get, { params: { id } });

/** Flat; build the tree from parentId, ordered by position. */
export const listUnits = (orgId: string) => callEndpoint(organisations.listUnits, { params: { id: orgId } });

export const listPeople = (orgId: string) =>
  callEndpoint(organisations.listPeople, { params: { id: orgId } });

export const listCycles = (orgId: string) =>
  callEndpoint(organisations.listCycles, { params: { id: orgId } });

/** The organisation's X-matrices whose unit the caller may read. */
export const listMatrices = (orgId: string) =>
  callEndpoint(organisations.listMatrices, { params: { id: orgId } });

/** A unit's objectives with their key results, for one cycle or all. */
export const listOkrs = (unitId: string, cycleId?: string) =>
  callEndpoint(okrs.listUnitOkrs, { params: { id: unitId }, query: { cycleId } });

/** Everything needed to draw and edit one X-matrix. */
export const getMatrixView = (unitId: string, year: number) =>
  callEndpoint(matrices.getUnitMatrix, { params: { unitId, year } });

/** Updates the True North statement. */
export const updateMatrix = (id: string, input: { version: number; trueNorth: string }) =>
  callEndpoint(matrices.update, { params: { id }, body: input });

/** The new item is appended at the end of its part. */
export const createItem = (matrixId: string, input: CreateMatrixItemInput) =>
  callEndpoint(matrices.createItem, { params: { id: matrixId }, body: input });

export const updateItem = (id: string, input: UpdateMatrixItemInput) =>
  callEndpoint(matrices.updateItem, { params: { id }, body: input });

/** Deletes the version read; its correlations and ownerships go with it. */
export const deleteItem = (id: string, version: number) =>
  callEndpoint(matrices.removeItem, { params: { id }, query: { version } });

/** {@link deleteItem} sent so that it completes after the page is gone (a tab closed mid-undo). */
export function deleteItemOnUnload(id: string, version: number): void {
  const http = toHttpRequest(matrices.removeItem, { params: { id }, query: { version } });
  request(http.method, http.url, http.body, { keepalive: true }).catch(() => undefined);
}

/** `ids` lists every item of the part in the new order. */
export const reorderItems = (matrixId: string, part: MatrixPart, ids: string[]) =>
  callEndpoint(matrices.reorderItems, { params: { id: matrixId, part }, body: { ids } });

/**
 * Sets one corner-grid cell; `strength: null` clears it. `version` is the version of the cell as
 * seen, or null for a blank cell. The server orients a/b.
 */
export const setCorrelation = (
  matrixId: string,
  input: { aId: string; bId: string; strength: CorrelationStrength | null; version: number | null },
) => callEndpoint(matrices.setCorrelation, { params: { id: matrixId }, body: input });

/** Sets one Who cell; `role: null` clears it. */
export const setOwnership = (
  matrixId: string,
  input: { initiativeId: string; whoId: string; role: OwnershipRole | null; version: number | null },
) => callEndpoint(matrices.setOwnership, { params: { id: matrixId }, body: input });

/** Progress, status, score and explanation of the unit's OKRs in one cycle. */
export const getProgress = (unitId: string, cycleId: string) =>
  callEndpoint(execution.getUnitProgress, { params: { id: unitId }, query: { cycleId } });

/** Changes a key result (here: how the KPIs measuring it combine). */
export const updateKeyResult = (id: string, input: UpdateKeyResultInput) =>
  callEndpoint(okrs.keyResults.update, { params: { id }, body: input });

/** A value, confidence and comment on a key result or KPI. */
export const createCheckIn = (input: CreateCheckInInput) =>
  callEndpoint(checkIns.createCheckIn, { body: input });

/** The unit's KPIs month by month, coloured. */
export const getBowling = (unitId: string, year: number) =>
  callEndpoint(bowling.getChart, { params: { id: unitId, year } });

/** One countermeasure. */
export const getCountermeasure = (id: string) =>
  callEndpoint(bowling.countermeasures.get, { params: { id } });

/** An A3 on a KPI's month. */
export const createCountermeasure = (input: CreateCountermeasureInput) =>
  callEndpoint(bowling.countermeasures.create, { body: input });

/** Closing needs `effect`. */
export const updateCountermeasure = (id: string, input: UpdateCountermeasureInput) =>
  callEndpoint(bowling.countermeasures.update, { params: { id }, body: input });

/** The unit dashboard for one cycle. */
export const getDashboard = (unitId: string, cycleId: string) =>
  callEndpoint(dashboard.getUnitDashboard, { params: { id: unitId }, query: { cycleId } });

/** Quarter statistics across the organisation's units. */
export const getOverview = (orgId: string, cycleId: string) =>
  callEndpoint(dashboard.getOrganisationOverview, { params: { id: orgId }, query: { cycleId } });
/** A pressure test with `wait: true`: it runs in a worker and the answer is the finished job. */
export const runPressureTest = (matrixId: string, trials = 10_000, seed = 1) =>
  callEndpoint(feasibility.startPressureTest, {
    params: { id: matrixId },
    body: { trials, seed, wait: true },
  });

export const getCapacity = (matrixId: string) =>
  callEndpoint(feasibility.capacity, { params: { id: matrixId } });

export const getLint = (matrixId: string) => callEndpoint(feasibility.lint, { params: { id: matrixId } });
export const getWhatIfBasis = (matrixId: string) =>
  callEndpoint(feasibility.whatIfBasis, { params: { id: matrixId } });

/** The forecast from actuals of a matrix's targets, month by month as recorded. */
export const getForecast = (matrixId: string) =>
  callEndpoint(forecast.forecastHistory, { params: { id: matrixId } });
/** A key result's forecast from the matrices whose KPIs measure it. */
export const getKeyResultForecast = (keyResultId: string) =>
  callEndpoint(forecast.keyResultForecast, { params: { id: keyResultId } });
/** Records this month's forecast now; answers the history. */
export const recordForecast = (matrixId: string) =>
  callEndpoint(forecast.recordForecast, { params: { id: matrixId } });

/** Proposals the unit sent or received. */
export const listUnitProposals = (unitId: string) =>
  callEndpoint(catchball.listUnitProposals, { params: { id: unitId }, query: {} });

/** With its thread and the actions open now. */
export const getProposal = (id: string) => callEndpoint(catchball.getProposal, { params: { id } });

/** Omitted target and resources are pre-filled from the pressure test. */
export const createProposal = (input: Partial<CreateProposalInput> & { matrixId: string; actorId: string }) =>
  callEndpoint(catchball.createProposal, { body: input });

export const actOnProposal = (id: string, input: ProposalStepInput) =>
  callEndpoint(catchball.actOnProposal, { params: { id }, body: input });

/** Every value a key result's target has had, oldest first, with who, when and why. */
export const getKeyResultTargetHistory = (id: string) =>
  callEndpoint(catchball.keyResultTargetHistory, { params: { id } });

type AuditQueryInput = EndpointRequest<typeof audit.listEvents>['query'];

/** Filters of the audit trail (its list and its export); empty values are left out. */
export interface AuditParams {
  organisationId?: string;
  unitId?: string;
  includeBelow?: boolean;
  entityId?: string;
  entityTable?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

/**
 * The filters as the audit endpoints' query, in their order: empty values and a false
 * `includeBelow` left out. `action` comes from the address bar as text; the server refuses one it
 * does not know, so it is sent as it is.
 */
function auditQuery(params: AuditParams): AuditQueryInput {
  const query: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params) as [string, unknown][])
    if (value !== undefined && value !== '' && value !== false) query[key] = value;
  return query;
}

/** One page of who changed what, newest first; `nextCursor` reads the next page. */
export const listAuditEvents = (params: AuditParams) =>
  callEndpoint(audit.listEvents, { query: auditQuery(params) });

/** The address of a CSV or JSON download of everything the filters match. */
export const auditExportUrl = (params: Omit<AuditParams, 'cursor' | 'limit'>, format: 'csv' | 'json') =>
  endpointUrl(audit.exportEvents, { query: { ...auditQuery(params), format } });
