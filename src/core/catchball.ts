import { DomainError } from './errors';

/**
 * The catchball loop between two adjacent levels: the child unit proposes a target (with the
 * resources it would need), the parent questions, counters, agrees or rejects; the child revises
 * or withdraws. Each step is one action; the table below is the whole state machine.
 */
export const PROPOSAL_STATES = [
  'proposed',
  'questioned',
  'countered',
  'revised',
  'agreed',
  'withdrawn',
  'rejected',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_ACTIONS = ['question', 'counter', 'revise', 'agree', 'withdraw', 'reject'] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

/** Which side acts: the owner of the child unit (who proposed) or of the parent unit (who set the target). */
export type ProposalSide = 'child' | 'parent';

interface Transition {
  to: ProposalState;
  by: ProposalSide;
}

/** Legal transitions: state → action → next state and the side that may take it. Terminal states have none. */
export const TRANSITIONS: Record<ProposalState, Partial<Record<ProposalAction, Transition>>> = {
  proposed: {
    question: { to: 'questioned', by: 'parent' },
    counter: { to: 'countered', by: 'parent' },
    agree: { to: 'agreed', by: 'parent' },
    reject: { to: 'rejected', by: 'parent' },
    withdraw: { to: 'withdrawn', by: 'child' },
  },
  questioned: {
    revise: { to: 'revised', by: 'child' },
    withdraw: { to: 'withdrawn', by: 'child' },
  },
  countered: {
    revise: { to: 'revised', by: 'child' },
    agree: { to: 'agreed', by: 'child' },
    withdraw: { to: 'withdrawn', by: 'child' },
  },
  revised: {
    question: { to: 'questioned', by: 'parent' },
    counter: { to: 'countered', by: 'parent' },
    agree: { to: 'agreed', by: 'parent' },
    reject: { to: 'rejected', by: 'parent' },
    withdraw: { to: 'withdrawn', by: 'child' },
  },
  agreed: {},
  withdrawn: {},
  rejected: {},
};

export function isTerminal(state: ProposalState): boolean {
  return Object.keys(TRANSITIONS[state]).length === 0;
}

/** The side that holds the ball (must act next) in an open state; null once the loop has ended. */
export function ballWith(state: ProposalState): ProposalSide | null {
  switch (state) {
    case 'proposed':
    case 'revised':
      return 'parent';
    case 'questioned':
    case 'countered':
      return 'child';
    case 'agreed':
    case 'withdrawn':
    case 'rejected':
      return null;
  }
}

/** The side that takes `action` in `state`, or null when the action is not open there. */
export function actingSide(state: ProposalState, action: ProposalAction): ProposalSide | null {
  return TRANSITIONS[state][action]?.by ?? null;
}

/** The actions open in a state, with the side that may take each. */
export function availableActions(state: ProposalState): { action: ProposalAction; by: ProposalSide }[] {
  return PROPOSAL_ACTIONS.flatMap((action) => {
    const transition = TRANSITIONS[state][action];
    return transition ? [{ action, by: transition.by }] : [];
  });
}

/**
 * Decides one step. `actorId` must own the side the action belongs to; a person who owns both
 * units may act for either.
 * @throws DomainError `illegal_transition` when the action is not open in `state`;
 *   `forbidden` when the actor does not own the unit whose turn it is.
 */
export function nextState(
  state: ProposalState,
  action: ProposalAction,
  actorId: string,
  owners: { child: string | null; parent: string | null },
): ProposalState {
  const transition = TRANSITIONS[state][action];
  if (!transition) {
    const open = availableActions(state).map((a) => a.action);
    throw new DomainError(
      'illegal_transition',
      `A proposal that is ${state} cannot be ${pastTense(action)}${open.length > 0 ? `; open actions: ${open.join(', ')}` : '; the loop has ended'}`,
      { state, action, allowed: open },
    );
  }
  if (owners[transition.by] !== actorId) {
    throw new DomainError(
      'forbidden',
      `Only the owner of the ${transition.by} unit may ${action} this proposal; ${actorId} is not`,
      { action, side: transition.by, actorId },
    );
  }
  return transition.to;
}

function pastTense(action: ProposalAction): string {
  switch (action) {
    case 'question':
      return 'questioned';
    case 'counter':
      return 'countered';
    case 'revise':
      return 'revised';
    case 'agree':
      return 'agreed';
    case 'withdraw':
      return 'withdrawn';
    case 'reject':
      return 'rejected';
  }
}
