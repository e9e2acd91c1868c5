import { join } from 'node:path';
import type { Command } from 'commander';
import { buildApp } from '../../server/app';
import { resolveSettings, type Settings } from '../../server/config';
import { migrate } from '../../server/db/migrate';
import { openStore, type Store } from '../../server/db/store';
import { ensureFirstAdmin } from '../../server/auth/first-admin';
import { loadDemoIfEmpty } from '../../server/demo';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/demo/demo-users';
import { createServices } from '../../server/services';
import { describeStoreIn, type CliText } from '../i18n';
import { announcer, loggerOptions, resolveLogFormat, type LogFormat } from '../server-log';
import { seedNewDataDir } from '../store-template';

/** `catchball serve`: the API and the web app on one port. */
export function registerServeCommand(program: Command, text: CliText): void {
  const { t } = text;
  program
    .command('serve')
    .description(t('help.serve.description'))
    .option('-p, --port <port>', t('help.serve.port'))
    .option('--host <host>', t('help.serve.host'))
    .option('--data-dir <dir>', t('help.dataDir'))
    .option('--database-url <url>', t('help.databaseUrlOverrides'))
    .option('--no-demo', t('help.serve.noDemo'))
    .action(
      async (flags: {
        port?: string;
        host?: string;
        dataDir?: string;
        databaseUrl?: string;
        demo: boolean;
      }) => {
        const settings = resolveSettings(flags);
        const format = resolveLogFormat(process.env, process.stdout.isTTY);
        const started = Date.now();
        // A new data directory starts as a copy of this build's migrated (demo) store, so this
        // process never runs initdb and never holds its memory.
        const seeded =
          'dataDir' in settings.store
            ? await seedNewDataDir(settings.store.dataDir, flags.demo ? 'demo' : 'migrated')
            : null;
        // Refuses (store_locked) a data directory another process holds.
        const store = await openStore(settings.store);
        const {
          app,
          applied,
          loadedDemo: loadedDemoNow,
        } = await start(store, flags.demo, settings, format).catch(async (error: unknown) => {
          await store.close(); // a port in use, say: let the data directory go
          throw error;
        });
        const loadedDemo = loadedDemoNow || seeded === 'demo';
        const address = app.server.address();
        const port = typeof address === 'object' && address ? address.port : settings.port;
        const announce = announcer(format, app.log);
        const url = `http://localhost:${port}`;
        [
          t('serve.serving', { url, store: describeStoreIn(text, settings.store) }),
          applied.length > 0 ? t('store.migrationsApplied', { names: applied.join(', ') }) : null,
          loadedDemo
            ? t('serve.demo', {
                accounts: DEMO_USERS.map((user) => user.email).join(', '),
                password: DEMO_PASSWORD,
              })
            : null,
          t('serve.docs', { url: `${url}/api/docs`, ms: Date.now() - started }),
        ]
          .filter((line) => line !== null)
          .forEach(announce);
        // After the demo (its accounts need no setup link) and once the port is known (for the link).
        await ensureFirstAdmin(store.db, process.env, announce, {
          baseUrl: url,
          demoUserIds: DEMO_USERS.map((user) => user.id),
          t,
        });
        const shutdown = async () => {
          await app.close();
          await store.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void shutdown());
        process.once('SIGTERM', () => void shutdown());
      },
    );
}

/** Migrates the store, loads the demo into an empty one if asked, and listens. */
async function start(store: Store, demo: boolean, settings: Settings, format: LogFormat) {
  const applied = await migrate(store);
  const services = createServices(store.db);
  const loadedDemo = demo ? await loadDemoIfEmpty(services) : false;
  const app = await buildApp({
    store,
    logger: loggerOptions(format, process.env),
    // The embedded store keeps the connectors' generated secret key beside its data (secret-box.ts).
    services: {
      secretKeyFile: 'dataDir' in settings.store ? join(settings.store.dataDir, 'secret.key') : null,
    },
    connectorScheduler: {
      intervalMs: Number(process.env.CATCHBALL_CONNECTOR_INTERVAL_MS ?? 60_000),
    },
  });
  await app.listen({ port: settings.port, host: settings.host });
  return { app, applied, loadedDemo };
}
