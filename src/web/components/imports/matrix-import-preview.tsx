/**
 * What importing a spreadsheet X-matrix would write: counts per part, the matrix it replaces,
 * what a copy leaves out (warnings) and what stops it (problems), each by sheet, row and column.
 * `action` is the confirm button.
 */
import type { ReactNode } from 'react';
import type { MatrixImportPreview } from '../../../contracts';
import { Badge, type BadgeTone } from '../badge';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `sheet "How", row 4, column C (Start date)` → its parts, for a table a spreadsheet user scans. */
function place(path: string): { sheet: string; row: string; column: string } {
  const found = /^sheet "([^"]+)"(?:, row (\d+))?(?:, column ([A-Z]+))?(?: \((.+)\))?/.exec(path);
  if (!found) return { sheet: path === '(file)' ? 'the file' : path, row: '—', column: '—' };
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
  return (
    <table className={`import-table import-issues import-issues-${kind.toLowerCase()}`} data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Sheet</th>
          <th scope="col">Row</th>
          <th scope="col">Column</th>
          <th scope="col">{kind}</th>
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
  const { counts, problems, warnings, replaces } = preview;
  const parts: { label: string; tone: BadgeTone }[] = [
    { label: count(counts.what, 'breakthrough objective'), tone: 'brand' },
    { label: count(counts.howFar, 'annual objective'), tone: 'brand' },
    { label: count(counts.how, 'improvement priority', 'improvement priorities'), tone: 'blue' },
    { label: count(counts.howMuch, 'KPI'), tone: 'blue' },
    { label: count(counts.who, 'owner'), tone: 'teal' },
    { label: count(counts.correlations, 'correlation'), tone: 'neutral' },
    { label: count(counts.owners, 'ownership'), tone: 'neutral' },
    { label: count(counts.impacts, 'impact'), tone: 'violet' },
    { label: count(counts.efforts, 'effort row'), tone: 'violet' },
  ];
  return (
    <section className="import-preview" aria-label="Preview" data-testid="matrix-import-preview">
      <div className="import-summary">
        {parts.map((part) => (
          <Badge key={part.label} tone={part.tone}>
            {part.label}
          </Badge>
        ))}
      </div>
      <div className="import-summary">
        <Badge tone={problems.length > 0 ? 'red' : 'green'} dot>
          {problems.length === 0 ? 'no problems' : count(problems.length, 'problem')}
        </Badge>
        {warnings.length > 0 && (
          <Badge tone="amber" dot>
            {count(warnings.length, 'warning')}
          </Badge>
        )}
        <span className="import-target">
          {replaces
            ? `Replaces the ${preview.year} X-matrix of ${preview.unit.name} (${count(replaces.items, 'item')})`
            : `A new ${preview.year} X-matrix for ${preview.unit.name}`}
          {preview.mode === 'copy' ? ', every item with a new ID' : ', keeping the file’s IDs'}
        </span>
        <span className="import-summary-spacer" />
        {action}
      </div>
      {problems.length > 0 && (
        <IssueTable
          issues={problems}
          kind="Problem"
          testId="matrix-import-problems"
          caption="Fix these in the file (or change the options above) and preview again; nothing has been written."
        />
      )}
      {warnings.length > 0 && (
        <IssueTable
          issues={warnings}
          kind="Warning"
          testId="matrix-import-warnings"
          caption="The copy leaves these out: they name nothing the file or this organisation has."
        />
      )}
    </section>
  );
}
