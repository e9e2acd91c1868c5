/**
 * How a file was read ("Read as CSV separated by semicolons; decimal comma, …") and the two
 * choices that override what was detected: the decimal mark and the date order. Changing one
 * calls `onChange` with the whole choice; the page reads the file again with it.
 */
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('imports');
  return (
    <div className="import-reading" data-testid="import-reading">
      <p className="import-reading-line" data-testid="import-reading-line">
        {line}
      </p>
      <div className="import-reading-choices">
        <label className="picker">
          <span>{t('readingChoices.decimal')}</span>
          <select
            value={choice.decimal ?? ''}
            disabled={disabled}
            onChange={(event) =>
              onChange({ ...choice, decimal: (event.target.value || undefined) as ReadingChoice['decimal'] })
            }
          >
            <option value="">{t('readingChoices.detected')}</option>
            <option value="point">{t('readingChoices.point')}</option>
            <option value="comma">{t('readingChoices.comma')}</option>
          </select>
        </label>
        <label className="picker">
          <span>{t('readingChoices.dateOrder')}</span>
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
            <option value="">{t('readingChoices.detected')}</option>
            <option value="day_first">{t('readingChoices.dayFirst')}</option>
            <option value="month_first">{t('readingChoices.monthFirst')}</option>
          </select>
        </label>
      </div>
    </div>
  );
}
