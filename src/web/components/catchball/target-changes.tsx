/**
 * "Target changes" in a key result's history: every value its target has had (GET
 * /api/key-results/:id/target-history), who changed it, when and why; a change agreed in catchball
 * shows its proposal: the reason given, the pressure test's evidence, the thread, and a link to it.
 */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Link } from 'wouter';
import { TargetOutlookSchema, type TargetHistoryEntry } from '../../../contracts';
import { queries } from '../../api/queries';
import { useOrg } from '../../hooks/org-context';
import { paths } from '../../paths';
import { formatNumber, withUnit } from '../okr/okr-format';
import { nounFor } from '../../../core/plural';
import { LoadingBlock } from '../spinner';
import { formatDay } from '../../format/dates';

const EvidenceSchema = z.object({ trials: z.number(), outlook: TargetOutlookSchema.nullable() }).partial();

const ACTION_VERB = {
  propose: 'proposed',
  question: 'asked',
  counter: 'countered',
  revise: 'revised',
  agree: 'agreed',
  withdraw: 'withdrew',
  reject: 'rejected',
} as const;

const dateOf = (iso: string) => formatDay(iso);

export function TargetChanges({ keyResultId, unit }: { keyResultId: string; unit: string }) {
  const history = useQuery(queries.keyResultTargetHistory(keyResultId));
  return (
    <section
      className="target-changes"
      aria-labelledby={`target-changes-${keyResultId}`}
      data-testid="target-changes"
    >
      <h3 id={`target-changes-${keyResultId}`} className="target-changes-heading">
        Target changes
      </h3>
      {history.isPending ? (
        <LoadingBlock label="Loading the target changes" />
      ) : history.isError ? (
        <p className="form-error">Could not load the target changes: {history.error.message}</p>
      ) : history.data.length === 0 ? (
        <p className="muted">The target has not changed since it was set.</p>
      ) : (
        <ol className="target-change-list">
          {[...history.data].reverse().map((entry) => (
            <TargetChange key={entry.id} entry={entry} unit={unit} />
          ))}
        </ol>
      )}
    </section>
  );
}

function TargetChange({ entry, unit }: { entry: TargetHistoryEntry; unit: string }) {
  const value = (v: number | null) => withUnit(v, unit);
  return (
    <li className="target-change" data-testid={`target-change-${entry.id}`}>
      <p className="target-change-values tabular">
        {value(entry.oldTarget)} → <strong>{value(entry.newTarget)}</strong>
      </p>
      <p className="muted target-change-meta">
        {entry.changedByName ?? 'Someone'} · {dateOf(entry.changedAt)}
      </p>
      <p className="target-change-reason">{entry.reason}</p>
      {entry.proposalId && <ProposalBehind proposalId={entry.proposalId} unit={unit} />}
    </li>
  );
}

function ProposalBehind({ proposalId, unit }: { proposalId: string; unit: string }) {
  const org = useOrg().data;
  const proposal = useQuery(queries.proposal(proposalId));
  const matrices = useQuery({ ...queries.matrices(org?.organisation.id ?? ''), enabled: !!org });
  if (proposal.isPending) return <LoadingBlock label="Loading the proposal" />;
  if (proposal.isError) return <p className="muted">The proposal could not be loaded.</p>;
  const thread = proposal.data;
  const matrix = matrices.data?.find((m) => m.id === thread.matrixId);
  const evidence = EvidenceSchema.safeParse(thread.evidence);
  const outlook = evidence.success ? evidence.data.outlook : null;
  const child = org?.unitsById.get(thread.childUnitId)?.name ?? 'the unit';
  return (
    <div className="target-change-proposal" data-testid="target-change-proposal">
      <p>
        <strong>Catchball proposal</strong> from {child}
        {thread.rationale && <>: “{thread.rationale}”</>}
      </p>
      {outlook && evidence.success && (
        <p className="muted">
          Evidence: the pressure test put the chance of reaching the original target of{' '}
          {withUnit(outlook.target, unit)} at {Math.round(outlook.probability * 100)} %; with 80 % confidence
          it reached {withUnit(outlook.reachable.p80, unit)}
          {evidence.data.trials
            ? ` (${formatNumber(evidence.data.trials)} ${nounFor(evidence.data.trials, 'trial')})`
            : ''}
          .
        </p>
      )}
      {thread.resources.summary && <p className="muted">{thread.resources.summary}</p>}
      <ol className="target-change-thread">
        {thread.events.map((event) => (
          <li key={event.id}>
            <strong>{event.actorName ?? 'Someone'}</strong> {ACTION_VERB[event.action]}{' '}
            {formatNumber(event.target)}
            {event.comment && <> — {event.comment}</>}
          </li>
        ))}
      </ol>
      {org && matrix && (
        <Link
          href={`${paths.pressure(org.organisation.id, thread.childUnitId, matrix.year)}#proposal-${thread.id}`}
          className="target-change-link"
        >
          Open the proposal
        </Link>
      )}
    </div>
  );
}
