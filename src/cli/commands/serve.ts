import { join } from 'node:path';
import type { Command } from 'commander';
import { buildApp } from '../../server/app';
import { describeStore, resolveSettings, type Settings } from '../../server/config';
import { migrate } from '../../server/db/migrate';
import { openStore, type Store } from '../../server/db/store';
import { ensureFirstAdmin } from '../../server/auth/first-admin';
import { loadDemoIfEmpty } from '../../server/demo';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/demo/demo-users';
import { createServices } from '../../server/services';
import { announcer, loggerOptions, resolveLogFormat, type LogFormat } from '../server-log';
import { seedNewDataDir } from '../store-template';

/** `catchball serve`: the API and the web app on one port. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the API and the web app (loads the demo organisation into an empty store)')
    .option('-p, --port <port>', 'port to listen on (env PORT, default 3000)')
    .option(
      '--host <host>',
      'address to bind (env HOST, default 127.0.0.1: this machine only; 0.0.0.0 for every interface)',
    )
    .option('--data-dir <dir>', 'embedded store directory (env CATCHBALL_DATA_DIR, default ./data)')
    .option(
      '--database-url <url>',
      'PostgreSQL connection string (env DATABASE_URL); overrides the data directory',
    )
    .option('--no-demo', 'start with an empty store instead of loading the demo organisation')
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
        [
          `Catchball is serving at http://localhost:${port} (${describeStore(settings.store)})`,
          applied.length > 0 ? `  migrations applied: ${applied.join(', ')}` : null,
          loadedDemo
            ? `  loaded the demo organisation (start with --no-demo for an empty store); demo accounts: ${DEMO_USERS.map((user) => user.email).join(', ')}, password ${DEMO_PASSWORD}`
            : null,
          `  API docs: http://localhost:${port}/api/docs · ready in ${Date.now() - started} ms`,
        ]
          .filter((line) => line !== null)
          .forEach(announce);
        // After the demo (its accounts need no setup link) and once the port is known (for the link).
        await ensureFirstAdmin(store.db, process.env, announce, {
          baseUrl: `http://localhost:${port}`,
          demoUserIds: DEMO_USERS.map((user) => user.id),
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
