/**
 * What an OKR sheet would create: the summary, how the file was read (`reading`), every problem
 * by row and column, how each column was read (`mapping`, the editor), and the objectives with
 * their key results. `action` is the confirm button; `busy` while the file is read again.
 */
import type { ReactNode } from 'react';
import type { OkrImportPreview } from '../../../contracts';
import { Badge } from '../badge';
import { useOrg } from '../../hooks/org-context';
import { plural } from '../../../core/plural';

export function ImportPreviewView({
  preview,
  action,
  reading,
  mapping,
  mappingOpen,
  busy = false,
}: {
  preview: OkrImportPreview;
  action: ReactNode;
  reading: ReactNode;
  mapping: ReactNode;
  /** Whether a column waits for the person's choice: the mapping is shown open. */
  mappingOpen: boolean;
  busy?: boolean;
}) {
  const { summary, problems } = preview;
  const units = useOrg().data?.unitsById;
  return (
    <section
      className={`import-preview${busy ? ' import-preview-busy' : ''}`}
      aria-label="Preview"
      aria-busy={busy}
      data-testid="import-preview"
    >
      {reading}
      <div className="import-summary">
        <Badge tone="brand">{plural(summary.objectives, 'objective')}</Badge>
        <Badge tone="blue">{plural(summary.keyResults, 'key result')}</Badge>
        <Badge tone="teal">{plural(summary.people, 'new person', 'new people')}</Badge>
        <Badge tone={problems.length > 0 ? 'red' : 'green'} dot>
          {problems.length === 0 ? 'no problems' : plural(problems.length, 'problem')}
        </Badge>
        <span className="import-summary-spacer" />
        {action}
      </div>
      {problems.length > 0 && (
        <table className="import-table import-problems" data-testid="import-problems">
          <caption>
            Fix these in the file and choose it again, or say below how to read it; nothing has been written.
          </caption>
          <thead>
            <tr>
              <th>Row</th>
              <th>Column</th>
              <th>Problem</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((problem, index) => (
              <tr key={index}>
                <td>{problem.row ?? '—'}</td>
                <td>{problem.column ?? '—'}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details className="import-mapping" open={mappingOpen || problems.length > 0}>
        <summary>How the columns were read ({plural(preview.mapping.length, 'column')})</summary>
        {mapping}
      </details>
      <ol className="import-objectives">
        {preview.objectives.map((objective) => (
          <li key={objective.row}>
            <div className="import-objective">
              <strong>{objective.title}</strong>
              <Badge>{units?.get(objective.unitId)?.name ?? objective.unitId}</Badge>
              {objective.kind === 'aspirational' && <Badge tone="violet">aspirational</Badge>}
              {objective.parent && <span className="import-parent">↳ aligned to {objective.parent}</span>}
            </div>
            <ul>
              {objective.keyResults.map((kr) => (
                <li key={kr.row}>
                  {kr.title}
                  <span className="import-kr-meta">
                    {kr.baseline !== null || kr.target !== null
                      ? ` ${kr.baseline ?? '…'} → ${kr.target ?? '…'} ${kr.unitOfMeasure}`
                      : ` ${kr.kind}`}
                    {kr.owner ? ` · ${kr.owner}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
