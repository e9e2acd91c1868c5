import fc from 'fast-check';

/** One small way to spoil a valid request: the server must refuse it with a 400, never a 5xx. */
export type MutationKind =
  'wrong_type' | 'nul' | 'extreme_number' | 'drop_key' | 'unknown_key' | 'long_string';

export interface Mutation {
  kind: MutationKind;
  /** Which node of the value is spoilt (taken modulo the number of candidates). */
  at: number;
  /** Which replacement is used (modulo the replacements of the kind). */
  pick: number;
}

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<MutationKind>(
    'wrong_type',
    'nul',
    'extreme_number',
    'drop_key',
    'unknown_key',
    'long_string',
  ),
  at: fc.nat(),
  pick: fc.nat(),
});

const WRONG_TYPES: unknown[] = ['text', 42, true, null, [], {}, [1, 'a'], { nested: { deeper: 1 } }, ''];
const EXTREMES: unknown[] = [
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  -(2 ** 63),
  2 ** 31,
  -1,
  0,
  -0,
  1e-320,
  0.5,
  12.000001,
];
const UNKNOWN_KEYS = ['zzUnknown', '__proto__', 'constructor', 'prototype', ''];

type Node = { parent: Record<string, unknown> | unknown[]; key: string | number; value: unknown };

/** Every property and array item of `root`, in document order. */
function nodesOf(root: unknown): Node[] {
  const nodes: Node[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value))
      value.forEach((item, index) => {
        nodes.push({ parent: value, key: index, value: item });
        walk(item);
      });
    else if (value !== null && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) {
        nodes.push({ parent: value as Record<string, unknown>, key, value: item });
        walk(item);
      }
  };
  walk(root);
  return nodes;
}

const objectsOf = (root: unknown): Record<string, unknown>[] => {
  const objects = nodesOf(root)
    .map((node) => node.value)
    .filter(
      (value): value is Record<string, unknown> =>
        value !== null && typeof value === 'object' && !Array.isArray(value),
    );
  return root !== null && typeof root === 'object' && !Array.isArray(root)
    ? [root as Record<string, unknown>, ...objects]
    : objects;
};

const at = <T>(list: readonly T[], index: number): T | undefined =>
  list.length === 0 ? undefined : list[index % list.length];

/** `value` (a JSON object, not changed) with one mutation applied; undefined when it has nothing to spoil. */
export function mutate(value: unknown, mutation: Mutation): unknown {
  const copy = structuredClone(value);
  const set = (node: Node, next: unknown): void => {
    (node.parent as Record<string | number, unknown>)[node.key] = next;
  };
  const nodes = nodesOf(copy);
  switch (mutation.kind) {
    case 'wrong_type': {
      const node = at(nodes, mutation.at);
      if (!node) return undefined;
      const replacements = WRONG_TYPES.filter((candidate) => typeof candidate !== typeof node.value);
      set(node, at(replacements, mutation.pick));
      return copy;
    }
    case 'nul':
    case 'long_string': {
      const strings = nodes.filter((node) => typeof node.value === 'string');
      const node = at(strings.length > 0 ? strings : nodes, mutation.at);
      if (!node) return undefined;
      const text = typeof node.value === 'string' ? node.value : 'x';
      set(
        node,
        mutation.kind === 'nul' ? `${text}\u0000` : text + 'x'.repeat(20_000 + (mutation.pick % 5) * 20_000),
      );
      return copy;
    }
    case 'extreme_number': {
      const numbers = nodes.filter((node) => typeof node.value === 'number');
      const node = at(numbers.length > 0 ? numbers : nodes, mutation.at);
      if (!node) return undefined;
      set(node, at(EXTREMES, mutation.pick));
      return copy;
    }
    case 'drop_key': {
      const keyed = nodes.filter((node) => !Array.isArray(node.parent));
      const node = at(keyed, mutation.at);
      if (!node) return undefined;
      Reflect.deleteProperty(node.parent, node.key);
      return copy;
    }
    case 'unknown_key': {
      const object = at(objectsOf(copy), mutation.at);
      if (!object) return undefined;
      // Defined as own properties: `__proto__` must arrive as a key, not change the prototype.
      Object.defineProperty(object, at(UNKNOWN_KEYS, mutation.pick) ?? 'zzUnknown', {
        value: { polluted: 1 },
        enumerable: true,
        configurable: true,
        writable: true,
      });
      return copy;
    }
  }
}
