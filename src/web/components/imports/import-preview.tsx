/**
 * What an OKR sheet would create: the summary, how the file was read (`reading`), every problem
 * by row and column, how each column was read (`mapping`, the editor), and the objectives with
 * their key results. `action` is the confirm button; `busy` while the file is read again.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OkrImportPreview } from '../../../contracts';
import { Badge } from '../badge';
import { useOrg } from '../../hooks/org-context';

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
  const { t } = useTranslation('imports');
  const { summary, problems } = preview;
  const units = useOrg().data?.unitsById;
  return (
    <section
      className={`import-preview${busy ? ' import-preview-busy' : ''}`}
      aria-label={t('preview.label')}
      aria-busy={busy}
      data-testid="import-preview"
    >
      {reading}
      <div className="import-summary">
        <Badge tone="brand">{t('preview.objectives', { count: summary.objectives })}</Badge>
        <Badge tone="blue">{t('preview.keyResults', { count: summary.keyResults })}</Badge>
        <Badge tone="teal">{t('preview.people', { count: summary.people })}</Badge>
        <Badge tone={problems.length > 0 ? 'red' : 'green'} dot>
          {problems.length === 0
            ? t('preview.noProblems')
            : t('preview.problems', { count: problems.length })}
        </Badge>
        <span className="import-summary-spacer" />
        {action}
      </div>
      {problems.length > 0 && (
        <table className="import-table import-problems" data-testid="import-problems">
          <caption>{t('preview.fixBelow')}</caption>
          <thead>
            <tr>
              <th>{t('preview.row')}</th>
              <th>{t('preview.column')}</th>
              <th>{t('preview.problem')}</th>
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
        <summary>{t('preview.mappingSummary', { count: preview.mapping.length })}</summary>
        {mapping}
      </details>
      <ol className="import-objectives">
        {preview.objectives.map((objective) => (
          <li key={objective.row}>
            <div className="import-objective">
              <strong>{objective.title}</strong>
              <Badge>{units?.get(objective.unitId)?.name ?? objective.unitId}</Badge>
              {objective.kind === 'aspirational' && <Badge tone="violet">{t('preview.aspirational')}</Badge>}
              {objective.parent && (
                <span className="import-parent">{t('preview.alignedTo', { parent: objective.parent })}</span>
              )}
            </div>
            <ul>
              {objective.keyResults.map((kr) => (
                <li key={kr.row}>
                  {kr.title}
                  <span className="import-kr-meta">
                    {kr.baseline !== null || kr.target !== null
                      ? ` ${kr.baseline ?? '…'} → ${kr.target ?? '…'} ${kr.unitOfMeasure}`
                      : ` ${t(`preview.krKind.${kr.kind}`)}`}
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
