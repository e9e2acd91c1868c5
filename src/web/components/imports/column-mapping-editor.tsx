/**
 * The column mapping of an OKR sheet preview, editable: each column a choice of the fields in
 * words, or "Skip this column". Columns whose header could mean two fields are highlighted with
 * what they could be until the person chooses. `onChoose` gets the column and a field, or null to
 * skip it; the page reads the file again with the choice.
 */
import type { OkrSheetField } from '../../../core/okr-sheet-columns';
import { Badge } from '../badge';
import { candidatesInWords, OKR_FIELD_OPTIONS, okrFieldLabel, type MappingRow } from './sheet-reading';

const SKIP = 'skip';

const HOW: Record<MappingRow['from'], string> = {
  header: 'from the header',
  chosen: 'chosen',
  values: 'settled by the values',
  unknown: 'not recognised',
  ambiguous: 'ambiguous',
};

export function ColumnMappingEditor({
  rows,
  onChoose,
  disabled = false,
}: {
  rows: readonly MappingRow[];
  onChoose: (column: string, field: OkrSheetField | null) => void;
  disabled?: boolean;
}) {
  return (
    <table className="import-table import-mapping-table" data-testid="import-mapping">
      <thead>
        <tr>
          <th>Column</th>
          <th>Header</th>
          <th>Holds</th>
          <th>How</th>
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
                  aria-label={`Column ${row.column} (${row.header}) holds`}
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
                        ? `Choose: ${candidatesInWords(row.candidates)}…`
                        : 'Choose what it holds…'}
                    </option>
                  )}
                  {row.candidates && (
                    <optgroup label="Could be">
                      {row.candidates.map((field) => (
                        <option key={field} value={field}>
                          {okrFieldLabel(field)}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  <optgroup label={row.candidates ? 'Any field' : 'Fields'}>
                    {OKR_FIELD_OPTIONS.filter(({ field }) => !row.candidates?.includes(field)).map(
                      ({ field, label }) => (
                        <option key={field} value={field}>
                          {label}
                        </option>
                      ),
                    )}
                  </optgroup>
                  <option value={SKIP}>Skip this column</option>
                </select>
              </td>
              <td className="import-mapping-how">
                {row.repeats ? (
                  <Badge tone="red">another column holds {row.field ? okrFieldLabel(row.field) : 'it'}</Badge>
                ) : row.from === 'ambiguous' && row.candidates ? (
                  <Badge tone="amber">could be {candidatesInWords(row.candidates)}</Badge>
                ) : row.from === 'unknown' ? (
                  <Badge tone="red">not recognised</Badge>
                ) : row.from === 'chosen' ? (
                  <Badge tone="brand">chosen</Badge>
                ) : (
                  HOW[row.from]
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
