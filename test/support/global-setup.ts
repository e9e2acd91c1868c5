import { randomBytes } from 'node:crypto';
import { writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/server/db/migrate';
import { openStore, PGLITE_OPTIONS, wrapPGlite } from '../../src/server/db/store';
import { createDatabase, dropDatabase, withServer } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tarball of a migrated PGlite data dir; each API test file loads its own copy. */
    pgliteTemplate: string;
    /** On PostgreSQL runs, the migrated template database each test file copies. */
    postgresTemplate: string | null;
  }
}

/**
 * Migrates one template database per run, so every API test file starts from a fresh copy in
 * well under a second instead of running initdb and the migrations again. With DATABASE_URL set,
 * the API tests run against that PostgreSQL instead (see test/support/test-app.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pglite = await PGlite.create(PGLITE_OPTIONS);
  const store = wrapPGlite(pglite);
  await migrate(store);
  const dump = await pglite.dumpDataDir('none');
  const templatePath = join(tmpdir(), `catchball-template-${process.pid}.tar`);
  writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
  await store.close();
  project.provide('pgliteTemplate', templatePath);

  const databaseUrl = process.env.DATABASE_URL;
  let postgresTemplate: string | null = null;
  if (databaseUrl) {
    postgresTemplate = `catchball_template_${randomBytes(4).toString('hex')}`;
    const templateStore = await openStore({
      databaseUrl: await createDatabase(databaseUrl, postgresTemplate),
    });
    await migrate(templateStore);
    await templateStore.close();
  }
  project.provide('postgresTemplate', postgresTemplate);

  return async () => {
    rmSync(templatePath, { force: true });
    if (databaseUrl && postgresTemplate) {
      const template = postgresTemplate;
      const { rows } = await withServer(databaseUrl, (client) =>
        client.query<{ datname: string }>(
          `SELECT datname FROM pg_database WHERE datname LIKE 'catchball_test_%' OR datname = $1`,
          [template],
        ),
      );
      for (const { datname } of rows) await dropDatabase(databaseUrl, datname);
    }
  };
}
