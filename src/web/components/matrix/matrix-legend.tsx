/** The legend under the matrix: symbols of the corner grids and the Who grid, and the part names. */
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../contracts';
import { CORRELATION_STRENGTHS, STRENGTH_SYMBOL } from '../../../core/correlation';
import { OWNERSHIP_ROLES, ROLE_SYMBOL } from '../../../core/ownership';
import { MATRIX_PARTS } from '../../../core/x-matrix-parts';
import { shownPartNames } from '../../i18n/part-names';

export function MatrixLegend({ partNames: named }: { partNames: Organisation['partNames'] }) {
  const { t } = useTranslation('matrix');
  const partNames = shownPartNames(named);
  return (
    <div className="mx-legend" aria-label={t('legend.label')}>
      <div className="mx-legend-group">
        <span className="mx-legend-title">{t('legend.correlation')}</span>
        {CORRELATION_STRENGTHS.map((strength) => (
          <span key={strength}>
            <b className="sym">{STRENGTH_SYMBOL[strength]}</b> {t(`marks.${strength}`)}
          </span>
        ))}
      </div>
      <div className="mx-legend-group">
        <span className="mx-legend-title">{partNames.who}</span>
        {OWNERSHIP_ROLES.map((role) => (
          <span key={role}>
            <b className="sym">{ROLE_SYMBOL[role]}</b> {t(`marks.${role}`)}
          </span>
        ))}
      </div>
      <div className="mx-legend-group mx-legend-parts">
        <span className="mx-legend-title">{t('legend.parts')}</span>
        {MATRIX_PARTS.map((part) => (
          <span key={part} className={`part-chip part-${part}`}>
            {t(`legend.${part}`, { name: partNames[part] })}
          </span>
        ))}
      </div>
    </div>
  );
}
