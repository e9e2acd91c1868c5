/**
 * Pure helpers behind the X-matrix page: short part labels, cell keys, the lookup index of
 * correlations and ownerships, and the hover highlight. The cells' symbols and click cycles are
 * core's (core/correlation.ts, core/ownership.ts).
 */
import type { Correlation, MatrixItem, Ownership, XMatrixView } from '../../../contracts';
import { MATRIX_PARTS } from '../../../core/x-matrix-parts';
import type { MatrixPart } from '../../api-client';
import { i18n } from '../../i18n/i18n';

/** Short name of a part used in aria-labels ("What 'X' × How Far 'Y': strong"), in the reader's language. */
export const partShort = (part: MatrixPart): string => i18n.t(`matrix:parts.${part}`);

/** Key of a corner cell or Who cell: the two ids in stored orientation. */
export const cellKey = (fromId: string, toId: string) => `${fromId}|${toId}`;

export interface WhoLoad {
  primary: number;
  secondary: number;
}

/** Lookup tables built once per view. */
export interface MatrixIndex {
  correlations: Map<string, Correlation>;
  ownerships: Map<string, Ownership>;
  /** For each item, the items it is joined to by a mark (correlation or ownership). */
  neighbours: Map<string, Set<string>>;
  /** Primary owner (Who item id) per initiative. */
  primaryOf: Map<string, string>;
  loadOf: Map<string, WhoLoad>;
  itemsById: Map<string, MatrixItem>;
}

/** Builds the {@link MatrixIndex} of a view. */
export function indexMatrix(view: XMatrixView): MatrixIndex {
  const correlations = new Map<string, Correlation>();
  const ownerships = new Map<string, Ownership>();
  const primaryOf = new Map<string, string>();
  const loadOf = new Map<string, WhoLoad>();
  for (const c of view.correlations) correlations.set(cellKey(c.fromId, c.toId), c);
  for (const o of view.ownerships) {
    ownerships.set(cellKey(o.initiativeId, o.whoId), o);
    if (o.role === 'primary') primaryOf.set(o.initiativeId, o.whoId);
    const load = loadOf.get(o.whoId) ?? { primary: 0, secondary: 0 };
    load[o.role] += 1;
    loadOf.set(o.whoId, load);
  }
  const itemsById = new Map<string, MatrixItem>();
  for (const part of MATRIX_PARTS) {
    for (const item of view.items[part]) itemsById.set(item.id, item);
  }
  // The neighbours are only needed when an item is hovered: built then, once per view.
  let neighbours: Map<string, Set<string>> | undefined;
  const buildNeighbours = () => {
    const map = new Map<string, Set<string>>();
    const link = (a: string, b: string) => {
      const set = map.get(a) ?? new Set<string>();
      set.add(b);
      map.set(a, set);
    };
    for (const c of correlations.values()) {
      link(c.fromId, c.toId);
      link(c.toId, c.fromId);
    }
    for (const o of ownerships.values()) {
      link(o.initiativeId, o.whoId);
      link(o.whoId, o.initiativeId);
    }
    return map;
  };
  return {
    correlations,
    ownerships,
    get neighbours() {
      return (neighbours ??= buildNeighbours());
    },
    primaryOf,
    loadOf,
    itemsById,
  };
}

/** What the pointer or focus rests on: an item (highlights its web) or a cell (its row and column). */
export type MatrixFocus = { kind: 'item'; id: string } | { kind: 'cell'; ids: [string, string] } | null;

export interface Highlight {
  /** True when an item is focused: everything outside its web dims. */
  dims: boolean;
  /** Items lit: the focused ones and (for an item) those joined to it by a mark. */
  items: Set<string>;
  /** Items whose row or column is lit in the grids. */
  lines: Set<string>;
}

/** Computes what to light for the current focus. */
export function highlightFor(focus: MatrixFocus, index: MatrixIndex): Highlight {
  if (!focus) return { dims: false, items: new Set(), lines: new Set() };
  if (focus.kind === 'cell') return { dims: false, items: new Set(focus.ids), lines: new Set(focus.ids) };
  const items = new Set([focus.id, ...(index.neighbours.get(focus.id) ?? [])]);
  return { dims: true, items, lines: new Set([focus.id]) };
}

/** Visual state of an item under a highlight. */
export function itemTone(h: Highlight, id: string): 'focus' | 'related' | 'dim' | undefined {
  if (h.lines.has(id)) return 'focus';
  if (h.items.has(id)) return 'related';
  return h.dims ? 'dim' : undefined;
}
