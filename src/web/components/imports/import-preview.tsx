/**
 * What an OKR sheet would create: the summary, every problem by row and column, how each column
 * was read, and the objectives with their key results. `action` is the confirm button.
 */
import type { ReactNode } from 'react';
import type { OkrImportPreview } from '../../../contracts';
import { Badge } from '../badge';
import { useOrg } from '../../hooks/org-context';
import { plural } from '../../../core/plural';

export function ImportPreviewView({ preview, action }: { preview: OkrImportPreview; action: ReactNode }) {
  const { summary, problems } = preview;
  const units = useOrg().data?.unitsById;
  return (
    <section className="import-preview" aria-label="Preview" data-testid="import-preview">
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
          <caption>Fix these in the file and choose it again; nothing has been written.</caption>
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
      <details className="import-mapping" open={problems.length > 0}>
        <summary>How the columns were read</summary>
        <table className="import-table">
          <thead>
            <tr>
              <th>Column</th>
              <th>Header</th>
              <th>Read as</th>
            </tr>
          </thead>
          <tbody>
            {preview.mapping.map((entry) => (
              <tr key={entry.column}>
                <td>{entry.column}</td>
                <td>{entry.header}</td>
                <td>{entry.field ?? <Badge tone="red">unknown</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
