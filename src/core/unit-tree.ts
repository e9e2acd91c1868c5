import type { Issue } from './errors';

export interface TreeNode {
  id: string;
  parentId: string | null;
}

export type Tree<T> = T & { children: Tree<T>[] };

/** Nests a flat list of units under their parents, keeping the given order among siblings. */
export function buildTree<T extends TreeNode>(nodes: readonly T[]): Tree<T>[] {
  const byId = new Map<string, Tree<T>>(nodes.map((node) => [node.id, { ...node, children: [] }]));
  const roots: Tree<T>[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/**
 * Finds the ids that take part in a cycle of parent links (a unit that is its own ancestor).
 * Each cycle is reported once, by the members in the order the walk met them.
 */
export function findParentCycles(nodes: readonly TreeNode[]): string[][] {
  const parentOf = new Map(nodes.map((node) => [node.id, node.parentId]));
  const settled = new Set<string>();
  const cycles: string[][] = [];
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | null | undefined = start;
    while (current != null && !settled.has(current)) {
      if (onPath.has(current)) {
        cycles.push(path.slice(path.indexOf(current)));
        break;
      }
      onPath.add(current);
      path.push(current);
      current = parentOf.get(current);
    }
    for (const id of path) settled.add(id);
  }
  return cycles;
}

/** Issues for each parent-link cycle, located at the first member's `parentId`. */
export function checkParentCycles(nodes: readonly TreeNode[], pathOf: (id: string) => string): Issue[] {
  return findParentCycles(nodes).map((cycle) => ({
    path: `${pathOf(cycle[0] ?? '')}.parentId`,
    message: `parent links form a cycle: ${[...cycle, cycle[0]].join(' → ')}`,
  }));
}

/** Ids of `id` and every descendant, for moving or deleting a subtree; each id once, even if parent links loop. */
export function collectSubtree(nodes: readonly TreeNode[], id: string): string[] {
  const result = [id];
  const seen = new Set(result);
  for (let i = 0; i < result.length; i++) {
    for (const node of nodes) {
      if (node.parentId === result[i] && !seen.has(node.id)) {
        seen.add(node.id);
        result.push(node.id);
      }
    }
  }
  return result;
}
