/** Pure helpers turning the flat unit list of the API into a tree and walking it. */
import type { Unit, XMatrix } from '../../contracts';

export interface UnitNode {
  unit: Unit;
  depth: number;
  children: UnitNode[];
}

/**
 * Builds the unit tree from `parentId`, children ordered by position then name. Units whose parent is
 * missing from the list become roots, so a partial list still renders.
 */
export function buildUnitTree(units: Unit[]): UnitNode[] {
  const ids = new Set(units.map((unit) => unit.id));
  const byParent = new Map<string | null, Unit[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(unit);
    byParent.set(parent, list);
  }
  const build = (parent: string | null, depth: number): UnitNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
      .map((unit) => ({ unit, depth, children: build(unit.id, depth + 1) }));
  return build(null, 0);
}

/** The tree in display order (depth first). */
export function flattenTree(nodes: UnitNode[]): UnitNode[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** The ancestors of a unit, root first (the unit itself excluded). */
export function ancestorsOf(unitId: string, unitsById: Map<string, Unit>): Unit[] {
  const chain: Unit[] = [];
  let current = unitsById.get(unitId);
  const seen = new Set<string>();
  while (current?.parentId && !seen.has(current.parentId)) {
    seen.add(current.parentId);
    const parent = unitsById.get(current.parentId);
    if (!parent) break;
    chain.unshift(parent);
    current = parent;
  }
  return chain;
}

/** Years for which a unit has an X-matrix, newest first. */
export function matrixYears(unitId: string, matrices: XMatrix[]): number[] {
  return matrices
    .filter((matrix) => matrix.unitId === unitId)
    .map((matrix) => matrix.year)
    .sort((a, b) => b - a);
}

/** The year to open by default: the current calendar year if the unit has it, else the newest. */
export function defaultMatrixYear(unitId: string, matrices: XMatrix[], now = new Date()): number | undefined {
  const years = matrixYears(unitId, matrices);
  const thisYear = now.getFullYear();
  return years.includes(thisYear) ? thisYear : years[0];
}

/** True when `unit` sits somewhere below the unit `ancestorId`. */
export function isBelow(unit: Unit, ancestorId: string, units: Unit[]): boolean {
  return ancestorsOf(unit.id, new Map(units.map((u) => [u.id, u]))).some(
    (ancestor) => ancestor.id === ancestorId,
  );
}
