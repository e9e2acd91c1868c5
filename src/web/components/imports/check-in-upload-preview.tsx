/**
 * What a check-in upload would write: the count, every problem by row and column (as the OKR
 * import's preview shows them), how the file was read (`reading`), and each row as read with its item's
 * name. `action` is the confirm button; `busy` while the file is read again.
 */
import type { ReactNode } from 'react';
import type { CheckInUploadPreview } from '../../../contracts';
import { Badge } from '../badge';
import { formatNumber } from '../okr/okr-format';
import { plural } from '../../../core/plural';

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
  const { rows, problems } = preview;
  const items = new Set(rows.map((row) => row.item)).size;
  return (
    <section
      className={`import-preview${busy ? ' import-preview-busy' : ''}`}
      aria-label="Preview"
      aria-busy={busy}
      data-testid="check-in-upload-preview"
    >
      {reading}
      <div className="import-summary">
        <Badge tone="brand">{plural(rows.length, 'check-in')}</Badge>
        <Badge tone="blue">{plural(items, 'item')}</Badge>
        <Badge tone={problems.length > 0 ? 'red' : 'green'} dot>
          {problems.length === 0 ? 'no problems' : plural(problems.length, 'problem')}
        </Badge>
        <span className="import-summary-spacer" />
        {action}
      </div>
      {problems.length > 0 && (
        <table
          className="import-table import-problems import-problems-where"
          data-testid="check-in-upload-problems"
        >
          <caption>
            Fix these in the file and choose it again, or say above how to read it; nothing has been written.
          </caption>
          <thead>
            <tr>
              <th>Where</th>
              <th>Problem</th>
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
              <th>Row</th>
              <th>Item</th>
              <th>Date</th>
              <th className="tabular">Value</th>
              <th className="tabular">Confidence</th>
              <th>Comment</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row}>
                <td>{row.row}</td>
                <td>{row.itemTitle ?? <Badge tone="red">unknown: {row.item}</Badge>}</td>
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
