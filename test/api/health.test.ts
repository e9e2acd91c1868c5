import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/use-test-app';

describe('health and API description', () => {
  const t = useTestApp();

  it('answers /healthz and /readyz', async () => {
    expect((await t.request({ method: 'GET', url: '/healthz' })).data).toEqual({ status: 'ok' });
    const ready = await t.request({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.data).toMatchObject({ status: 'ready', store: t.store.kind });
  });

  it('serves an OpenAPI 3.1 document generated from the contracts', async () => {
    const response = await t.request({ method: 'GET', url: '/api/openapi.json' });
    const doc = response.data as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths['/api/units/{unitId}/matrices/{year}'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/matrices/{id}/correlations'] ?? {})).toEqual(['put']);
    expect(doc.components.schemas).toHaveProperty('XMatrixView');
    expect(doc.components.schemas).toHaveProperty('ErrorBody');
    const docs = await t.request({ method: 'GET', url: '/api/docs' });
    expect(docs.body).toContain('/api/openapi.json');
    expect(
      (await t.request({ method: 'GET', url: '/api/docs/assets/swagger-ui-bundle.js' })).statusCode,
    ).toBe(200);
  });

  it('answers unknown API routes with the error model', async () => {
    const response = await t.request({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.data).toEqual({
      error: { code: 'not_found', message: 'No route GET /api/nothing-here' },
    });
  });
});

describe('compression', () => {
  const t = useTestApp();

  it('gzips large JSON answers for clients that accept it, and not small ones', async () => {
    const big = await t.request({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(big.headers['content-encoding']).toBe('gzip');
    const plain = await t.request({ method: 'GET', url: '/api/openapi.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const small = await t.request({ method: 'GET', url: '/healthz', headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
