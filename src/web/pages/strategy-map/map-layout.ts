/**
 * Layout of the strategy map: the unit tree drawn top-down like an org chart, one box per unit,
 * with what each unit holds (OKRs, matrix items by part) and the links between a unit and the
 * units above it (aligned objectives, translated items, cascaded initiatives).
 */
import type { StrategyMap, Unit } from '../../../contracts';
import { ancestorsOf } from '../../hooks/unit-tree';

export const BOX = { width: 220, height: 104, gapX: 28, gapY: 76 } as const;

export interface UnitBox {
  unit: Unit;
  x: number;
  y: number;
  objectives: number;
  keyResults: number;
  /** Item counts of the unit's newest matrix, by part; null when it has none. */
  matrix: {
    id: string;
    year: number;
    counts: Record<'what' | 'how_far' | 'how' | 'how_much' | 'who', number>;
  } | null;
  orphans: number;
}

export interface UnitLink {
  from: UnitBox;
  to: UnitBox;
  aligned: number;
  translated: number;
  cascaded: number;
}

/** Places each unit: leaves side by side, parents centred over their children. */
export function layoutMap(
  units: Unit[],
  map: StrategyMap,
): { boxes: UnitBox[]; links: UnitLink[]; width: number; height: number } {
  const children = (id: string | null) =>
    units.filter((u) => u.parentId === id).sort((a, b) => a.position - b.position);
  const nodesOf = (unitId: string, kind: string) =>
    map.nodes.filter((n) => n.unitId === unitId && n.kind === kind);
  const boxes = new Map<string, UnitBox>();
  let nextX = 0;
  let depthMax = 0;
  const place = (unit: Unit, depth: number): number => {
    depthMax = Math.max(depthMax, depth);
    const kids = children(unit.id);
    const centres = kids.map((kid) => place(kid, depth + 1));
    const x =
      centres.length > 0
        ? ((centres[0] ?? 0) + (centres[centres.length - 1] ?? 0)) / 2
        : (nextX += BOX.width + BOX.gapX) - BOX.width - BOX.gapX;
    const newest = nodesOf(unit.id, 'matrix').sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0];
    const items = newest ? map.nodes.filter((n) => n.kind === 'item' && n.matrixId === newest.id) : [];
    const count = (part: string) => items.filter((n) => n.part === part).length;
    boxes.set(unit.id, {
      unit,
      x,
      y: depth * (BOX.height + BOX.gapY),
      objectives: nodesOf(unit.id, 'objective').length,
      keyResults: nodesOf(unit.id, 'key_result').length,
      matrix: newest
        ? {
            id: newest.id,
            year: newest.year ?? 0,
            counts: {
              what: count('what'),
              how_far: count('how_far'),
              how: count('how'),
              how_much: count('how_much'),
              who: count('who'),
            },
          }
        : null,
      orphans: map.orphans.filter((o) => o.unitId === unit.id).length,
    });
    return x;
  };
  for (const root of children(null)) place(root, 0);

  const unitOf = new Map(map.nodes.map((n) => [n.key, n.unitId]));
  const byId = new Map(units.map((u) => [u.id, u]));
  const links: UnitLink[] = [];
  for (const unit of units) {
    const from = unit.parentId ? boxes.get(unit.parentId) : undefined;
    const to = boxes.get(unit.id);
    if (!from || !to) continue;
    // Links from any level above count: a unit may translate its grandparent's OKRs directly.
    const above = new Set(ancestorsOf(unit.id, byId).map((ancestor) => ancestor.id));
    const between = map.edges.filter(
      (e) => above.has(unitOf.get(e.from) ?? '') && unitOf.get(e.to) === to.unit.id,
    );
    links.push({
      from,
      to,
      aligned: between.filter((e) => e.kind === 'aligns').length,
      translated: between.filter((e) => e.kind === 'translates').length,
      cascaded: between.filter((e) => e.kind === 'cascades').length,
    });
  }
  return {
    boxes: [...boxes.values()],
    links,
    width: Math.max(nextX - BOX.gapX, BOX.width),
    height: (depthMax + 1) * (BOX.height + BOX.gapY) - BOX.gapY,
  };
}
