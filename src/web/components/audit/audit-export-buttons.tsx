/** Download links for everything the current filters match: CSV (spreadsheet-safe) and JSON. */
import { useTranslation } from 'react-i18next';
import { auditExportUrl, type AuditParams } from '../../api-client';

export function AuditExportButtons({ params }: { params: Omit<AuditParams, 'cursor' | 'limit'> }) {
  const { t } = useTranslation('audit');
  return (
    <div className="audit-export" role="group" aria-label={t('export.label')}>
      <a className="btn btn-secondary btn-sm" href={auditExportUrl(params, 'csv')} download>
        {t('export.csv')}
      </a>
      <a className="btn btn-ghost btn-sm" href={auditExportUrl(params, 'json')} download>
        {t('export.json')}
      </a>
    </div>
  );
}
