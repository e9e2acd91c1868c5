import { migrate } from '../server/db/migrate';
import { openStore, type Store } from '../server/db/store';
import { resolveSmtp, resolveStoreConfig, type SettingFlags } from '../server/config';
import { createServices, type Services } from '../server/services';
import { seedNewDataDir } from './store-template';

/** Options every store-using command takes; the same settings as the server. */
export interface StoreFlags {
  dataDir?: string;
  databaseUrl?: string;
}

/** Opens and migrates the store the flags (or DATABASE_URL / CATCHBALL_DATA_DIR) name, runs `fn`, closes it. */
export async function withServices<T>(
  flags: SettingFlags,
  fn: (services: Services, store: Store) => Promise<T>,
): Promise<T> {
  const config = resolveStoreConfig(flags);
  if ('dataDir' in config) await seedNewDataDir(config.dataDir, 'migrated');
  const store = await openStore(config);
  try {
    await migrate(store);
    return await fn(createServices(store.db, { smtp: resolveSmtp() }), store);
  } finally {
    await store.close();
  }
}
