/**
 * The Export menu of the matrix page: plain download links, so the browser saves exactly the
 * file the server (and the CLI) produce; nothing is drawn in the browser. For people who may edit
 * the matrix it ends with the way back in: importing a spreadsheet X-matrix (`importHref`).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { matrixExportUrl, type MatrixExportFormat } from '../../api-uploads';
import { ChevronDownIcon } from '../icons';

/** The formats offered; each one's hint is `matrix:export.hint.<format>`. */
const ENTRIES: { format: MatrixExportFormat; label: string }[] = [
  { format: 'pdf', label: 'PDF' },
  { format: 'png', label: 'PNG' },
  { format: 'svg', label: 'SVG' },
  { format: 'xlsx', label: 'XLSX' },
  { format: 'json', label: 'JSON' },
  { format: 'yaml', label: 'YAML' },
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
  const { t } = useTranslation('matrix');
  return (
    <details className="export-menu">
      <summary className="btn btn-ghost btn-sm">
        <span>{t('export.button')}</span>
        <ChevronDownIcon size={12} />
      </summary>
      <ul className="export-menu-list" aria-label={t('export.formats')}>
        {ENTRIES.map((entry) => (
          <li key={entry.format}>
            <a href={matrixExportUrl(entry.format, ids)} download data-testid={`export-${entry.format}`}>
              <strong>{entry.label}</strong>
              <span>{t(`export.hint.${entry.format}`)}</span>
            </a>
          </li>
        ))}
        {importHref && (
          <li className="export-menu-import">
            <Link href={importHref} data-testid="import-matrix-xlsx">
              <strong>{t('export.import')}</strong>
              <span>{t('export.importHint')}</span>
            </Link>
          </li>
        )}
      </ul>
    </details>
  );
}
