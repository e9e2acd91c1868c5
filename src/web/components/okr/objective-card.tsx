/** One objective with its key results, kind (committed / aspirational), progress and alignment. */
import type { KeyResult, ObjectiveProgress, ObjectiveWithKeyResults, Person } from '../../../contracts';
import { Badge } from '../badge';
import { ExplanationPopover } from '../execution/explanation-popover';
import { StatusBadge } from '../execution/status-badge';
import { LinkIcon } from '../icons';
import { KeyResultRow } from './key-result-row';
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
  canEdit = false,
}: ObjectiveCardProps) {
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
              {objective.kind === 'committed' ? 'Committed' : 'Aspirational'}
            </Badge>
            {alignment ? (
              <span className="alignment" title={`Aligned to a parent ${alignment.kind}`}>
                <LinkIcon size={13} />
                <span>
                  {`Aligned to ${alignment.unitName ? `${alignment.unitName} ` : ''}${alignment.kind === 'key result' ? 'KR' : 'objective'}`}
                  {alignment.title && <strong>: {alignment.title}</strong>}
                </span>
              </span>
            ) : (
              <span className="alignment alignment-none">Not aligned to a parent</span>
            )}
          </div>
        </div>
        <div className="objective-progress">
          <ProgressBar value={shownObjectiveProgress(execution)} label={`Progress of ${objective.title}`} />
          {execution && <StatusBadge status={execution.status} />}
          <span className="objective-kr-count">
            {krs.length} key result{krs.length === 1 ? '' : 's'}
          </span>
        </div>
      </header>
      {execution && (
        <ExplanationPopover explanation={execution.explanation} keyResults={execution.keyResults} />
      )}
      {krs.length > 0 ? (
        <ul className="kr-list">
          {krs.map((kr) => (
            <KeyResultRow
              key={kr.id}
              kr={kr}
              owner={kr.ownerId ? peopleById.get(kr.ownerId) : undefined}
              execution={execution?.keyResults.find((view) => view.id === kr.id)}
              onCheckedIn={!mayCheckIn || mayCheckIn(kr) ? onCheckedIn : undefined}
              unitId={objective.unitId}
              canEdit={canEdit}
            />
          ))}
        </ul>
      ) : (
        <p className="objective-empty">No key results yet — an objective needs 2-5 measurable key results.</p>
      )}
    </article>
  );
}
