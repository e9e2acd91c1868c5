import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/use-test-app';

interface Operation {
  security?: unknown[];
  responses?: Record<string, { description: string }>;
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

  it('documents both answers of a job that may be waited for: 202 running, 200 finished', async () => {
    const response = await t.request({ method: 'GET', url: '/api/openapi.json' });
    const doc = response.data as { paths: Record<string, Record<string, Operation>> };
    const start = doc.paths['/api/matrices/{id}/pressure-test']?.post;
    expect(Object.keys(start?.responses ?? {})).toEqual(expect.arrayContaining(['200', '202']));
    expect(start?.responses?.['202']?.description).toMatch(/running/);
  });
});
