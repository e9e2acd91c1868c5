import { describe, expect, it } from 'vitest';
import { createForecastQueue } from './forecast-queue';

describe('forecast queue', () => {
  it('returns at once, runs in the background, and gathers KPIs queued meanwhile into one more run', async () => {
    const runs: string[][] = [];
    let release: () => void = () => undefined;
    const queue = createForecastQueue(async (ids) => {
      runs.push([...ids]);
      if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    queue.schedule(['k1']);
    queue.schedule(['k2']);
    queue.schedule(['k3', 'k2']);
    expect(runs).toEqual([['k1']]);
    release();
    await queue.settled();
    expect(runs).toEqual([['k1'], ['k2', 'k3']]);
  });

  it('keeps going after a failed run', async () => {
    const runs: string[][] = [];
    const queue = createForecastQueue((ids) => {
      runs.push([...ids]);
      return runs.length === 1 ? Promise.reject(new Error('store busy')) : Promise.resolve();
    });
    queue.schedule(['k1']);
    await queue.settled();
    queue.schedule(['k2']);
    await queue.settled();
    expect(runs).toEqual([['k1'], ['k2']]);
  });
});
