/**
 * The column mapping of an OKR sheet preview, editable: each column a choice of the fields in
 * words, or "Skip this column". Columns whose header could mean two fields are highlighted with
 * what they could be until the person chooses. `onChoose` gets the column and a field, or null to
 * skip it; the page reads the file again with the choice.
 */
import { useTranslation } from 'react-i18next';
import type { OkrSheetField } from '../../../core/okr-sheet-columns';
import { Badge } from '../badge';
import { candidatesInWords, okrFieldLabel, okrFieldOptions, type MappingRow } from './sheet-reading';

const SKIP = 'skip';

export function ColumnMappingEditor({
  rows,
  onChoose,
  disabled = false,
}: {
  rows: readonly MappingRow[];
  onChoose: (column: string, field: OkrSheetField | null) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('imports');
  const fieldOptions = okrFieldOptions();
  return (
    <table className="import-table import-mapping-table" data-testid="import-mapping">
      <thead>
        <tr>
          <th>{t('mapping.column')}</th>
          <th>{t('mapping.header')}</th>
          <th>{t('mapping.holds')}</th>
          <th>{t('mapping.how')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const open = row.field === null && (row.from === 'ambiguous' || row.from === 'unknown');
          const value = row.field ?? (row.from === 'chosen' ? SKIP : '');
          return (
            <tr
              key={row.column}
              className={open || row.repeats ? 'import-mapping-open' : undefined}
              data-column={row.column}
            >
              <td className="import-mapping-letter">{row.column}</td>
              <td>{row.header}</td>
              <td>
                <select
                  className="import-mapping-select"
                  aria-label={t('mapping.selectLabel', { column: row.column, header: row.header })}
                  value={value}
                  disabled={disabled}
                  onChange={(event) => {
                    const next = event.target.value;
                    onChoose(row.column, next === SKIP ? null : (next as OkrSheetField));
                  }}
                >
                  {value === '' && (
                    <option value="" disabled>
                      {row.candidates
                        ? t('mapping.chooseCandidates', { candidates: candidatesInWords(row.candidates) })
                        : t('mapping.choose')}
                    </option>
                  )}
                  {row.candidates && (
                    <optgroup label={t('mapping.couldBeGroup')}>
                      {row.candidates.map((field) => (
                        <option key={field} value={field}>
                          {okrFieldLabel(field)}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  <optgroup label={t(row.candidates ? 'mapping.anyField' : 'mapping.fields')}>
                    {fieldOptions
                      .filter(({ field }) => !row.candidates?.includes(field))
                      .map(({ field, label }) => (
                        <option key={field} value={field}>
                          {label}
                        </option>
                      ))}
                  </optgroup>
                  <option value={SKIP}>{t('mapping.skip')}</option>
                </select>
              </td>
              <td className="import-mapping-how">
                {row.repeats ? (
                  <Badge tone="red">
                    {row.field
                      ? t('mapping.repeatsField', { field: okrFieldLabel(row.field) })
                      : t('mapping.repeats')}
                  </Badge>
                ) : row.from === 'ambiguous' && row.candidates ? (
                  <Badge tone="amber">
                    {t('mapping.couldBe', { candidates: candidatesInWords(row.candidates) })}
                  </Badge>
                ) : row.from === 'unknown' ? (
                  <Badge tone="red">{t('mapping.from.unknown')}</Badge>
                ) : row.from === 'chosen' ? (
                  <Badge tone="brand">{t('mapping.from.chosen')}</Badge>
                ) : (
                  t(`mapping.from.${row.from}`)
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
