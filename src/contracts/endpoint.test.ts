import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IdParamsSchema } from './common';
import { defineEndpoint, endpointUrl, toHttpRequest } from './endpoint';

const getThing = defineEndpoint({
  method: 'GET',
  path: '/api/units/:id/things/:year',
  tag: 'Things',
  summary: 'A thing',
  params: z.object({ id: z.string(), year: z.coerce.number() }),
  query: z.object({ cycleId: z.string().optional(), tag: z.array(z.string()).optional() }),
});

describe('endpoints', () => {
  it('fills and encodes path parameters, and leaves out absent query values', () => {
    expect(
      endpointUrl(getThing, { params: { id: 'a/b c', year: 2026 }, query: { cycleId: undefined } }),
    ).toBe('/api/units/a%2Fb%20c/things/2026');
    expect(
      endpointUrl(getThing, {
        params: { id: 'cso', year: 2026 },
        query: { cycleId: 'fy 26', tag: ['x', 'y'] },
      }),
    ).toBe('/api/units/cso/things/2026?cycleId=fy+26&tag=x&tag=y');
  });

  it('refuses a missing path parameter instead of sending "undefined"', () => {
    expect(() => endpointUrl(getThing, { params: { id: 'cso' } })).toThrow(/missing path parameter "year"/);
  });

  it('carries the body of a write, and none for a read', () => {
    const rename = defineEndpoint({
      method: 'PATCH',
      path: '/api/units/:id',
      tag: 'Units',
      summary: 'Rename',
      params: IdParamsSchema,
      body: z.object({ name: z.string() }),
      status: 200,
    });
    expect(toHttpRequest(rename, { params: { id: 'cso' }, body: { name: 'Security' } })).toEqual({
      method: 'PATCH',
      url: '/api/units/cso',
      body: { name: 'Security' },
    });
    expect(toHttpRequest(getThing, { params: { id: 'cso', year: 1 }, query: {} })).toEqual({
      method: 'GET',
      url: '/api/units/cso/things/1',
    });
  });
});
