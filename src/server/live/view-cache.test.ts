import { describe, expect, it } from 'vitest';
import type { Change, ChangeFeed } from './change-feed';
import { createViewCache } from './view-cache';

/** A change feed driven by the test. */
function fakeFeed() {
  const listeners = new Set<(change: Change) => void>();
  const feed: ChangeFeed = {
    subscribe: (_filter, send) => {
      listeners.add(send);
      return () => listeners.delete(send);
    },
    settle: () => Promise.resolve(true),
    get subscriberCount() {
      return listeners.size;
    },
    close: () => Promise.resolve(),
  };
  return { feed, emit: (change: Change) => listeners.forEach((send) => send(change)) };
}

const view = (matrixId: string, n: number) => ({ matrixId, n });

describe('the view cache', () => {
  it('serves a view from memory until a change of its matrix arrives', async () => {
    const { feed, emit } = fakeFeed();
    const cache = createViewCache(feed);
    let computed = 0;
    const load = (matrixId: string) =>
      cache.get(
        `m:${matrixId}`,
        (v) => v.matrixId,
        () => Promise.resolve(view(matrixId, ++computed)),
      );
    expect(await load('a')).toEqual({ matrixId: 'a', n: 1 });
    expect(await load('a')).toEqual({ matrixId: 'a', n: 1 });
    expect(await load('b')).toEqual({ matrixId: 'b', n: 2 });
    emit({ table: 'correlations', op: 'insert', matrixId: 'a' });
    expect(await load('a')).toEqual({ matrixId: 'a', n: 3 });
    expect(await load('b')).toEqual({ matrixId: 'b', n: 2 });
  });

  it('drops every view on a change that names no matrix, and on a local write', async () => {
    const { feed, emit } = fakeFeed();
    const cache = createViewCache(feed);
    let computed = 0;
    const load = () =>
      cache.get(
        'm:a',
        (v) => v.matrixId,
        () => Promise.resolve(view('a', ++computed)),
      );
    await load();
    emit({ table: 'people', op: 'update', organisationId: 'o' });
    expect((await load()).n).toBe(2);
    cache.invalidate();
    expect((await load()).n).toBe(3);
    expect(cache.size).toBe(1);
  });

  it('does not keep a view computed while a change happened', async () => {
    const { feed, emit } = fakeFeed();
    const cache = createViewCache(feed);
    let release!: () => void;
    const slow = cache.get(
      'm:a',
      (v) => v.matrixId,
      async () => {
        await new Promise<void>((resolve) => (release = resolve));
        return view('a', 1);
      },
    );
    emit({ table: 'matrix_items', op: 'update', matrixId: 'a' });
    release();
    expect(await slow).toEqual({ matrixId: 'a', n: 1 });
    expect(cache.size).toBe(0);
    expect(
      await cache.get(
        'm:a',
        (v) => v.matrixId,
        () => Promise.resolve(view('a', 2)),
      ),
    ).toEqual({ matrixId: 'a', n: 2 });
  });

  it('keeps at most the given number of views', async () => {
    const { feed } = fakeFeed();
    const cache = createViewCache(feed, 2);
    for (const id of ['a', 'b', 'c'])
      await cache.get(
        id,
        (v) => v.matrixId,
        () => Promise.resolve(view(id, 0)),
      );
    expect(cache.size).toBe(2);
  });
});
