import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The server's layering, kept true: no server module imports one that depends on it, neither file
 * by file nor folder by folder (auth, live, demo, services, routes, … and each top-level file
 * such as app.ts counts as one). A cycle means a lower layer reaches up; invert it instead (the
 * higher layer passes a callback or a value down, as app.ts wires the change feed into the
 * authorizer). Type-only imports count: they couple the layers all the same.
 */

const SERVER = resolve(import.meta.dirname);

/** Every non-test TypeScript file of src/server. */
function serverFiles(dir = SERVER): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return serverFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The server file a relative specifier names, or null when it leaves src/server. */
function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ''));
  if (!base.startsWith(`${SERVER}/`)) return null;
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')])
    if (candidate.endsWith('.ts') && statSync(candidate, { throwIfNoEntry: false })?.isFile())
      return candidate;
  throw new Error(`${relative(SERVER, from)} imports ${specifier}, which is no server file`);
}

/** Each file's imports of other server files (static, dynamic, `import type` and re-exports). */
function importGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of serverFiles()) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .filter(({ fileName }) => fileName.startsWith('.'))
      .map(({ fileName }) => resolveImport(file, fileName))
      .filter((target): target is string => target !== null);
    graph.set(relative(SERVER, file), new Set(targets.map((target) => relative(SERVER, target))));
  }
  return graph;
}

/** The layer a file belongs to: its first folder under src/server, or the file itself. */
const layerOf = (file: string): string => (file.includes('/') ? `${file.split('/')[0] ?? ''}/` : file);

/** The same graph one level up: an edge between two layers for every import across them. */
function layerGraph(files: Map<string, Set<string>>): Map<string, Set<string>> {
  const layers = new Map<string, Set<string>>();
  for (const [file, targets] of files) {
    const from = layerOf(file);
    const edges = layers.get(from) ?? new Set<string>();
    for (const target of targets) if (layerOf(target) !== from) edges.add(layerOf(target));
    layers.set(from, edges);
  }
  return layers;
}

/** The strongly connected components with more than one node (Tarjan): the import cycles. */
function cyclesOf(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** Names the imports inside each cycle, so a failure says which line to invert. */
function describeCycles(files: Map<string, Set<string>>, cycles: string[][], of: (file: string) => string) {
  return cycles.map((cycle) =>
    [...files]
      .flatMap(([file, targets]) => [...targets].map((target) => [file, target] as const))
      .filter(
        ([file, target]) => of(file) !== of(target) && cycle.includes(of(file)) && cycle.includes(of(target)),
      )
      .map(([file, target]) => `${file} → ${target}`),
  );
}

describe('the server import graph', () => {
  const files = importGraph();

  it('sees the server files and their imports', () => {
    expect(files.size).toBeGreaterThan(50);
    expect(files.get('app.ts')).toContain('auth/authorizer.ts');
  });

  it('has no cycle between server folders (or top-level files)', () => {
    const cycles = cyclesOf(layerGraph(files));
    expect(describeCycles(files, cycles, layerOf)).toEqual([]);
  });

  it('has no cycle between server files', () => {
    const cycles = cyclesOf(files);
    expect(describeCycles(files, cycles, (file) => file)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['auth/a.ts', new Set(['live/b.ts'])],
      ['live/b.ts', new Set(['auth/c.ts'])],
      ['auth/c.ts', new Set<string>()],
    ]);
    expect(cyclesOf(layerGraph(graph))).toEqual([['auth/', 'live/']]);
    expect(cyclesOf(graph)).toEqual([]);
  });
});
