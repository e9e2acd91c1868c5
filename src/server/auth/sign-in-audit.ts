import { sql } from 'kysely';
import type { Db } from '../db/store';
import { toJson } from '../db/versioned';

/** Where a sign-in came from, as the session and the audit trail keep it. */
export interface ClientMeta {
  ip: string;
  userAgent: string;
}

/**
 * Records a sign-in event in the audit trail. Sessions are not audited row by row (they change
 * on every visit), so sign-in, failed sign-in and sign-out are written here as their own actions.
 * An attempt on an unknown e-mail address has no user: the actor is "anonymous" and the address
 * typed is kept in `after`.
 */
export async function recordSignInEvent(
  db: Db,
  event: {
    action: 'sign_in' | 'sign_in_failed' | 'sign_out';
    user: { id: string; name: string } | null;
    email: string;
    meta: ClientMeta;
    reason?: string;
  },
): Promise<void> {
  await db
    .insertInto('auditEvents')
    .values({
      organisationId: null,
      unitId: null,
      actorKind: event.user ? 'user' : 'system',
      actorId: event.user?.id ?? null,
      actorName: event.user?.name ?? 'anonymous',
      action: event.action,
      entityTable: 'users',
      entityId: event.user?.id ?? '',
      before: sql<string>`NULL`,
      after: toJson({
        email: event.email.slice(0, 254),
        ip: event.meta.ip,
        userAgent: event.meta.userAgent.slice(0, 300),
        ...(event.reason ? { reason: event.reason } : {}),
      }),
    })
    .execute();
}
