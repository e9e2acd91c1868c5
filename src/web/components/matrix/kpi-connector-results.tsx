/**
 * What a KPI connector did and would do, in its detail drawer: the last run (status, when, what it
 * recorded, its problems) and a dry run's values with what each would become.
 */
import type { ConnectorPreview, ConnectorRun } from '../../../contracts';
import { plural } from '../../../core/plural';
import { formatDay, formatWhen } from '../../format/dates';
import { Badge, type BadgeTone } from '../badge';

const STATUS: Record<ConnectorRun['status'], { tone: BadgeTone; label: string }> = {
  ok: { tone: 'green', label: 'Last run succeeded' },
  partial: { tone: 'amber', label: 'Last run partly succeeded' },
  failed: { tone: 'red', label: 'Last run failed' },
};
const ACTION_LABEL = {
  create: 'New',
  correct: 'Corrects',
  unchanged: 'Already recorded',
  skipped: 'Skipped',
} as const;

export function LastRun({ run }: { run: ConnectorRun }) {
  const status = STATUS[run.status];
  const parts = [
    run.created > 0 ? plural(run.created, 'new check-in') : null,
    run.corrected > 0 ? plural(run.corrected, 'correction') : null,
    run.unchanged > 0 ? `${plural(run.unchanged, 'value')} already recorded` : null,
    run.skipped > 0 ? `${plural(run.skipped, 'value')} skipped` : null,
  ].filter((part) => part !== null);
  return (
    <div className="connector-last-run" data-testid="connector-last-run">
      <div className="connector-last-run-head">
        <Badge tone={status.tone} dot>
          {status.label}
        </Badge>
        <span className="muted">{formatWhen(run.at)}</span>
      </div>
      <p className="detail-empty">{parts.length > 0 ? parts.join(', ') : 'Nothing to record'}</p>
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
  return (
    <div className="connector-preview" data-testid="connector-preview">
      <h4>Dry run: {plural(preview.values.length, 'value')} read, nothing written</h4>
      {preview.values.length > 0 && (
        <table className="connector-preview-table">
          <thead>
            <tr>
              <th>Date</th>
              <th className="num">Value</th>
              <th>Would be</th>
            </tr>
          </thead>
          <tbody>
            {preview.values.map((value) => (
              <tr key={value.date} data-action={value.action}>
                <td>{formatDay(value.date)}</td>
                <td className="num">{value.value.toLocaleString()}</td>
                <td>
                  {ACTION_LABEL[value.action]}
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
