/** One key result in an objective card: kind, title, baseline → target, current, weight, owner, confidence. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'wouter';
import type { KeyResult, KeyResultProgress, Objective, Person } from '../../../contracts';
import { useOrg } from '../../hooks/org-context';
import { useHashTarget } from '../../hooks/use-hash-target';
import { Avatar } from '../avatar';
import { Badge } from '../badge';
import { HistoryDrawer } from '../audit/history-drawer';
import { Button, IconButton } from '../button';
import { ArrowDownIcon, ArrowUpIcon, PencilIcon, TrashIcon } from '../icons';
import type { OkrEditActions } from './okr-editor';
import { CheckInForm } from '../execution/check-in-form';
import { StatusControl } from '../execution/status-control';
import { confidenceTone, formatNumber, shownKeyResultProgress, KR_KIND_TONE, withUnit } from './okr-format';
import { CheckInHistory } from './check-in-history';
import { MeasuredBy } from './measured-by';
import { ProgressBar } from './progress-bar';
import { paths } from '../../paths';
import { titleNumberMismatch } from '../../../core/title-numbers';
import { TargetChanges } from '../catchball/target-changes';
import { KeyResultForecast } from '../execution/forecast-trend';

interface KeyResultRowProps {
  kr: KeyResult;
  owner: Person | undefined;
  /** Progress and status as the server computes them; until loaded, progress is core's over `kr`. */
  execution?: KeyResultProgress | undefined;
  /** Offers a check-in form when given (only where the user may check in); called after one was saved. */
  onCheckedIn?: (() => void) | undefined;
  /** Editing, for editors only: the actions, the objective and the row's place in it. */
  edit?: { actions: OkrEditActions; objective: Objective; index: number; count: number } | undefined;
  /** The key result's cycle, for the check-in date's range. */
  cycle?: { startDate: string; endDate: string; name: string } | undefined;
  /** The unit the key result belongs to. */
  unitId: string;
  /** Editors change how several measuring KPIs combine. */
  canEdit: boolean;
}

