/**
 * What a check-in upload would write: the count, every problem by row and column (as the OKR
 * import's preview shows them), how the file was read (`reading`), and each row as read with its item's
 * name. `action` is the confirm button; `busy` while the file is read again.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckInUploadPreview } from '../../../contracts';
import { Badge } from '../badge';
import { formatNumber } from '../okr/okr-format';

export function CheckInUploadPreviewView({
  preview,
  action,
  reading,
  busy = false,
}: {
  preview: CheckInUploadPreview;
  action: ReactNode;
  reading: ReactNode;
  busy?: boolean;
}) {
  const { t } = useTranslation('imports');
  const { rows, problems } = preview;
  const items = new Set(rows.map((row) => row.item)).size;
  return (
    <section
      className={`import-preview${busy ? ' import-preview-busy' : ''}`}
      aria-label={t('preview.label')}
      aria-busy={busy}
      data-testid="check-in-upload-preview"
    >
      {reading}
      <div className="import-summary">
        <Badge tone="brand">{t('preview.checkIns', { count: rows.length })}</Badge>
        <Badge tone="blue">{t('preview.items', { count: items })}</Badge>
        <Badge tone={problems.length > 0 ? 'red' : 'green'} dot>
          {problems.length === 0
            ? t('preview.noProblems')
            : t('preview.problems', { count: problems.length })}
        </Badge>
        <span className="import-summary-spacer" />
        {action}
      </div>
      {problems.length > 0 && (
        <table
          className="import-table import-problems import-problems-where"
          data-testid="check-in-upload-problems"
        >
          <caption>{t('preview.fixAbove')}</caption>
          <thead>
            <tr>
              <th>{t('preview.where')}</th>
              <th>{t('preview.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((problem, index) => (
              <tr key={index}>
                <td>{problem.path}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > 0 && (
        <table className="import-table" data-testid="check-in-upload-rows">
          <thead>
            <tr>
              <th>{t('preview.row')}</th>
              <th>{t('preview.item')}</th>
              <th>{t('preview.date')}</th>
              <th className="tabular">{t('preview.value')}</th>
              <th className="tabular">{t('preview.confidence')}</th>
              <th>{t('preview.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row}>
                <td>{row.row}</td>
                <td>
                  {row.itemTitle ?? <Badge tone="red">{t('preview.unknownItem', { item: row.item })}</Badge>}
                </td>
                <td className="tabular">{row.date}</td>
                {/* As read, without grouping: "1125", never a "1,125" that could be read back either way. */}
                <td className="tabular">{String(row.value)}</td>
                <td className="tabular">{formatNumber(row.confidence)}</td>
                <td>{row.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
