/**
 * The unit tree of the API's flat unit list for display: nesting and ancestry are core's
 * (core/unit-tree.ts, core/access.ts), the display order and depth are added here.
 */
import type { Unit, XMatrix } from '../../contracts';
import { selfAndAncestors } from '../../core/access';
import { buildTree, type Tree } from '../../core/unit-tree';

export interface UnitNode {
  unit: Unit;
  depth: number;
  children: UnitNode[];
}

const byPositionThenName = (a: Unit, b: Unit) => a.position - b.position || a.name.localeCompare(b.name);

/**
 * Builds the unit tree from `parentId`, children ordered by position then name. Units whose parent is
 * missing from the list become roots, so a partial list still renders.
 */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const toNode = (node: Tree<Unit>, depth: number): UnitNode => ({
    unit: byId.get(node.id) ?? node,
    depth,
    children: node.children.map((child) => toNode(child, depth + 1)),
  });
  return buildTree([...units].sort(byPositionThenName)).map((root) => toNode(root, 0));
}

/** The tree in display order (depth first). */
export function flattenTree(nodes: UnitNode[]): UnitNode[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** The ancestors of a unit, root first (the unit itself excluded); stops at a missing or cyclic parent. */
export function ancestorsOf(unitId: string, unitsById: ReadonlyMap<string, Unit>): Unit[] {
  const parentOf = new Map([...unitsById.values()].map((unit) => [unit.id, unit.parentId]));
  return selfAndAncestors({ parentOf }, unitId)
    .slice(1)
    .reverse()
    .flatMap((id) => unitsById.get(id) ?? []);
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
