import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedNewDataDir, templateKey } from '../../src/cli/store-template';
import { migrate, migrationNames } from '../../src/server/db/migrate';
import { openStore } from '../../src/server/db/store';

/**
 * A new embedded data directory starts as a copy of a template built once, in a throwaway process
 * (initdb's memory never reaches the server): migrated, ready to serve, and never over a store.
 */
describe('store templates for new data directories', () => {
  const work = mkdtempSync(join(tmpdir(), 'catchball-template-'));
  const env = { ...process.env, CATCHBALL_STORE_TEMPLATES: join(work, 'templates') };
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds the migrated template once, then copies it into each new data directory', async () => {
    const first = join(work, 'first');
    expect(await seedNewDataDir(first, 'migrated', env)).toBe('migrated');
    const cached = readdirSync(join(work, 'templates'));
    expect(cached).toEqual([`migrated-${templateKey('migrated')}`]);

    const second = mkdtempSync(join(work, 'second-')); // an empty folder counts as new
    expect(await seedNewDataDir(second, 'migrated', env)).toBe('migrated');
    expect(readdirSync(join(work, 'templates'))).toEqual(cached);
    expect(readdirSync(work).filter((name) => name.includes('.seeding-'))).toEqual([]);

    const store = await openStore({ dataDir: second });
    try {
      expect(await migrate(store)).toEqual([]); // every migration is in the template already
      const rows = await store.db.selectFrom('schemaMigrations').select('name').execute();
      expect(rows.map((row) => row.name).sort()).toEqual(migrationNames());
    } finally {
      await store.close();
    }
  }, 180_000);

  it('leaves a data directory that holds anything alone', async () => {
    const used = join(work, 'used');
    mkdirSync(used);
    writeFileSync(join(used, 'note.txt'), 'mine');
    expect(await seedNewDataDir(used, 'migrated', env)).toBeNull();
    expect(readdirSync(used)).toEqual(['note.txt']);
    expect(existsSync(join(used, 'PG_VERSION'))).toBe(false);
  });

  it('keys the demo template on the code that loads the demo, apart from the migrated one', () => {
    expect(templateKey('demo')).not.toBe(templateKey('migrated'));
    expect(templateKey('demo')).toBe(templateKey('demo'));
  });
});