export function KeyResultRow({
  kr,
  owner,
  execution,
  onCheckedIn,
  edit,
  cycle,
  unitId,
  canEdit,
}: KeyResultRowProps) {
  const { t } = useTranslation('okrs');
  const [checkingIn, setCheckingIn] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [showCheckIns, setShowCheckIns] = useState(false);
  const progress = shownKeyResultProgress(kr, execution);
  const staleTitle =
    (kr.kind === 'increase' || kr.kind === 'decrease' || kr.kind === 'band') &&
    titleNumberMismatch(kr.title, kr.target, kr.targetHigh);
  const org = useOrg().data;
  const orgId = org?.organisation.id ?? '';
  const target = useHashTarget<HTMLLIElement>(`key-result-${kr.id}`);
  return (
    <li
      ref={target.ref}
      id={target.id}
      className={target.targeted ? 'kr is-targeted' : 'kr'}
      data-testid={`kr-${kr.id}`}
    >
      <div className="kr-main">
        <Badge tone={KR_KIND_TONE[kr.kind]}>{t(`kind.${kr.kind}`)}</Badge>
        <Link className="kr-title" href={paths.trace(orgId, 'key_result', kr.id)} title={t('kr.trace')}>
          {kr.title}
        </Link>
      </div>
      <div className="kr-target tabular" title={t('kr.targetTitle')}>
        <TargetText kr={kr} />
      </div>
      <div className="kr-current tabular" title={t('kr.currentTitle')}>
        <span className="kr-label">{t('kr.now')}</span> {currentText(kr, execution, t)}
      </div>
      <ProgressBar
        value={progress}
        status={execution?.status.status}
        label={t('kr.progress', { title: kr.title })}
      />
      <div className="kr-meta">
        <span className="kr-weight tabular" title={t('kr.weight')}>
          ×{formatNumber(kr.weight)}
        </span>
        <span className="kr-owner" title={t('kr.owner')}>
          {owner ? (
            <>
              <Avatar name={owner.name} size="sm" />
              {owner.name}
            </>
          ) : (
            <span className="muted">{t('kr.noOwner')}</span>
          )}
        </span>
        {kr.confidence !== null ? (
          <Badge tone={confidenceTone(kr.confidence)} dot title={t('kr.confidence')}>
            {Math.round(kr.confidence * 100)}%
          </Badge>
        ) : (
          <span className="muted kr-confidence-empty">—</span>
        )}
        {execution && (
          <StatusControl
            status={execution.status}
            subject={{ kind: 'key-results', id: kr.id, title: kr.title }}
            onChanged={onCheckedIn}
          />
        )}
        {staleTitle && (
          <Badge
            tone="amber"
            title={t('kr.titleMismatch', { target: withUnit(kr.target, kr.unitOfMeasure) })}
          >
            <span data-testid={`kr-title-mismatch-${kr.id}`}>{t('kr.titleOutOfDate')}</span>
          </Badge>
        )}
        {execution?.stale && (
          <Badge
            tone="neutral"
            title={
              execution.lastCheckIn
                ? t('kr.staleSince', { date: execution.lastCheckIn })
                : t('kr.staleSinceStart')
            }
          >
            {t('kr.stale')}
          </Badge>
        )}
        {onCheckedIn && !checkingIn && (
          <Button size="sm" variant="ghost" onClick={() => setCheckingIn(true)}>
            {t('kr.checkIn')}
          </Button>
        )}
        <Button
          size="sm"
          variant="ghost"
          aria-label={t('kr.checkInsOf', { title: kr.title })}
          aria-haspopup="dialog"
          onClick={() => setShowCheckIns(true)}
        >
          {t('kr.checkIns')}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-label={t('kr.historyOf', { title: kr.title })}
          aria-haspopup="dialog"
          onClick={() => setShowHistory(true)}
        >
          {t('kr.history')}
        </Button>
      </div>
      {edit && (
        <div className="kr-edit" role="toolbar" aria-label={t('kr.edit', { title: kr.title })}>
          <IconButton
            size="sm"
            label={t('kr.moveUp', { title: kr.title })}
            disabled={edit.index === 0}
            onClick={() => edit.actions.shiftKeyResult(kr, -1, edit.index)}
          >
            <ArrowUpIcon size={14} />
          </IconButton>
          <IconButton
            size="sm"
            label={t('kr.moveDown', { title: kr.title })}
            disabled={edit.index >= edit.count - 1}
            onClick={() => edit.actions.shiftKeyResult(kr, 1, edit.index)}
          >
            <ArrowDownIcon size={14} />
          </IconButton>
          <IconButton
            size="sm"
            label={t('kr.edit', { title: kr.title })}
            onClick={() => edit.actions.editKeyResult(edit.objective, kr)}
          >
            <PencilIcon size={14} />
          </IconButton>
          {edit.actions.canMoveKeyResults && (
            <Button size="sm" variant="ghost" onClick={() => edit.actions.moveKeyResult(kr)}>
              {t('kr.move')}
            </Button>
          )}
          <IconButton
            size="sm"
            label={t('kr.delete', { title: kr.title })}
            onClick={() => edit.actions.deleteKeyResult(kr)}
          >
            <TrashIcon size={14} />
          </IconButton>
        </div>
      )}
      {showCheckIns && (
        <CheckInHistory
          kr={kr}
          cycle={cycle}
          peopleById={org?.peopleById ?? new Map()}
          onCorrected={onCheckedIn}
          onClose={() => setShowCheckIns(false)}
        />
      )}
      {execution?.measure && (
        <MeasuredBy
          kr={kr}
          measure={execution.measure}
          overridden={execution.valueSource === 'override'}
          unitId={unitId}
          canEdit={canEdit}
        />
      )}
      {showHistory && (
        <HistoryDrawer
          subject={{ entityId: kr.id, entityTable: 'key_results', title: kr.title }}
          onClose={() => setShowHistory(false)}
        >
          <TargetChanges keyResultId={kr.id} unit={kr.unitOfMeasure} />
          <KeyResultForecast keyResultId={kr.id} />
        </HistoryDrawer>
      )}
      {onCheckedIn && checkingIn && (
        <CheckInForm
          subject={{ keyResultId: kr.id }}
          title={kr.title}
          cycle={cycle}
          measuredBy={execution?.measure?.contributions.map((kpi) => `${kpi.title} (${kpi.unitName})`)}
          onCancel={() => setCheckingIn(false)}
          onDone={() => {
            setCheckingIn(false);
            onCheckedIn();
          }}
        />
      )}
    </li>
  );
}

function TargetText({ kr }: { kr: KeyResult }) {
  const { t } = useTranslation('okrs');
  switch (kr.kind) {
    case 'binary':
      return <span>{t('kr.binaryTarget')}</span>;
    case 'milestone':
      return <span>{t('kr.steps', { count: kr.milestones.length })}</span>;
    case 'band':
      return (
        <span>
          {t('kr.band', { low: withUnit(kr.target, ''), high: withUnit(kr.targetHigh, kr.unitOfMeasure) })}
        </span>
      );
    case 'increase':
    case 'decrease':
      return (
        <span>
          {withUnit(kr.baseline, kr.unitOfMeasure)} <span className="arrow">→</span>{' '}
          <strong>{withUnit(kr.target, kr.unitOfMeasure)}</strong>
        </span>
      );
  }
}

/** The server's current value once loaded (a measured key result's comes from its KPIs), else the stored one. */
function currentText(kr: KeyResult, execution: KeyResultProgress | undefined, t: TFunction<'okrs'>): string {
  const current = execution ? execution.current : kr.current;
  if (current === null) return '—';
  if (kr.kind === 'binary') return t(current >= 1 ? 'kr.done' : 'kr.notDone');
  if (kr.kind === 'milestone')
    return t('kr.milestonesDone', { done: formatNumber(current), count: kr.milestones.length });
  return withUnit(current, kr.unitOfMeasure);
}
