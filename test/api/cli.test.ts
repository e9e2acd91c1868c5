import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DEMO_PLAN_PATH } from '../../src/server/demo';
import { startServer } from '../support/child-server';
import { cli, cleanUpCliStores, freshStoreEnv, workDir } from '../support/cli';

afterAll(cleanUpCliStores);

/** Starts `catchball serve` on a free port, returns its base URL and a stop function. */
async function serve(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ url: string; stop: () => void }> {
  const server = await startServer(args, { ...env, LOG_LEVEL: 'silent' });
  return { url: server.url, stop: () => server.child.kill('SIGTERM') };
}

describe('the catchball CLI', () => {
  it('serves the demo organisation on first start, and an empty store with --no-demo', async () => {
    const demo = await serve(await freshStoreEnv());
    try {
      expect((await fetch(`${demo.url}/api/organisations`)).status).toBe(401);
      const signIn = await fetch(`${demo.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'viewer@northwind.example', password: 'catchball-demo' }),
      });
      expect(signIn.status).toBe(200);
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const headers = { cookie };
      const organisations = (await (await fetch(`${demo.url}/api/organisations`, { headers })).json()) as {
        id: string;
      }[];
      expect(organisations.map((o) => o.id)).toEqual(['acme']);
      expect((await fetch(`${demo.url}/api/units/cso/matrices/2026`, { headers })).status).toBe(200);
    } finally {
      demo.stop();
    }
    const empty = await serve(await freshStoreEnv(), '--no-demo');
    try {
      expect((await fetch(`${empty.url}/api/organisations`)).status).toBe(401);
      expect((await fetch(`${empty.url}/readyz`)).status).toBe(200);
    } finally {
      empty.stop();
    }
  }, 120_000);

  it('round-trips: import, export, import into an empty store, export again gives the same document', async () => {
    const first = await freshStoreEnv();
    const imported = await cli(first, 'import', DEMO_PLAN_PATH.pathname);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/^Imported organisation acme: 5 units, 11 people/);
    const exported = await cli(first, 'export', '--format', 'json');
    expect(exported.code).toBe(0);
    const file = join(workDir, 'plan.json');
    writeFileSync(file, exported.stdout);

    const second = await freshStoreEnv();
    expect((await cli(second, 'import', file)).code).toBe(0);
    const again = await cli(second, 'export', '--format', 'json');
    expect(again.stdout).toBe(exported.stdout);
    const yaml = await cli(second, 'export', '--unit', 'cso', '--format', 'yaml');
    expect(yaml.stdout).toContain('id: cso-2026');
    expect(yaml.stdout).not.toContain('id: cio-2026');
  }, 120_000);

  it('refuses a broken plan with every problem on its own line, a non-zero exit, and an unchanged store', async () => {
    const env = await freshStoreEnv();
    const plan = JSON.parse(
      (await cli(env, 'import', DEMO_PLAN_PATH.pathname)).code === 0
        ? (await cli(env, 'export', '--format', 'json')).stdout
        : '{}',
    ) as {
      organisation: { id: string };
      units: { parentId: string | null }[];
      people: { monthlyCapacity: unknown }[];
    };
    plan.organisation.id = 'acme-2';
    plan.units[1]!.parentId = 'nowhere';
    plan.people[0]!.monthlyCapacity = -3;
    const file = join(workDir, 'broken.yaml');
    writeFileSync(file, stringify(plan));
    const result = await cli(env, 'import', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error (validation_failed)');
    expect(result.stderr).toContain('  - people[0].monthlyCapacity:');
    const listed = await cli(env, 'export', '--org', 'acme-2');
    expect(listed.code).toBe(3);
    expect(listed.stderr).toContain('No organisation with id acme-2');
  }, 120_000);

  it('says which file is missing', async () => {
    const result = await cli(await freshStoreEnv(), 'import', join(workDir, 'missing.yaml'));
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('no such file');
  });

  it('keeps the demo plan a valid, readable file', () => {
    expect(readFileSync(DEMO_PLAN_PATH, 'utf8')).toContain('catchball: 1');
  });
});
