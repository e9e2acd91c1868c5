import { describe, expect, it } from 'vitest';
import { findMatrixOrphans, findOkrOrphans } from './orphans';
import { buildStrategyGraph, type GraphInput } from './strategy-graph';
import { traceNode } from './trace';

const item = (
  id: string,
  matrixId: string,
  part: GraphInput['items'][number]['part'],
  links: Partial<GraphInput['items'][number]> = {},
) => ({
  id,
  matrixId,
  part,
  title: id,
  ownerId: null,
  sourceObjectiveId: null,
  sourceKeyResultId: null,
  sourceItemId: null,
  ...links,
});

/** Two units: the parent's OKR translated into its matrix, whose initiative cascades to the child. */
const input: GraphInput = {
  units: [
    { id: 'top', name: 'Top', parentId: null },
    { id: 'team', name: 'Team', parentId: 'top' },
  ],
  objectives: [
    { id: 'o1', unitId: 'top', title: 'O1', alignedObjectiveId: null, alignedKeyResultId: null },
    { id: 'o2', unitId: 'top', title: 'O2', alignedObjectiveId: null, alignedKeyResultId: null },
  ],
  keyResults: [
    { id: 'k1', objectiveId: 'o1', title: 'K1' },
    { id: 'k2', objectiveId: 'o2', title: 'K2' },
  ],
  matrices: [
    { id: 'm-top', unitId: 'top', year: 2026 },
    { id: 'm-team', unitId: 'team', year: 2026 },
  ],
  items: [
    item('w', 'm-top', 'what', { sourceObjectiveId: 'o1' }),
    item('hf', 'm-top', 'how_far', { sourceKeyResultId: 'k1' }),
    item('i', 'm-top', 'how'),
    item('kpi', 'm-top', 'how_much', { ownerId: 'ann' }),
    item('who', 'm-top', 'who'),
    item('child-w', 'm-team', 'what', { sourceItemId: 'i' }),
  ],
  correlations: [
    { grid: 'what_how_far', fromId: 'w', toId: 'hf', strength: 'strong' },
    { grid: 'how_far_how', fromId: 'hf', toId: 'i', strength: 'strong' },
    { grid: 'how_how_much', fromId: 'i', toId: 'kpi', strength: 'medium' },
    { grid: 'how_much_what', fromId: 'kpi', toId: 'w', strength: 'strong' },
  ],
  ownerships: [{ initiativeId: 'i', whoId: 'who' }],
};
const graph = buildStrategyGraph(input);

describe('traceNode', () => {
  it('goes up from an initiative to the top objective, and down to KPI, owner and the cascaded child item', () => {
    const trace = traceNode(graph, 'item:i')!;
    expect(trace.up.map((s) => [s.node.key, s.depth])).toEqual([
      ['item:hf', 1],
      ['key_result:k1', 2],
      ['item:w', 2],
      ['objective:o1', 3],
    ]);
    expect(trace.down.map((s) => s.node.key).sort()).toEqual(['item:child-w', 'item:kpi', 'item:who']);
    expect(trace.edges).toContainEqual({
      from: 'item:i',
      to: 'item:child-w',
      kind: 'cascades',
      strength: null,
    });
  });

  it('does not wander into sibling objectives through units or matrices', () => {
    const trace = traceNode(graph, 'key_result:k1')!;
    expect(trace.up.map((s) => s.node.key)).toEqual(['objective:o1']);
    expect(
      [...trace.up, ...trace.down].some((s) => s.node.key.includes('o2') || s.node.key.includes('k2')),
    ).toBe(false);
  });

  it('returns null for an unknown node', () => {
    expect(traceNode(graph, 'item:nope')).toBeNull();
  });
});

describe('orphans', () => {
  it('flags unmarked grid lines and missing owners in a matrix', () => {
    const reasons = findMatrixOrphans(input).map((o) => `${o.id}:${o.reason}`);
    expect(reasons).toEqual(['child-w:unsupported_breakthrough', 'child-w:empty_grid_line']);
    const noOwner = findMatrixOrphans({
      ...input,
      ownerships: [],
      items: input.items.map((i) => ({ ...i, ownerId: null })),
    });
    expect(noOwner.map((o) => `${o.id}:${o.reason}`)).toEqual(
      expect.arrayContaining(['i:initiative_without_owner', 'kpi:kpi_without_owner']),
    );
  });

  it('flags parent OKRs nothing below supports, and objectives aligned to nothing', () => {
    const withTeamOkr = {
      ...input,
      objectives: [
        ...input.objectives,
        { id: 'o3', unitId: 'team', title: 'O3', alignedObjectiveId: null, alignedKeyResultId: 'k1' },
      ],
    };
    expect(findOkrOrphans(withTeamOkr).map((o) => `${o.id}:${o.reason}`)).toEqual([
      'o2:unsupported_parent_objective',
      'k2:unsupported_parent_key_result',
    ]);
    const unaligned = {
      ...withTeamOkr,
      objectives: withTeamOkr.objectives.map((o) => ({ ...o, alignedKeyResultId: null })),
    };
    expect(findOkrOrphans(unaligned).map((o) => o.reason)).toContain('unaligned_objective');
  });
});
