import { describe, expect, it } from 'vitest';
import {
  availableActions,
  ballWith,
  isTerminal,
  nextState,
  PROPOSAL_ACTIONS,
  PROPOSAL_STATES,
  TRANSITIONS,
  type ProposalAction,
  type ProposalState,
} from './catchball';
import { DomainError } from './errors';

const owners = { child: 'cso-owner', parent: 'cio-owner' };
const actorFor = { child: owners.child, parent: owners.parent };

const LEGAL: [ProposalState, ProposalAction, ProposalState, 'child' | 'parent'][] = [
  ['proposed', 'question', 'questioned', 'parent'],
  ['proposed', 'counter', 'countered', 'parent'],
  ['proposed', 'agree', 'agreed', 'parent'],
  ['proposed', 'reject', 'rejected', 'parent'],
  ['proposed', 'withdraw', 'withdrawn', 'child'],
  ['questioned', 'revise', 'revised', 'child'],
  ['questioned', 'withdraw', 'withdrawn', 'child'],
  ['countered', 'revise', 'revised', 'child'],
  ['countered', 'agree', 'agreed', 'child'],
  ['countered', 'withdraw', 'withdrawn', 'child'],
  ['revised', 'question', 'questioned', 'parent'],
  ['revised', 'counter', 'countered', 'parent'],
  ['revised', 'agree', 'agreed', 'parent'],
  ['revised', 'reject', 'rejected', 'parent'],
  ['revised', 'withdraw', 'withdrawn', 'child'],
];

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'other';
  }
}

describe('the catchball state machine', () => {
  it.each(LEGAL)('%s --%s--> %s by the %s owner', (from, action, to, side) => {
    expect(nextState(from, action, actorFor[side], owners)).toBe(to);
  });

  it.each(LEGAL)('%s --%s is not permitted to the other side', (from, action, _to, side) => {
    const other = side === 'child' ? 'parent' : 'child';
    expect(codeOf(() => nextState(from, action, actorFor[other], owners))).toBe('forbidden');
    expect(codeOf(() => nextState(from, action, 'stranger', owners))).toBe('forbidden');
  });

  const legal = new Set(LEGAL.map(([from, action]) => `${from}/${action}`));
  const illegal = PROPOSAL_STATES.flatMap((state) =>
    PROPOSAL_ACTIONS.filter((action) => !legal.has(`${state}/${action}`)).map(
      (action) => [state, action] as const,
    ),
  );

  it.each(illegal)('refuses %s --%s as an illegal transition, whoever acts', (state, action) => {
    for (const actor of [owners.child, owners.parent])
      expect(codeOf(() => nextState(state, action, actor, owners))).toBe('illegal_transition');
  });

  it('covers every state and action in the table', () => {
    expect(illegal.length + LEGAL.length).toBe(PROPOSAL_STATES.length * PROPOSAL_ACTIONS.length);
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...PROPOSAL_STATES].sort());
  });

  it('knows who holds the ball and which states end the loop', () => {
    expect(ballWith('proposed')).toBe('parent');
    expect(ballWith('countered')).toBe('child');
    expect(ballWith('agreed')).toBeNull();
    expect(['agreed', 'withdrawn', 'rejected'].every((s) => isTerminal(s as ProposalState))).toBe(true);
    expect(availableActions('countered').map((a) => a.action)).toEqual(['revise', 'agree', 'withdraw']);
  });

  it('lets a person who owns both units act for either side', () => {
    expect(nextState('proposed', 'agree', 'both', { child: 'both', parent: 'both' })).toBe('agreed');
  });
});
