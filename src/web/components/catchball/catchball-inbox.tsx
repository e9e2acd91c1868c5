/**
 * A unit's catchball inbox: each proposal with its thread and the steps the signed-in person may
 * take now (GET /api/proposals/:id/actions: only those of the side whose unit they own). A step is
 * taken as the signed-in person; the server checks that they own the unit whose turn it is. An
 * inbox link (`#proposal-<id>`) brings its proposal into view.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Proposal, ProposalThread, Unit } from '../../../contracts';
import { actOnProposal } from '../../api-client';
import { queries } from '../../api/queries';
import { Button } from '../button';
import { useHashTarget } from '../../hooks/use-hash-target';
import { AgreementEffectsView } from './agreement-effects-view';
import { ScenarioEvidence } from './scenario-evidence';

type Action = 'question' | 'counter' | 'revise' | 'agree' | 'withdraw' | 'reject';

export function CatchballInbox(props: {
  unitId: string;
  unitsById: Map<string, Unit>;
  nameOf: (personId: string | null) => string;
  /** After an action: the caller invalidates the proposals (and what depends on them). */
  onChanged: () => void;
}) {
  const { t } = useTranslation('catchball');
  const query = useQuery(queries.unitProposals(props.unitId));
  if (!query.data) return <p className="muted">{t('inbox.loading')}</p>;
  if (query.data.length === 0) return <p className="muted">{t('inbox.empty')}</p>;
  return (
    <ul className="inbox">
      {query.data.map((proposal) => (
        <ProposalCard key={proposal.id} proposal={proposal} {...props} onChanged={props.onChanged} />
      ))}
    </ul>
  );
}

function ProposalCard(props: {
  proposal: Proposal;
  unitsById: Map<string, Unit>;
  nameOf: (personId: string | null) => string;
  onChanged: () => void;
}) {
  const { t } = useTranslation('catchball');
  const { proposal } = props;
  const thread = useQuery(queries.proposal(proposal.id));
  const mine = useQuery(queries.proposalActions(proposal.id));
  const card = useHashTarget<HTMLLIElement>(`proposal-${proposal.id}`);
  const child = props.unitsById.get(proposal.childUnitId);
  const parent = props.unitsById.get(proposal.parentUnitId);
  const [target, setTarget] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (current: ProposalThread, action: Action) => {
    setError(null);
    try {
      const changes =
        (action === 'counter' || action === 'revise') && target !== '' ? { target: Number(target) } : {};
      await actOnProposal(current.id, { action, comment, version: current.version, ...changes });
      setTarget('');
      setComment('');
      props.onChanged();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };
  return (
    <li
      ref={card.ref}
      id={card.id}
      className={card.targeted ? 'proposal is-targeted' : 'proposal'}
      data-testid={`proposal-${proposal.id}`}
      data-state={proposal.state}
    >
      <div className="proposal-head">
        <span className={`proposal-state state-${proposal.state}`}>{t(`inbox.state.${proposal.state}`)}</span>
        <span className="proposal-title">{proposal.title}</span>
        <span className="proposal-values">
          {proposal.originalTarget} → <strong data-testid="proposed-target">{proposal.proposedTarget}</strong>
        </span>
      </div>
      <p className="proposal-route">
        {child?.name} → {parent?.name}
        {proposal.ballWith &&
          ` · ${t('inbox.ballWith', { unit: (proposal.ballWith === 'child' ? child : parent)?.name ?? '' })}`}
      </p>
      {proposal.resources.summary && <p className="proposal-resources">{proposal.resources.summary}</p>}
      <ScenarioEvidence proposal={proposal} />
      {thread.data && (
        <>
          <ol className="thread">
            {thread.data.events.map((event) => (
              <li key={event.id}>
                <Trans
                  t={t}
                  ns="catchball"
                  i18nKey="inbox.event"
                  values={{
                    actor: event.actorName ?? props.nameOf(event.actorId),
                    action: event.action,
                    target: event.target,
                  }}
                  components={{ strong: <strong /> }}
                />
                {event.comment && <span className="thread-comment"> — {event.comment}</span>}
              </li>
            ))}
          </ol>
          {(proposal.ballWith || proposal.state === 'agreed') && (
            <AgreementEffectsView thread={thread.data} target={thread.data.proposedTarget} />
          )}
          {mine.data && mine.data.actions.length > 0 && (
            <div className="proposal-actions">
              {mine.data.actions.some(({ action }) => action === 'counter' || action === 'revise') && (
                <input
                  aria-label={t('inbox.newTarget')}
                  placeholder={t('inbox.newTargetPlaceholder')}
                  type="number"
                  step="any"
                  value={target}
                  onChange={(e) => setTarget(e.target.value)}
                />
              )}
              <input
                aria-label={t('inbox.comment')}
                placeholder={t('inbox.comment')}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
              {mine.data.actions.map(({ action }) => (
                <Button
                  key={action}
                  size="sm"
                  variant={action === 'agree' ? 'primary' : 'secondary'}
                  onClick={() => void act(thread.data, action)}
                >
                  {t(`inbox.action.${action}`)}
                </Button>
              ))}
            </div>
          )}
          {mine.data && mine.data.actions.length === 0 && proposal.ballWith && (
            <p className="muted proposal-waiting">
              {t('inbox.waiting', {
                name: props.nameOf((proposal.ballWith === 'child' ? child : parent)?.ownerId ?? null),
                unit: (proposal.ballWith === 'child' ? child : parent)?.name ?? t('inbox.otherUnit'),
              })}
            </p>
          )}
        </>
      )}
      {error && <p className="form-error">{error}</p>}
    </li>
  );
}
