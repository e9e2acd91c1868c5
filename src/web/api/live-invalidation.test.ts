import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateForChanges, isStale, staleScopesOf, type LiveChange } from './live-invalidation';
import { keys } from './query-keys';

/** A cache holding one read of every scope, as a user who looked around the demo would have it. */
function seededClient(): QueryClient {
  const client = new QueryClient();
  client.setQueryData(keys.matrixView('cso', 2026), { matrix: { id: 'mx-cso-2026' } });
  client.setQueryData(keys.matrixView('soc', 2026), { matrix: { id: 'mx-soc-2026' } });
  client.setQueryData(keys.orphans('mx-cso-2026'), []);
  client.setQueryData(keys.orphans('mx-soc-2026'), []);
  client.setQueryData(keys.unitOkrs('cso', 'fy26'), []);
  client.setQueryData(keys.unitProgress('cso', 'fy26'), {});
  client.setQueryData(keys.dashboard('cso', 'fy26'), {});
  client.setQueryData(keys.unitOkrs('soc', 'fy26'), []);
  client.setQueryData(keys.units('acme'), []);
  client.setQueryData(keys.overview('acme', 'fy26'), {});
  client.setQueryData(keys.units('globex'), []);
  client.setQueryData(keys.pressureTest('mx-cso-2026', 2000), {});
  client.setQueryData(keys.trace('kpi', 'cso-kpi1'), {});
  return client;
}

/** The keys a burst of changes on a stream following `followed` invalidates, as JSON. */
async function invalidatedBy(changes: LiveChange[], followed: Parameters<typeof staleScopesOf>[1]) {
  const client = seededClient();
  await invalidateForChanges(client, changes, followed);
  return client
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.isInvalidated)
    .map((query) => JSON.stringify(query.queryKey))
    .sort();
}

const json = (key: readonly unknown[]) => JSON.stringify(key);

describe('live changes invalidate by scope', () => {
  it('a change naming a matrix invalidates that matrix view (found by the matrix it holds) and its reads', async () => {
    const stale = await invalidatedBy([{ table: 'correlations', matrixId: 'mx-cso-2026' }], {
      matrixId: 'mx-cso-2026',
    });
    expect(stale).toEqual([json(keys.matrixView('cso', 2026)), json(keys.orphans('mx-cso-2026'))].sort());
  });

  it('a change naming a unit invalidates its OKRs, progress, dashboard and matrix views, not other units', async () => {
    const stale = await invalidatedBy([{ table: 'objectives', unitId: 'cso', organisationId: 'acme' }], {
      unitId: 'cso',
    });
    expect(stale).toEqual(
      [
        json(keys.matrixView('cso', 2026)),
        json(keys.unitOkrs('cso', 'fy26')),
        json(keys.unitProgress('cso', 'fy26')),
        json(keys.dashboard('cso', 'fy26')),
        json(keys.units('acme')),
        json(keys.overview('acme', 'fy26')),
      ].sort(),
    );
  });

  it('a change naming only an organisation invalidates that organisation’s reads, whatever the stream follows', async () => {
    const stale = await invalidatedBy([{ table: 'people', organisationId: 'acme' }], { unitId: 'cso' });
    expect(stale).toEqual([json(keys.units('acme')), json(keys.overview('acme', 'fy26'))].sort());
  });

  it('a change naming no scope (a key result, a check-in) invalidates the scope the stream follows', async () => {
    expect(await invalidatedBy([{ table: 'check_ins' }], { unitId: 'soc' })).toEqual(
      [json(keys.matrixView('soc', 2026)), json(keys.unitOkrs('soc', 'fy26'))].sort(),
    );
    expect(await invalidatedBy([{ table: 'key_results' }], { matrixId: 'mx-soc-2026' })).toEqual(
      [json(keys.matrixView('soc', 2026)), json(keys.orphans('mx-soc-2026'))].sort(),
    );
  });

  it('pressure tests and traces are never invalidated by a live change', async () => {
    const stale = await invalidatedBy(
      [{ table: 'matrix_items', matrixId: 'mx-cso-2026', unitId: 'cso', organisationId: 'acme' }],
      { matrixId: 'mx-cso-2026' },
    );
    expect(stale).not.toContain(json(keys.pressureTest('mx-cso-2026', 2000)));
    expect(stale).not.toContain(json(keys.trace('kpi', 'cso-kpi1')));
  });

  it('keys the caller reloads itself are left alone', async () => {
    const client = seededClient();
    await invalidateForChanges(client, [{ table: 'correlations', matrixId: 'mx-cso-2026' }], {}, [
      keys.matrixView('cso', 2026),
    ]);
    expect(client.getQueryState(keys.matrixView('cso', 2026))?.isInvalidated).toBe(false);
    expect(client.getQueryState(keys.orphans('mx-cso-2026'))?.isInvalidated).toBe(true);
  });

  it('collects the scopes of a burst once', () => {
    const stale = staleScopesOf(
      [
        { table: 'correlations', matrixId: 'm1' },
        { table: 'ownerships', matrixId: 'm1' },
        { table: 'check_ins' },
      ],
      { unitId: 'u1' },
    );
    expect([...stale.matrixIds]).toEqual(['m1']);
    expect([...stale.unitIds]).toEqual(['u1']);
    expect(isStale(keys.unitOkrs('u1', 'c'), undefined, stale)).toBe(true);
    expect(isStale(keys.unitOkrs('u2', 'c'), undefined, stale)).toBe(false);
  });

  it('with `only`, refreshes just the reads under those prefixes (the top bar inbox on its organisation stream)', async () => {
    const client = seededClient();
    client.setQueryData(keys.inbox('acme'), { count: 0 });
    client.setQueryData(keys.inbox('globex'), { count: 0 });
    await invalidateForChanges(
      client,
      [{ table: 'check_ins' }],
      { organisationId: 'acme' },
      [],
      [keys.inbox('acme')],
    );
    const invalidated = client
      .getQueryCache()
      .getAll()
      .filter((query) => query.state.isInvalidated)
      .map((query) => json(query.queryKey));
    expect(invalidated).toEqual([json(keys.inbox('acme'))]);
  });
});
