/** Pure transformations of an X-matrix view used by the editor. */
import type { MatrixItem, XMatrixView } from '../../../contracts';

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
export function gridOf(view: XMatrixView, fromId: string): string {
  const part = (['what', 'how_far', 'how', 'how_much'] as const).find((p) =>
    view.items[p].some((i) => i.id === fromId),
  );
  switch (part) {
    case 'what':
      return 'what_how_far';
    case 'how_far':
      return 'how_far_how';
    case 'how':
      return 'how_how_much';
    case 'how_much':
      return 'how_much_what';
    case undefined:
      return 'what_how_far';
  }
}
