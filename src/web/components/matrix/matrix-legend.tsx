/** The legend under the matrix: symbols of the corner grids and the Who grid, and the part names. */
import type { Organisation } from '../../../contracts';

export function MatrixLegend({ partNames }: { partNames: Organisation['partNames'] }) {
  return (
    <div className="mx-legend" aria-label="Legend">
      <div className="mx-legend-group">
        <span className="mx-legend-title">Correlation</span>
        <span>
          <b className="sym">●</b> strong
        </span>
        <span>
          <b className="sym">○</b> medium
        </span>
        <span>
          <b className="sym">△</b> weak
        </span>
      </div>
      <div className="mx-legend-group">
        <span className="mx-legend-title">{partNames.who}</span>
        <span>
          <b className="sym">●</b> primary
        </span>
        <span>
          <b className="sym">○</b> secondary
        </span>
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
