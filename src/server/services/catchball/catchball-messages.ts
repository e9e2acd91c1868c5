import type { Proposal } from '../../../contracts';
import type { WebhookMessage } from './webhooks.service';
import { formatNumber } from '../../i18n/formats';
import type { Translator } from '../../i18n/translator';

/** What a unit did, by the state its step left the proposal in ("Security proposes …"). */
export const VERBS: Record<Proposal['state'], string> = {
  proposed: 'proposes',
  questioned: 'has questions about',
  countered: 'counters',
  revised: 'revises',
  agreed: 'agreed',
  withdrawn: 'withdrew',
  rejected: 'rejected',
};

/**
 * The Slack/Teams message for a ball thrown from one unit to another: who threw it, the target
 * concerned, the values on the table and whose turn it is.
 */
export function ballThrownMessage(proposal: Proposal, fromUnit: string, toUnit: string): WebhookMessage {
  const values = `${proposal.originalTarget} → ${proposal.proposedTarget}`;
  const turn = proposal.ballWith
    ? `The ball is with ${toUnit}.`
    : `The catchball has ended (${proposal.state}).`;
  const text = `Catchball: ${fromUnit} ${VERBS[proposal.state]} "${proposal.title}" (${values}). ${turn}`;
  return {
    text,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*${fromUnit}* ${VERBS[proposal.state]} *${proposal.title}*\nTarget ${values}\n${proposal.resources.summary}\n_${turn}_`,
        },
      },
    ],
  };
}

/**
 * The e-mail to the unit's owner for the same throw, in the owner's language (`email:proposal.*`):
 * the subject says who throws what (or how the loop ended), the body is the message above.
 */
export function ballThrownMail(
  translator: Translator,
  proposal: Proposal,
  fromUnit: string,
  toUnit: string,
): { subject: string; text: string } {
  const { t } = translator;
  const values = `${formatNumber(translator, proposal.originalTarget)} → ${formatNumber(translator, proposal.proposedTarget)}`;
  const turn = proposal.ballWith
    ? t('email:proposal.turnWith', { unit: toUnit })
    : t('email:proposal.turnEnded', { state: proposal.state });
  return {
    subject: proposal.ballWith
      ? t('email:proposal.subjectThrown', { from: fromUnit, title: proposal.title })
      : t('email:proposal.subjectEnded', { title: proposal.title, state: proposal.state }),
    text: t('email:proposal.text', {
      from: fromUnit,
      state: proposal.state,
      title: proposal.title,
      values,
      turn,
    }),
  };
}
