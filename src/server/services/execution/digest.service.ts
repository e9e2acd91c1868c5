import { DomainError } from '../../../core/errors';
import type { DigestResult, StaleItem } from '../../../contracts';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import type { Clock } from '../clock';
import { loadExecutionData } from './execution-data';
import { computeSnapshot } from '../../../core/execution-snapshot';
import type { createRhythmService } from './rhythm.service';
import { scanStaleItems } from './stale-items';
import { isLanguage, type Language } from '../../../core/languages';
import { formatDay } from '../../i18n/formats';
import { translatorFor, type Translator } from '../../i18n/translator';
import type { Cadence } from '../../../core/staleness';

import type { Mailer } from '../notifications/mailer';
import type { WebhooksService } from '../catchball/webhooks.service';

/** The digest's lines, one per item, grouped by unit, in the translator's language (English by default). */
function digestText(
  organisationName: string,
  asOf: string,
  items: readonly StaleItem[],
  unitNames: Map<string, string>,
  translator: Translator = translatorFor('en'),
) {
  const { t } = translator;
  const header = t('email:digest.header', {
    organisation: organisationName,
    asOf: formatDay(translator, asOf),
    count: items.length,
  });
  const lines = items.map((item) =>
    t('email:digest.line', {
      unit: unitNames.get(item.unitId) ?? item.unitId,
      title: item.title,
      kind: item.kind === 'kpi' ? 'kpi' : 'key_result',
      cadence: item.cadence,
      last: item.lastCheckIn ? formatDay(translator, item.lastCheckIn) : t('email:digest.never'),
    }),
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

  /** One mail per owner, in the language of the owner's account (English without one). */
  async function sendMail(
    byOwner: Map<string, StaleItem[]>,
    recipientsById: Map<string, { email: string; language: Language | null }>,
    render: (items: StaleItem[], translator: Translator) => string,
  ): Promise<DigestResult['email']> {
    const recipients = [...byOwner.keys()].flatMap((ownerId) => recipientsById.get(ownerId)?.email ?? []);
    const mails = [...byOwner].flatMap(([ownerId, items]) => {
      const recipient = recipientsById.get(ownerId);
      if (!recipient) return [];
      const translator = translatorFor(recipient.language);
      return [
        {
          to: recipient.email,
          subject: translator.t('email:digest.subject', { count: items.length }),
          text: render(items, translator),
        },
      ];
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
      const render = (items: readonly StaleItem[], translator?: Translator) =>
        digestText(organisation.name, asOf, items, unitNames, translator);
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
        .leftJoin('users', 'users.id', 'people.userId')
        .select(['people.id', 'people.email', 'users.language'])
        .where('people.organisationId', '=', organisationId)
        .execute();
      const recipients = new Map(
        people.flatMap((person) =>
          person.email
            ? [
                [
                  person.id,
                  { email: person.email, language: isLanguage(person.language) ? person.language : null },
                ] as const,
              ]
            : [],
        ),
      );
      const email =
        settings.emailEnabled && !nothing
          ? await sendMail(byOwner, recipients, render)
          : { sent: false, recipients: [], error: null };
      return { organisationId, asOf, items: scan.stale, skippedRecent: scan.recent, webhook, email };
    },
  };
}
