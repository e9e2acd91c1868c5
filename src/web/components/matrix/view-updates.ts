/** Pure transformations of an X-matrix view used by the editor. */
import type { MatrixItem, XMatrixView } from '../../../contracts';
import { CORNER_GRIDS, type CornerGridId } from '../../../core/correlation';

/** The view without the given items and the marks that involve them. */
export function withoutHidden(view: XMatrixView, hidden: Set<string>): XMatrixView {
  if (hidden.size === 0) return view;
  const keep = (item: MatrixItem) => !hidden.has(item.id);
  return {
    ...view,
    items: {
      what: view.items.what.filter(keep),
      how_far: view.items.how_far.filter(keep),
      how: view.items.how.filter(keep),
      how_much: view.items.how_much.filter(keep),
      who: view.items.who.filter(keep),
    },
    correlations: view.correlations.filter((c) => !hidden.has(c.fromId) && !hidden.has(c.toId)),
    ownerships: view.ownerships.filter((o) => !hidden.has(o.initiativeId) && !hidden.has(o.whoId)),
  };
}

/** The corner grid whose first part holds `fromId` (the grid a new correlation belongs to). */
export function gridOf(view: XMatrixView, fromId: string): CornerGridId {
  const grid = CORNER_GRIDS.find((candidate) =>
    view.items[candidate.parts[0]].some((item) => item.id === fromId),
  );
  return grid?.id ?? 'what_how_far';
}
