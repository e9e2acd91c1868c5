import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/use-test-app';

interface Operation {
  security?: unknown[];
  'x-catchball-access'?: { kind: string; need?: string };
}

describe('the OpenAPI document', () => {
  const t = useTestApp();

  it("lints clean under Redocly's recommended rules (no errors, no warnings)", async () => {
    const response = await t.request({ method: 'GET', url: '/api/openapi.json' });
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(response.data),
      absoluteRef: 'openapi.json',
      config,
    });
    const found = problems.map((problem) => ({
      rule: problem.ruleId,
      severity: problem.severity,
      message: problem.message,
      where: problem.location[0]?.pointer,
    }));
    expect(found).toEqual([]);
  });

  it('declares the live stream like every route: its access rule and its security', async () => {
    const response = await t.request({ method: 'GET', url: '/api/openapi.json' });
    const doc = response.data as { paths: Record<string, Record<string, Operation>> };
    const stream = doc.paths['/api/events']?.get;
    expect(stream?.security).toEqual([{ session: [] }, { apiToken: [] }]);
    expect(stream?.['x-catchball-access']).toEqual({ kind: 'scoped', need: 'read' });
  });
});
