/**
 * Settings → Notifications, each call through one declared endpoint: the organisation's webhooks,
 * where the digest and reminders go, the units' check-in cadence, and the delivery log.
 */
import type { CreateWebhookInput } from '../contracts';
import type { Cadence } from '../core/staleness';
import { catchball, dashboard, execution } from '../contracts/endpoints';
import { callEndpoint } from './api-client';

export const listWebhooks = (orgId: string) =>
  callEndpoint(catchball.listWebhooks, { params: { id: orgId } });

export const createWebhook = (input: CreateWebhookInput) =>
  callEndpoint(catchball.webhooks.create, { body: input });

export const updateWebhook = (id: string, version: number, url: string) =>
  callEndpoint(catchball.webhooks.update, { params: { id }, body: { version, url } });

export const deleteWebhook = (id: string, version: number) =>
  callEndpoint(catchball.webhooks.remove, { params: { id }, query: { version } });

/** The organisation's webhook delivery log, newest first (organisation admins). */
export const listWebhookDeliveries = (orgId: string) =>
  callEndpoint(catchball.listWebhookDeliveries, { params: { id: orgId }, query: { limit: 100 } });

export const getDigestSettings = (orgId: string) =>
  callEndpoint(dashboard.getDigestSettings, { params: { id: orgId } });

export const setDigestSettings = (
  orgId: string,
  input: { webhookUrl?: string | null; emailEnabled?: boolean },
) => callEndpoint(dashboard.setDigestSettings, { params: { id: orgId }, body: input });

/** Sends the reminder digest now, as of today. */
export const sendDigest = (orgId: string) =>
  callEndpoint(dashboard.sendDigest, { params: { id: orgId }, query: {} });

export const getCadence = (unitId: string) => callEndpoint(execution.getCadence, { params: { id: unitId } });

/** `null` inherits the parent's cadence again. */
export const setCadence = (unitId: string, cadence: Cadence | null) =>
  callEndpoint(execution.setCadence, { params: { id: unitId }, body: { cadence } });
