import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, type ErrorCode } from '../core/errors';
import type { ErrorBody } from '../contracts/common';
import { issuesFromZod } from './validation';

/** Codes raised by the HTTP layer itself, beside the domain's {@link ErrorCode}s. */
type HttpErrorCode =
  'malformed_request' | 'payload_too_large' | 'unsupported_media_type' | 'store_unavailable' | 'internal';

/** The one mapping from error codes to HTTP status. */
export const HTTP_STATUS: Record<ErrorCode | HttpErrorCode, number> = {
  validation_failed: 400,
  malformed_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  version_conflict: 409,
  already_exists: 409,
  cycle_locked: 409,
  cycle_closed: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invariant_violated: 422,
  not_adjacent: 422,
  primary_owner_conflict: 422,
  inconsistent_target: 422,
  illegal_transition: 409,
  rate_limited: 429,
  // Raised when a process opens a store, before any server answers; listed for completeness.
  store_locked: 409,
  // Another import of the same organisation or matrix is running (one at a time per subject).
  import_in_progress: 409,
  internal: 500,
  store_unavailable: 503,
};

// Node's codes for a connection that could not be made or was cut, and PostgreSQL's class 08
// (connection exception) and 57P01-57P03 (the server shutting down or starting up).
const UNREACHABLE_STORE =
  /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|08\w{3}|57P0[123])$/;

/** Whether `error` says the database cannot be reached, rather than that a query was wrong. */
function isStoreUnreachable(error: { code?: unknown; message: string }): boolean {
  if (typeof error.code === 'string') return UNREACHABLE_STORE.test(error.code);
  // node-postgres reports a connection dropped mid-query without a code.
  return /^Connection terminated/.test(error.message);
}

/** A client that left before its answer was sent: nothing wrong with the server. */
function isClientGone(error: { code?: unknown; message: string }, request: FastifyRequest): boolean {
  return error.code === 'ERR_STREAM_PREMATURE_CLOSE' || request.raw.destroyed;
}

function body(code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

/** Constraint violations that slip past the services (a race, say) still get a clear 4xx. */
function fromDatabaseError(error: {
  code?: unknown;
  detail?: unknown;
  hint?: unknown;
  message: string;
}): DomainError | null {
  const detail = typeof error.detail === 'string' ? error.detail : error.message;
  switch (error.code) {
    // Migration 0015's guard: a write to a closed cycle's rows (DETAIL its id, HINT its name).
    case 'CB001':
      return new DomainError('cycle_closed', error.message, {
        cycleId: detail,
        cycleName: typeof error.hint === 'string' ? error.hint : null,
      });
    case '23505':
      return new DomainError('already_exists', `Already exists: ${detail}`);
    case '23503':
      return new DomainError('invariant_violated', `A reference points to nothing: ${detail}`);
    case '23514':
      return new DomainError('invariant_violated', `A value breaks a rule of the store: ${detail}`);
    default:
      return null;
  }
}

/**
 * Serialises every error as `{ error: { code, message, details } }`. Domain errors keep their
 * code; Zod errors become `validation_failed` with one issue per field; Fastify's parse and size
 * errors get their own codes; a database that cannot be reached is a 503 (`store_unavailable`);
 * a client that already left costs an info line, not an error; anything else is logged and answered
 * with a bare 500, never a stack.
 */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  const domain =
    error instanceof DomainError
      ? error
      : error instanceof ZodError
        ? new DomainError('validation_failed', describeIssues(error), { issues: issuesFromZod(error) })
        : fromDatabaseError(error);
  if (domain) {
    const wait = retryAfterOf(domain);
    if (wait !== null) void reply.header('retry-after', String(wait));
    void reply.status(HTTP_STATUS[domain.code]).send(body(domain.code, domain.message, domain.details));
    return;
  }
  const statusCode = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (statusCode === 413) {
    const limit = request.routeOptions.bodyLimit;
    void reply
      .status(413)
      .send(
        body(
          'payload_too_large',
          `The request body is too large: ${request.method} ${request.routeOptions.url ?? request.url} accepts at most ${formatBytes(limit)}`,
          { limitBytes: limit },
        ),
      );
  } else if (statusCode === 415) {
    void reply.status(415).send(body('unsupported_media_type', error.message));
  } else if (statusCode >= 400 && statusCode < 500) {
    void reply.status(400).send(body('malformed_request', error.message));
  } else if (isClientGone(error, request)) {
    request.log.info({ reason: error.message }, 'the client left before the answer was sent');
    // Nobody reads this answer; sending it lets the request finish.
    void reply.status(400).send(body('malformed_request', 'The request ended before it was complete'));
  } else if (isStoreUnreachable(error)) {
    request.log.warn({ reason: error.message }, 'the database does not answer');
    void reply
      .status(503)
      .header('retry-after', '5')
      .send(body('store_unavailable', 'The database does not answer; try again in a moment'));
  } else {
    request.log.error({ err: error }, 'unhandled error');
    void reply.status(500).send(body('internal', 'Something went wrong on the server; it has been logged'));
  }
}

/** A `rate_limited` error says how long to wait; clients read it from Retry-After. */
function retryAfterOf(error: DomainError): number | null {
  if (error.code !== 'rate_limited') return null;
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' ? seconds : null;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${bytes} bytes`;
}

function describeIssues(error: ZodError): string {
  return `The input is not valid: ${issuesFromZod(error)
    .map((issue) => `${issue.path}: ${issue.message}`)
    .join('; ')}`;
}

export function notFound(kind: string, id: string): DomainError {
  return new DomainError('not_found', `No ${kind} with id ${id}`, { kind, id });
}
