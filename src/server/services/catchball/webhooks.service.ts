import { DomainError } from '../../../core/errors';
import type { CreateWebhookInput, UpdateWebhookInput, Webhook } from '../../../contracts';
import type { Db } from '../../db/store';
import { deleteVersioned, findRow, getRow, updateVersioned, type Row } from '../../db/versioned';
import { newId } from '../../ids';
import { assertInOrganisation } from '../structure/references';
import { createDeliveries, DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from './webhook-deliveries';

/** A message for Slack or Teams incoming webhooks: both read `text`; Slack also renders `blocks`. */
export interface WebhookMessage {
  text: string;
  blocks?: { type: 'section'; text: { type: 'mrkdwn'; text: string } }[];
}

function presentWebhook(row: Row<'webhooks'>): Webhook {
  return {
    id: row.id,
    organisationId: row.organisationId,
    unitId: row.unitId,
    url: row.url,
    version: row.version,
  };
}

/**
 * Webhooks tell a unit that the ball is in its court: one URL per unit, or an organisation-wide
 * one for units without their own. A receiver that is down or slow never fails the change that
 * triggered it: each message is logged in webhook_deliveries, tried once at once, and retried with
 * exponential backoff (webhook-deliveries.ts) by whichever app server finds it due.
 */
export function createWebhooksService(db: Db, policy: Partial<DeliveryPolicy> = {}) {
  const deliveries = createDeliveries(db, { ...DEFAULT_DELIVERY_POLICY, ...policy });
  /** The hook that serves a unit: its own, else its organisation's. */
  async function hookFor(organisationId: string, unitId: string): Promise<Row<'webhooks'> | undefined> {
    const hooks = await db
      .selectFrom('webhooks')
      .selectAll()
      .where('organisationId', '=', organisationId)
      .where((eb) => eb.or([eb('unitId', '=', unitId), eb('unitId', 'is', null)]))
      .execute();
    return hooks.find((hook) => hook.unitId === unitId) ?? hooks.find((hook) => hook.unitId === null);
  }

  return {
    /** The organisation-wide hook first, then the units' own by unit name. */
    async list(organisationId: string): Promise<Webhook[]> {
      await getRow(db, 'organisations', organisationId);
      const rows = await db
        .selectFrom('webhooks')
        .leftJoin('units', 'units.id', 'webhooks.unitId')
        .selectAll('webhooks')
        .where('webhooks.organisationId', '=', organisationId)
        .orderBy((eb) => eb('webhooks.unitId', 'is not', null))
        .orderBy('units.name')
        .execute();
      return rows.map(presentWebhook);
    },
    async get(id: string): Promise<Webhook> {
      return presentWebhook(await getRow(db, 'webhooks', id));
    },
    async create(input: CreateWebhookInput): Promise<Webhook> {
      await getRow(db, 'organisations', input.organisationId);
      if (input.unitId) await assertInOrganisation(db, 'units', input.unitId, input.organisationId, 'unitId');
      const id = input.id ?? newId('hook');
      if (await findRow(db, 'webhooks', id))
        throw new DomainError('already_exists', `A webhook with id ${id} already exists`);
      const row = await db
        .insertInto('webhooks')
        .values({ id, organisationId: input.organisationId, unitId: input.unitId, url: input.url })
        .returningAll()
        .executeTakeFirstOrThrow();
      return presentWebhook(row);
    },
    async update(id: string, input: UpdateWebhookInput): Promise<Webhook> {
      return presentWebhook(
        await updateVersioned(db, 'webhooks', id, input.version, { url: input.url }, presentWebhook),
      );
    },
    async remove(id: string, version: number): Promise<void> {
      await deleteVersioned(db, 'webhooks', id, version, presentWebhook);
    },

    /**
     * Posts `message` to the hook serving the unit, if there is one; a failed first attempt is
     * retried later (see `retryDue`).
     * @returns whether the receiver accepted the first attempt (2xx); never throws.
     */
    async notify(
      organisationId: string,
      unitId: string,
      message: WebhookMessage,
      event = 'notice',
    ): Promise<boolean> {
      const hook = await hookFor(organisationId, unitId);
      if (!hook) return false;
      const outcome = await deliveries.deliver({
        organisationId,
        webhookId: hook.id,
        event,
        url: hook.url,
        body: message,
      });
      return outcome.sent;
    },

    /** Posts a message to a URL of the organisation's settings (the digest's), logged and retried like any. */
    deliver: (input: Parameters<typeof deliveries.deliver>[0]) => deliveries.deliver(input),
    retryDue: (limit?: number) => deliveries.retryDue(limit),
    /** The delivery log an administrator reads. */
    async deliveries(organisationId: string, limit: number) {
      await getRow(db, 'organisations', organisationId);
      return { organisationId, deliveries: await deliveries.list(organisationId, limit) };
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
