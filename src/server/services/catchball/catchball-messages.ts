import type { Proposal } from '../../../contracts';
import type { WebhookMessage } from './webhooks.service';

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
