/** The legend under the matrix: symbols of the corner grids and the Who grid, and the part names. */
import type { Organisation } from '../../../contracts';
import { CORRELATION_STRENGTHS, STRENGTH_SYMBOL } from '../../../core/correlation';
import { OWNERSHIP_ROLES, ROLE_SYMBOL } from '../../../core/ownership';

export function MatrixLegend({ partNames }: { partNames: Organisation['partNames'] }) {
  return (
    <div className="mx-legend" aria-label="Legend">
      <div className="mx-legend-group">
        <span className="mx-legend-title">Correlation</span>
        {CORRELATION_STRENGTHS.map((strength) => (
          <span key={strength}>
            <b className="sym">{STRENGTH_SYMBOL[strength]}</b> {strength}
          </span>
        ))}
      </div>
      <div className="mx-legend-group">
        <span className="mx-legend-title">{partNames.who}</span>
        {OWNERSHIP_ROLES.map((role) => (
          <span key={role}>
            <b className="sym">{ROLE_SYMBOL[role]}</b> {role}
          </span>
        ))}
      </div>
      <div className="mx-legend-group mx-legend-parts">
        <span className="mx-legend-title">Parts</span>
        <span className="part-chip part-what">South · What: {partNames.what}</span>
        <span className="part-chip part-how_far">West · How far: {partNames.how_far}</span>
        <span className="part-chip part-how">North · How: {partNames.how}</span>
        <span className="part-chip part-how_much">East · How much: {partNames.how_much}</span>
        <span className="part-chip part-who">Far east · Who: {partNames.who}</span>
      </div>
    </div>
  );
}
