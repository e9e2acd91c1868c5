import { sql } from 'kysely';
import type { WebhookDelivery } from '../../../contracts';
import type { Db } from '../../db/store';
import { newId } from '../../ids';

/** How deliveries are retried: attempt n (1-based) failing waits baseDelayMs · 2^(n−1), at most maxDelayMs. */
export interface DeliveryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  timeoutMs: 5000,
};

/** How long one server holds a delivery it is attempting before another may take it. */
const CLAIM_MS = 60_000;

export interface DeliveryOutcome {
  sent: boolean;
  status: number | null;
  error: string | null;
}

/** The wait after the `attempt`-th failure. */
export function backoffMs(policy: DeliveryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
}

type DeliveryRow = { id: string; url: string; body: unknown; attempts: number; maxAttempts: number };

/**
 * The outbox of webhook messages (webhook_deliveries, migration 0017): a message is written, tried
 * at once, and retried with exponential backoff by whichever app server finds it due; each row is
 * a line of the delivery log.
 */
export function createDeliveries(db: Db, policy: DeliveryPolicy) {
  async function attempt(row: DeliveryRow): Promise<DeliveryOutcome> {
    let outcome: DeliveryOutcome;
    try {
      const response = await fetch(row.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(row.body),
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      await response.body?.cancel();
      outcome = {
        sent: response.ok,
        status: response.status,
        error: response.ok ? null : `the receiver answered ${String(response.status)}`,
      };
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      outcome = { sent: false, status: null, error: cause ?? (error as Error).message };
    }
    const attempts = row.attempts + 1;
    const now = new Date();
    const final = outcome.sent || attempts >= row.maxAttempts;
    await db
      .updateTable('webhookDeliveries')
      .set({
        attempts,
        status: outcome.sent ? 'delivered' : final ? 'failed' : 'pending',
        lastStatusCode: outcome.status,
        lastError: outcome.error,
        nextAttemptAt: final ? null : new Date(now.getTime() + backoffMs(policy, attempts)),
        claimedUntil: null,
        deliveredAt: outcome.sent ? now : null,
        updatedAt: now,
      })
      .where('id', '=', row.id)
      .execute();
    return outcome;
  }

  return {
    /** Writes the message to the log and makes its first attempt; later ones are `retryDue`'s. */
    async deliver(input: {
      organisationId: string;
      webhookId: string | null;
      event: string;
      url: string;
      body: unknown;
    }): Promise<DeliveryOutcome> {
      const row = await db
        .insertInto('webhookDeliveries')
        .values({
          id: newId('dlv'),
          organisationId: input.organisationId,
          webhookId: input.webhookId,
          event: input.event,
          url: input.url,
          body: JSON.stringify(input.body),
          maxAttempts: policy.maxAttempts,
          nextAttemptAt: new Date(),
          claimedUntil: new Date(Date.now() + CLAIM_MS),
        })
        .returning(['id', 'url', 'body', 'attempts', 'maxAttempts'])
        .executeTakeFirstOrThrow();
      return attempt(row);
    },

    /**
     * Attempts every pending delivery whose retry is due. Rows are claimed with SKIP LOCKED and a
     * claim time, so servers sharing one database never send one attempt twice.
     * @returns how many were attempted.
     */
    async retryDue(limit = 20): Promise<number> {
      const { rows } = await sql<DeliveryRow>`
        UPDATE webhook_deliveries SET claimed_until = now() + make_interval(secs => ${CLAIM_MS / 1000})
        WHERE id IN (
          SELECT id FROM webhook_deliveries
          WHERE status = 'pending' AND next_attempt_at <= now()
            AND (claimed_until IS NULL OR claimed_until < now())
          ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING id, url, body, attempts, max_attempts AS "maxAttempts"`.execute(db);
      await Promise.all(rows.map((row) => attempt(row)));
      return rows.length;
    },

    /** The organisation's log, newest first, with the unit each hook serves by name. */
    async list(organisationId: string, limit: number): Promise<WebhookDelivery[]> {
      const rows = await db
        .selectFrom('webhookDeliveries as d')
        .leftJoin('webhooks as w', 'w.id', 'd.webhookId')
        .leftJoin('units as u', 'u.id', 'w.unitId')
        .select([
          'd.id',
          'd.createdAt',
          'd.event',
          'd.url',
          'u.name as unitName',
          'd.status',
          'd.lastStatusCode',
          'd.attempts',
          'd.maxAttempts',
          'd.nextAttemptAt',
          'd.deliveredAt',
          'd.lastError',
        ])
        .where('d.organisationId', '=', organisationId)
        .orderBy('d.createdAt', 'desc')
        .orderBy('d.id')
        .limit(limit)
        .execute();
      const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
      return rows.map((row) => ({
        id: row.id,
        at: new Date(row.createdAt).toISOString(),
        event: row.event,
        url: row.url,
        unitName: row.unitName ?? null,
        status: row.status,
        statusCode: row.lastStatusCode,
        attempts: row.attempts,
        maxAttempts: row.maxAttempts,
        nextAttemptAt: row.status === 'pending' ? iso(row.nextAttemptAt) : null,
        deliveredAt: iso(row.deliveredAt),
        error: row.status === 'delivered' ? null : row.lastError,
      }));
    },
  };
}
