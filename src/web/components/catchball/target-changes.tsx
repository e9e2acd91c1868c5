/**
 * "Target changes" in a key result's history: every value its target has had (GET
 * /api/key-results/:id/target-history), who changed it, when and why; a change agreed in catchball
 * shows its proposal: the reason given, the pressure test's evidence, the thread, and a link to it.
 */
import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Link } from 'wouter';
import { TargetOutlookSchema, type TargetHistoryEntry } from '../../../contracts';
import { queries } from '../../api/queries';
import { useOrg } from '../../hooks/org-context';
import { paths } from '../../paths';
import { formatNumber, withUnit } from '../okr/okr-format';
import { LoadingBlock } from '../spinner';
import { formatDay } from '../../format/dates';

const EvidenceSchema = z.object({ trials: z.number(), outlook: TargetOutlookSchema.nullable() }).partial();

const dateOf = (iso: string) => formatDay(iso);

export function TargetChanges({ keyResultId, unit }: { keyResultId: string; unit: string }) {
  const { t } = useTranslation('catchball');
  const history = useQuery(queries.keyResultTargetHistory(keyResultId));
  return (
    <section
      className="target-changes"
      aria-labelledby={`target-changes-${keyResultId}`}
      data-testid="target-changes"
    >
      <h3 id={`target-changes-${keyResultId}`} className="target-changes-heading">
        {t('changes.title')}
      </h3>
      {history.isPending ? (
        <LoadingBlock label={t('changes.loading')} />
      ) : history.isError ? (
        <p className="form-error">{t('changes.failed', { error: history.error.message })}</p>
      ) : history.data.length === 0 ? (
        <p className="muted">{t('changes.none')}</p>
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
  const { t } = useTranslation('catchball');
  const value = (v: number | null) => withUnit(v, unit);
  return (
    <li className="target-change" data-testid={`target-change-${entry.id}`}>
      <p className="target-change-values tabular">
        {value(entry.oldTarget)} → <strong>{value(entry.newTarget)}</strong>
      </p>
      <p className="muted target-change-meta">
        {entry.changedByName ?? t('changes.someone')} · {dateOf(entry.changedAt)}
      </p>
      <p className="target-change-reason">{entry.reason}</p>
      {entry.proposalId && <ProposalBehind proposalId={entry.proposalId} unit={unit} />}
    </li>
  );
}

function ProposalBehind({ proposalId, unit }: { proposalId: string; unit: string }) {
  const { t } = useTranslation('catchball');
  const org = useOrg().data;
  const proposal = useQuery(queries.proposal(proposalId));
  const matrices = useQuery({ ...queries.matrices(org?.organisation.id ?? ''), enabled: !!org });
  if (proposal.isPending) return <LoadingBlock label={t('changes.loadingProposal')} />;
  if (proposal.isError) return <p className="muted">{t('changes.proposalFailed')}</p>;
  const thread = proposal.data;
  const matrix = matrices.data?.find((m) => m.id === thread.matrixId);
  const evidence = EvidenceSchema.safeParse(thread.evidence);
  const outlook = evidence.success ? evidence.data.outlook : null;
  const child = org?.unitsById.get(thread.childUnitId)?.name ?? t('changes.theUnit');
  return (
    <div className="target-change-proposal" data-testid="target-change-proposal">
      <p>
        <Trans
          t={t}
          ns="catchball"
          i18nKey="changes.proposalFrom"
          values={{ unit: child }}
          components={{ strong: <strong /> }}
        />
        {thread.rationale && t('changes.rationale', { rationale: thread.rationale })}
      </p>
      {outlook && evidence.success && (
        <p className="muted">
          {t(evidence.data.trials ? 'changes.evidenceTrials' : 'changes.evidence', {
            target: withUnit(outlook.target, unit),
            percent: Math.round(outlook.probability * 100),
            p80: withUnit(outlook.reachable.p80, unit),
            count: evidence.data.trials ?? 0,
          })}
        </p>
      )}
      {thread.resources.summary && <p className="muted">{thread.resources.summary}</p>}
      <ol className="target-change-thread">
        {thread.events.map((event) => (
          <li key={event.id}>
            <Trans
              t={t}
              ns="catchball"
              i18nKey="changes.event"
              values={{
                actor: event.actorName ?? t('changes.someone'),
                action: event.action,
                target: formatNumber(event.target),
              }}
              components={{ strong: <strong /> }}
            />
            {event.comment && <> — {event.comment}</>}
          </li>
        ))}
      </ol>
      {org && matrix && (
        <Link
          href={`${paths.pressure(org.organisation.id, thread.childUnitId, matrix.year)}#proposal-${thread.id}`}
          className="target-change-link"
        >
          {t('changes.open')}
        </Link>
      )}
    </div>
  );
}
