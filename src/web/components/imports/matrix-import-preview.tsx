/**
 * What importing a spreadsheet X-matrix would write: counts per part, the matrix it replaces,
 * what a copy leaves out (warnings) and what stops it (problems), each by sheet, row and column.
 * `action` is the confirm button.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixImportPreview } from '../../../contracts';
import { i18n } from '../../i18n/i18n';
import { Badge, type BadgeTone } from '../badge';

/** `sheet "How", row 4, column C (Start date)` → its parts, for a table a spreadsheet user scans. */
function place(path: string): { sheet: string; row: string; column: string } {
  const found = /^sheet "([^"]+)"(?:, row (\d+))?(?:, column ([A-Z]+))?(?: \((.+)\))?/.exec(path);
  if (!found)
    return { sheet: path === '(file)' ? i18n.t('imports:matrix.theFile') : path, row: '—', column: '—' };
  const [, sheet = '', row, column, header] = found;
  return {
    sheet,
    row: row ?? '—',
    column: [column, header ? `(${header})` : null].filter(Boolean).join(' ') || '—',
  };
}

function IssueTable({
  issues,
  caption,
  kind,
  testId,
}: {
  issues: MatrixImportPreview['problems'];
  caption: string;
  kind: 'Problem' | 'Warning';
  testId: string;
}) {
  const { t } = useTranslation('imports');
  return (
    <table className={`import-table import-issues import-issues-${kind.toLowerCase()}`} data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('matrix.sheet')}</th>
          <th scope="col">{t('matrix.row')}</th>
          <th scope="col">{t('matrix.column')}</th>
          <th scope="col">{t(kind === 'Problem' ? 'matrix.problem' : 'matrix.warning')}</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((issue, index) => {
          const where = place(issue.path);
          return (
            <tr key={index}>
              <td>{where.sheet}</td>
              <td>{where.row}</td>
              <td>{where.column}</td>
              <td>{issue.message}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function MatrixImportPreviewView({
  preview,
  action,
}: {
  preview: MatrixImportPreview;
  action: ReactNode;
}) {
  const { t } = useTranslation('imports');
  const { counts, problems, warnings, replaces } = preview;
  const parts: { label: string; tone: BadgeTone }[] = [
    { label: t('matrix.counts.what', { count: counts.what }), tone: 'brand' },
    { label: t('matrix.counts.howFar', { count: counts.howFar }), tone: 'brand' },
    { label: t('matrix.counts.how', { count: counts.how }), tone: 'blue' },
    { label: t('matrix.counts.howMuch', { count: counts.howMuch }), tone: 'blue' },
    { label: t('matrix.counts.who', { count: counts.who }), tone: 'teal' },
    { label: t('matrix.counts.correlations', { count: counts.correlations }), tone: 'neutral' },
    { label: t('matrix.counts.owners', { count: counts.owners }), tone: 'neutral' },
    { label: t('matrix.counts.impacts', { count: counts.impacts }), tone: 'violet' },
    { label: t('matrix.counts.efforts', { count: counts.efforts }), tone: 'violet' },
  ];
  const target = { year: String(preview.year), unit: preview.unit.name };
  return (
    <section className="import-preview" aria-label={t('preview.label')} data-testid="matrix-import-preview">
      <div className="import-summary">
        {parts.map((part) => (
          <Badge key={part.label} tone={part.tone}>
            {part.label}
          </Badge>
        ))}
      </div>
      <div className="import-summary">
        <Badge tone={problems.length > 0 ? 'red' : 'green'} dot>
          {problems.length === 0
            ? t('preview.noProblems')
            : t('preview.problems', { count: problems.length })}
        </Badge>
        {warnings.length > 0 && (
          <Badge tone="amber" dot>
            {t('matrix.warnings', { count: warnings.length })}
          </Badge>
        )}
        <span className="import-target">
          {replaces
            ? t(preview.mode === 'copy' ? 'matrix.replacesCopy' : 'matrix.replacesKeep', {
                ...target,
                count: replaces.items,
              })
            : t(preview.mode === 'copy' ? 'matrix.newCopy' : 'matrix.newKeep', target)}
        </span>
        <span className="import-summary-spacer" />
        {action}
      </div>
      {problems.length > 0 && (
        <IssueTable
          issues={problems}
          kind="Problem"
          testId="matrix-import-problems"
          caption={t('matrix.problemsCaption')}
        />
      )}
      {warnings.length > 0 && (
        <IssueTable
          issues={warnings}
          kind="Warning"
          testId="matrix-import-warnings"
          caption={t('matrix.warningsCaption')}
        />
      )}
    </section>
  );
}
