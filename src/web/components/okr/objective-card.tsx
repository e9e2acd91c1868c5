/** One objective with its key results, kind (committed / aspirational), progress and alignment. */
import { useTranslation } from 'react-i18next';
import type { KeyResult, ObjectiveProgress, ObjectiveWithKeyResults, Person } from '../../../contracts';
import { Badge } from '../badge';
import { ExplanationPopover } from '../execution/explanation-popover';
import { StatusControl } from '../execution/status-control';
import { Button, IconButton } from '../button';
import { ArrowDownIcon, ArrowUpIcon, CopyIcon, LinkIcon, PencilIcon, PlusIcon, TrashIcon } from '../icons';
import { KeyResultRow } from './key-result-row';
import type { OkrEditActions } from './okr-editor';
import { shownObjectiveProgress } from './okr-format';
import { ProgressBar } from './progress-bar';

/** What an objective aligns to, resolved to a readable name (or just the kind when unknown). */
export interface AlignmentLabel {
  kind: 'objective' | 'key result';
  title: string | undefined;
  unitName: string | undefined;
}

interface ObjectiveCardProps {
  objective: ObjectiveWithKeyResults;
  index: number;
  peopleById: Map<string, Person>;
  alignment: AlignmentLabel | undefined;
  /** Progress, status and explanation from the server, when loaded. */
  execution?: ObjectiveProgress | undefined;
  /** Offers check-ins on the key results; called after one was saved. */
  onCheckedIn?: (() => void) | undefined;
  /** Which key results the user may check in on (all when not given); the others offer none. */
  mayCheckIn?: ((kr: KeyResult) => boolean) | undefined;
  /** Editing actions, for editors only; the card is read-only without them. */
  edit?: OkrEditActions | undefined;
  /** The objective's cycle, for check-in dates. */
  cycle?: { name: string; startDate: string; endDate: string } | undefined;
  /** How many objectives the list has (for move down). */
  count?: number;
  /** Editors of the unit change how several measuring KPIs combine. */
  canEdit?: boolean;
}

export function ObjectiveCard({
  objective,
  index,
  peopleById,
  alignment,
  execution,
  onCheckedIn,
  mayCheckIn,
  edit,
  cycle,
  count = 1,
  canEdit = false,
}: ObjectiveCardProps) {
  const { t } = useTranslation('okrs');
  const krs = [...objective.keyResults].sort((a, b) => a.position - b.position);
  return (
    <article className="objective" data-testid={`objective-${objective.id}`}>
      <header className="objective-header">
        <span className="objective-index tabular">O{index + 1}</span>
        <div className="objective-heading">
          <h2>{objective.title}</h2>
          {objective.description && <p className="objective-description">{objective.description}</p>}
          <div className="objective-tags">
            <Badge tone={objective.kind === 'committed' ? 'brand' : 'violet'}>
              {t(objective.kind === 'committed' ? 'objective.committed' : 'objective.aspirational')}
            </Badge>
            {alignment ? (
              <span
                className="alignment"
                title={t(
                  alignment.kind === 'key result'
                    ? 'objective.alignedTitleKr'
                    : 'objective.alignedTitleObjective',
                )}
              >
                <LinkIcon size={13} />
                <span>
                  {alignment.unitName
                    ? t(
                        alignment.kind === 'key result'
                          ? 'objective.alignedUnitKr'
                          : 'objective.alignedUnitObjective',
                        {
                          unit: alignment.unitName,
                        },
                      )
                    : t(
                        alignment.kind === 'key result'
                          ? 'objective.alignedKr'
                          : 'objective.alignedObjective',
                      )}
                  {alignment.title && (
                    <strong>{t('objective.alignedToTitle', { title: alignment.title })}</strong>
                  )}
                </span>
              </span>
            ) : (
              <span className="alignment alignment-none">{t('objective.notAligned')}</span>
            )}
          </div>
        </div>
        <div className="objective-progress">
          <ProgressBar
            value={shownObjectiveProgress(execution)}
            status={execution?.status.status}
            label={t('objective.progress', { title: objective.title })}
          />
          {execution && (
            <StatusControl
              status={execution.status}
              subject={{ kind: 'objectives', id: objective.id, title: objective.title }}
              onChanged={onCheckedIn}
            />
          )}
          <span className="objective-kr-count">{t('objective.krCount', { count: krs.length })}</span>
        </div>
      </header>
      {edit && (
        <div
          className="okr-toolbar"
          role="toolbar"
          aria-label={t('objective.edit', { title: objective.title })}
        >
          <IconButton
            size="sm"
            label={t('objective.moveUp', { title: objective.title })}
            disabled={index === 0}
            onClick={() => edit.shiftObjective(objective, -1, index)}
          >
            <ArrowUpIcon size={14} />
          </IconButton>
          <IconButton
            size="sm"
            label={t('objective.moveDown', { title: objective.title })}
            disabled={index >= count - 1}
            onClick={() => edit.shiftObjective(objective, 1, index)}
          >
            <ArrowDownIcon size={14} />
          </IconButton>
          <Button
            size="sm"
            variant="ghost"
            icon={<PencilIcon size={14} />}
            onClick={() => edit.editObjective(objective)}
          >
            {t('objective.editButton')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            icon={<PlusIcon size={14} />}
            onClick={() => edit.addKeyResult(objective)}
          >
            {t('objective.addKeyResult')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => edit.moveObjectiveToCycle(objective)}>
            {t('objective.moveToCycle')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            icon={<CopyIcon size={14} />}
            onClick={() => edit.cloneObjective(objective)}
          >
            {t('objective.clone')}
          </Button>
          <span className="okr-toolbar-spacer" />
          <IconButton
            size="sm"
            label={t('objective.delete', { title: objective.title })}
            onClick={() => edit.deleteObjective(objective)}
          >
            <TrashIcon size={14} />
          </IconButton>
        </div>
      )}
      {execution && (
        <ExplanationPopover explanation={execution.explanation} keyResults={execution.keyResults} />
      )}
      {krs.length > 0 ? (
        <ul className="kr-list">
          {krs.map((kr, krIndex) => (
            <KeyResultRow
              key={kr.id}
              kr={kr}
              cycle={cycle}
              edit={
                edit && {
                  actions: edit,
                  objective,
                  index: krIndex,
                  count: krs.length,
                }
              }
              owner={kr.ownerId ? peopleById.get(kr.ownerId) : undefined}
              execution={execution?.keyResults.find((view) => view.id === kr.id)}
              onCheckedIn={!mayCheckIn || mayCheckIn(kr) ? onCheckedIn : undefined}
              unitId={objective.unitId}
              canEdit={canEdit}
            />
          ))}
        </ul>
      ) : (
        <p className="objective-empty">{t('objective.empty')}</p>
      )}
    </article>
  );
}
