/** Download links for everything the current filters match: CSV (spreadsheet-safe) and JSON. */
import { auditExportUrl, type AuditParams } from '../../api-client';

export function AuditExportButtons({ params }: { params: Omit<AuditParams, 'cursor' | 'limit'> }) {
  return (
    <div className="audit-export" role="group" aria-label="Export the history">
      <a className="btn btn-secondary btn-sm" href={auditExportUrl(params, 'csv')} download>
        Export CSV
      </a>
      <a className="btn btn-ghost btn-sm" href={auditExportUrl(params, 'json')} download>
        Export JSON
      </a>
    </div>
  );
}
