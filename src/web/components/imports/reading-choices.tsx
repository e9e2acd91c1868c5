/**
 * How a file was read ("Read as CSV separated by semicolons; decimal comma, …") and the two
 * choices that override what was detected: the decimal mark and the date order. Changing one
 * calls `onChange` with the whole choice; the page reads the file again with it.
 */
import type { ReadingChoice } from '../../api-uploads';

export function ReadingChoices({
  line,
  choice,
  onChange,
  disabled = false,
}: {
  line: string;
  choice: ReadingChoice;
  onChange: (choice: ReadingChoice) => void;
  disabled?: boolean;
}) {
  return (
    <div className="import-reading" data-testid="import-reading">
      <p className="import-reading-line" data-testid="import-reading-line">
        {line}
      </p>
      <div className="import-reading-choices">
        <label className="picker">
          <span>Decimal mark</span>
          <select
            value={choice.decimal ?? ''}
            disabled={disabled}
            onChange={(event) =>
              onChange({ ...choice, decimal: (event.target.value || undefined) as ReadingChoice['decimal'] })
            }
          >
            <option value="">Detected</option>
            <option value="point">Point (2.5)</option>
            <option value="comma">Comma (2,5)</option>
          </select>
        </label>
        <label className="picker">
          <span>Date order</span>
          <select
            value={choice.dateOrder ?? ''}
            disabled={disabled}
            onChange={(event) =>
              onChange({
                ...choice,
                dateOrder: (event.target.value || undefined) as ReadingChoice['dateOrder'],
              })
            }
          >
            <option value="">Detected</option>
            <option value="day_first">Day first (31/12)</option>
            <option value="month_first">Month first (12/31)</option>
          </select>
        </label>
      </div>
    </div>
  );
}
