import type { Db } from '../../db/store';
import { isLanguage, type Language } from '../../../core/languages';
import { translatorFor, type Translator } from '../../i18n/translator';
import type { WebhookMessage, WebhooksService } from '../catchball/webhooks.service';
import { absoluteLink } from './item-links';
import type { Mailer, MailOutcome } from './mailer';

/** Something now waiting for one person, told by e-mail to them and by webhook to their unit. */
export interface Notice {
  organisationId: string;
  /** The unit whose webhook hears of it (its own, else the organisation's). */
  unitId: string;
  /** Who it waits for; without an e-mail address only the webhook goes out. */
  personId: string | null;
  subject: string;
  /** The message's body; the link to the item is appended. */
  text: string;
  /** The item's path in the web app (see item-links.ts). */
  href: string;
  /** What the delivery log calls it: `proposal`, `countermeasure`… */
  event?: string;
  /** The webhook's message when it differs from `text` (Slack blocks); the link is appended. */
  webhook?: WebhookMessage;
  /**
   * The e-mail's subject and body in the recipient's language (their account's, else English;
   * messages of the `email` namespace). Without it the mail is `subject` and `text` as given.
   */
  mail?: (translator: Translator) => { subject: string; text: string };
}

export interface NoticeOutcome {
  email: MailOutcome & { to: string | null };
  webhook: boolean;
}

/**
 * Tells a person that something is waiting for them (a proposal in their court, a countermeasure
 * assigned): an e-mail through the one mailer, and the unit's webhook through the webhooks
 * service, both with a link to the item. Best effort and after the change committed: a channel
 * that fails is reported in the outcome, never thrown. The e-mail is in the language of the
 * person's account (users.language; English without one); the webhook, read by a whole unit, is
 * in English.
 */
export function createNotifier(
  db: Db,
  deps: { mailer: Mailer; webhooks: WebhooksService; publicUrl: string | null },
) {
  return {
    async notify(notice: Notice): Promise<NoticeOutcome> {
      const link = absoluteLink(deps.publicUrl, notice.href);
      const person = notice.personId
        ? await db
            .selectFrom('people')
            .leftJoin('users', 'users.id', 'people.userId')
            .select(['people.email', 'people.name', 'users.language'])
            .where('people.id', '=', notice.personId)
            .where('people.organisationId', '=', notice.organisationId)
            .executeTakeFirst()
        : undefined;
      const to = person?.email ?? null;
      const language: Language = isLanguage(person?.language) ? person.language : 'en';
      const translator = translatorFor(language);
      const { t } = translator;
      const mail = notice.mail?.(translator) ?? { subject: notice.subject, text: notice.text };
      const message = notice.webhook ?? { text: notice.text };
      const [email, webhook] = await Promise.all([
        to
          ? deps.mailer.send([
              {
                to,
                subject: mail.subject,
                text: `${person?.name ? `${t('email:greeting', { name: person.name })}\n\n` : ''}${mail.text}\n\n${t('email:openLink', { link })}\n`,
              },
            ])
          : Promise.resolve({ sent: false, error: null }),
        deps.webhooks.notify(notice.organisationId, notice.unitId, withLink(message, link), notice.event),
      ]);
      return { email: { ...email, to }, webhook };
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;

function withLink(message: WebhookMessage, link: string): WebhookMessage {
  return {
    text: `${message.text} ${link}`,
    ...(message.blocks
      ? {
          blocks: [
            ...message.blocks,
            {
              type: 'section' as const,
              text: { type: 'mrkdwn' as const, text: `<${link}|Open in Catchball>` },
            },
          ],
        }
      : {}),
  };
}
