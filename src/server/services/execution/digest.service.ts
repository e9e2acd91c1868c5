import { DomainError } from '../../../core/errors';
import type { DigestResult, StaleItem } from '../../../contracts';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import type { Clock } from '../clock';
import { loadExecutionData } from './execution-data';
import { computeSnapshot } from '../../../core/execution-snapshot';
import type { createRhythmService } from './rhythm.service';
import { scanStaleItems } from './stale-items';
import { nounFor, plural } from '../../../core/plural';
import type { Cadence } from '../../../core/staleness';

import type { Mailer } from '../notifications/mailer';
import type { WebhooksService } from '../catchball/webhooks.service';

/** The digest's lines, one per item, grouped by unit. */
function digestText(
  organisationName: string,
  asOf: string,
  items: readonly StaleItem[],
  unitNames: Map<string, string>,
) {
  const header = `Catchball check-in reminder for ${organisationName} (${asOf}): ${plural(items.length, 'item')} without a check-in within their cadence`;
  const lines = items.map(
    (item) =>
      `• ${unitNames.get(item.unitId) ?? item.unitId}: ${item.title} (${item.kind === 'kpi' ? 'KPI' : 'key result'}, ${item.cadence}) — last check-in ${item.lastCheckIn ?? 'never'}`,
  );
  return [header, ...lines].join('\n');
}

/**
 * Reminders and the digest: items with no check-in within their unit's cadence, sent as
 * Slack/Teams-compatible JSON (`{ "text": … }`) to the organisation's webhook and by e-mail to
 * the owners of the items. Items with a recent check-in are skipped (counted in `skippedRecent`).
 * A failing channel is reported in the result, not thrown, so the other channel still goes out.
 */
export function createDigestService(
  db: Db,
  clock: Clock,
  rhythm: ReturnType<typeof createRhythmService>,
  mailer: Mailer,
  webhooks: WebhooksService,
) {
  async function cycleFor(organisationId: string, asOf: string, cycleId?: string) {
    if (cycleId) {
      const cycle = await getRow(db, 'cycles', cycleId);
      if (cycle.organisationId === organisationId) return cycle;
    }
    const cycles = await db
      .selectFrom('cycles')
      .selectAll()
      .where('organisationId', '=', organisationId)
      .orderBy('startDate', 'desc')
      .execute();
    const cycle = cycles.find((c) => c.startDate <= asOf && asOf <= c.endDate) ?? cycles[0];
    if (!cycle)
      throw new DomainError(
        'validation_failed',
        `Organisation ${organisationId} has no cycle to remind about`,
      );
    return cycle;
  }

  /** The digest's webhook message goes through the delivery log, so a failed one is retried. */
  async function postWebhook(
    organisationId: string,
    url: string,
    text: string,
    event: string,
  ): Promise<DigestResult['webhook']> {
    return webhooks.deliver({ organisationId, webhookId: null, event, url, body: { text } });
  }

  async function sendMail(
    byOwner: Map<string, StaleItem[]>,
    emails: Map<string, string>,
    render: (items: StaleItem[]) => string,
  ): Promise<DigestResult['email']> {
    const recipients = [...byOwner.keys()].flatMap((ownerId) => emails.get(ownerId) ?? []);
    const mails = [...byOwner].flatMap(([ownerId, items]) => {
      const to = emails.get(ownerId);
      return to
        ? [
            {
              to,
              subject: `Catchball: ${plural(items.length, 'item')} ${nounFor(items.length, 'needs', 'need')} a check-in`,
              text: render(items),
            },
          ]
        : [];
    });
    return { ...(await mailer.send(mails)), recipients };
  }

  /**
   * The check-ins due in an organisation on `asOf` (today by default): every key result and KPI
   * of the cycle (the one containing `asOf`, unless named) with no check-in within its unit's
   * cadence. The one "due" rule: the digest and the inbox both ask it.
   */
  async function due(organisationId: string, options: { cycleId?: string; asOf?: string } = {}) {
    const asOf = options.asOf ?? clock();
    const cycle = await cycleFor(organisationId, asOf, options.cycleId);
    const data = await loadExecutionData(db, cycle.id);
    const snapshot = computeSnapshot(data.input, asOf);
    const scan = await scanStaleItems(db, data, snapshot, new Set(data.units.map((unit) => unit.id)));
    return { asOf, cycle, units: data.units, scan };
  }

  return {
    due,

    async send(
      organisationId: string,
      options: {
        cycleId?: string;
        asOf?: string;
        /** What the delivery log calls the webhook message (`digest`, or a scheduled `reminder`). */
        event?: string;
        /** Only items of units with these cadences (a scheduled reminder is for one cadence). */
        cadences?: readonly Cadence[];
      } = {},
    ): Promise<DigestResult> {
      const organisation = await getRow(db, 'organisations', organisationId);
      const { asOf, units, scan: all } = await due(organisationId, options);
      const { cadences } = options;
      const scan = cadences
        ? { ...all, stale: all.stale.filter((item) => cadences.includes(item.cadence)) }
        : all;
      const settings = await rhythm.digestSettings(organisationId);
      const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
      const render = (items: readonly StaleItem[]) => digestText(organisation.name, asOf, items, unitNames);
      const nothing = scan.stale.length === 0;
      const webhook =
        settings.webhookUrl && !nothing
          ? await postWebhook(
              organisationId,
              settings.webhookUrl,
              render(scan.stale),
              options.event ?? 'digest',
            )
          : { sent: false, status: null, error: settings.webhookUrl ? null : 'no webhook URL is set' };
      const byOwner = new Map<string, StaleItem[]>();
      for (const item of scan.stale)
        if (item.ownerId) byOwner.set(item.ownerId, [...(byOwner.get(item.ownerId) ?? []), item]);
      const people = await db
        .selectFrom('people')
        .select(['id', 'email'])
        .where('organisationId', '=', organisationId)
        .execute();
      const emails = new Map(
        people.flatMap((person) => (person.email ? [[person.id, person.email] as const] : [])),
      );
      const email =
        settings.emailEnabled && !nothing
          ? await sendMail(byOwner, emails, render)
          : { sent: false, recipients: [], error: null };
      return { organisationId, asOf, items: scan.stale, skippedRecent: scan.recent, webhook, email };
    },
  };
}
