/**
 * The Export menu of the matrix page: plain download links, so the browser saves exactly the
 * file the server (and the CLI) produce; nothing is drawn in the browser. For people who may edit
 * the matrix it ends with the way back in: importing a spreadsheet X-matrix (`importHref`).
 */
import { Link } from 'wouter';
import { matrixExportUrl, type MatrixExportFormat } from '../../api-uploads';
import { ChevronDownIcon } from '../icons';

const ENTRIES: { format: MatrixExportFormat; label: string; hint: string }[] = [
  { format: 'pdf', label: 'PDF', hint: 'A3 landscape, ready to print' },
  { format: 'png', label: 'PNG', hint: 'A3 image, 150 dpi' },
  { format: 'svg', label: 'SVG', hint: 'A3 vector drawing' },
  { format: 'xlsx', label: 'XLSX', hint: 'Spreadsheet X-matrix (imports back)' },
  { format: 'json', label: 'JSON', hint: 'Plan document of this unit' },
  { format: 'yaml', label: 'YAML', hint: 'Plan document of this unit' },
];

export function ExportMenu({
  importHref,
  ...ids
}: {
  matrixId: string;
  organisationId: string;
  unitId: string;
  importHref?: string | undefined;
}) {
  return (
    <details className="export-menu">
      <summary className="btn btn-ghost btn-sm">
        <span>Export</span>
        <ChevronDownIcon size={12} />
      </summary>
      <ul className="export-menu-list" aria-label="Export formats">
        {ENTRIES.map((entry) => (
          <li key={entry.format}>
            <a href={matrixExportUrl(entry.format, ids)} download data-testid={`export-${entry.format}`}>
              <strong>{entry.label}</strong>
              <span>{entry.hint}</span>
            </a>
          </li>
        ))}
        {importHref && (
          <li className="export-menu-import">
            <Link href={importHref} data-testid="import-matrix-xlsx">
              <strong>Import from a spreadsheet…</strong>
              <span>Replace or copy from an XLSX</span>
            </Link>
          </li>
        )}
      </ul>
    </details>
  );
}
