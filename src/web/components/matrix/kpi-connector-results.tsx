/**
 * What a KPI connector did and would do, in its detail drawer: the last run (status, when, what it
 * recorded, its problems) and a dry run's values with what each would become.
 */
import { useTranslation } from 'react-i18next';
import type { ConnectorPreview, ConnectorRun } from '../../../contracts';
import { formatDay, formatWhen } from '../../format/dates';
import { currentLocale } from '../../i18n/locale';
import { Badge, type BadgeTone } from '../badge';

const STATUS_TONE: Record<ConnectorRun['status'], BadgeTone> = {
  ok: 'green',
  partial: 'amber',
  failed: 'red',
};

export function LastRun({ run }: { run: ConnectorRun }) {
  const { t } = useTranslation('items');
  const parts = [
    run.created > 0 ? t('connectorResults.created', { count: run.created }) : null,
    run.corrected > 0 ? t('connectorResults.corrected', { count: run.corrected }) : null,
    run.unchanged > 0 ? t('connectorResults.unchanged', { count: run.unchanged }) : null,
    run.skipped > 0 ? t('connectorResults.skipped', { count: run.skipped }) : null,
  ].filter((part) => part !== null);
  return (
    <div className="connector-last-run" data-testid="connector-last-run">
      <div className="connector-last-run-head">
        <Badge tone={STATUS_TONE[run.status]} dot>
          {t(`connectorResults.statuses.${run.status}`)}
        </Badge>
        <span className="muted">{formatWhen(run.at)}</span>
      </div>
      <p className="detail-empty">
        {parts.length > 0 ? parts.join(t('connectorResults.separator')) : t('connectorResults.nothing')}
      </p>
      {run.problems.length > 0 && (
        <ul className="connector-problems">
          {run.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function PreviewTable({ preview }: { preview: ConnectorPreview }) {
  const { t } = useTranslation('items');
  return (
    <div className="connector-preview" data-testid="connector-preview">
      <h4>{t('connectorResults.dryRun', { count: preview.values.length })}</h4>
      {preview.values.length > 0 && (
        <table className="connector-preview-table">
          <thead>
            <tr>
              <th>{t('connectorResults.date')}</th>
              <th className="num">{t('connectorResults.value')}</th>
              <th>{t('connectorResults.wouldBe')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.values.map((value) => (
              <tr key={value.date} data-action={value.action}>
                <td>{formatDay(value.date)}</td>
                <td className="num">{value.value.toLocaleString(currentLocale())}</td>
                <td>
                  {t(`connectorResults.actions.${value.action}`)}
                  {value.note && <span className="muted"> · {value.note}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.problems.length > 0 && (
        <ul className="connector-problems">
          {preview.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
