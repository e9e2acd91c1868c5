import { DomainError } from '../../../core/errors';
import type { CreateWebhookInput, UpdateWebhookInput, Webhook } from '../../../contracts';
import type { Db } from '../../db/store';
import { deleteVersioned, findRow, getRow, updateVersioned, type Row } from '../../db/versioned';
import { newId } from '../../ids';
import { assertInOrganisation } from '../structure/references';

/** A message for Slack or Teams incoming webhooks: both read `text`; Slack also renders `blocks`. */
export interface WebhookMessage {
  text: string;
  blocks?: { type: 'section'; text: { type: 'mrkdwn'; text: string } }[];
}

const DELIVERY_TIMEOUT_MS = 3000;

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
 * one for units without their own. Delivery is best effort: a receiver that is down or slow never
 * fails or holds up the change that triggered it.
 */
export function createWebhooksService(db: Db, log: (message: string) => void = () => undefined) {
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
     * Posts `message` to the hook serving the unit, if there is one.
     * @returns whether a receiver accepted it (2xx); never throws.
     */
    async notify(organisationId: string, unitId: string, message: WebhookMessage): Promise<boolean> {
      const hook = await hookFor(organisationId, unitId);
      if (!hook) return false;
      try {
        const response = await fetch(hook.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(message),
          signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
        });
        if (!response.ok) log(`webhook ${hook.id} answered ${response.status}`);
        return response.ok;
      } catch (error) {
        log(`webhook ${hook.id} failed: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      }
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
