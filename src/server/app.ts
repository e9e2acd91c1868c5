import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import { sql } from 'kysely';
import { handleError } from './errors';
import { buildOpenApiDocument } from './openapi';
import type { Route } from './route';
import { connectorRoutes } from './routes/connectors.routes';
import { bowlingRoutes } from './routes/bowling.routes';
import { checkInRoutes } from './routes/check-ins.routes';
import { dashboardRoutes } from './routes/dashboard.routes';
import { executionRoutes } from './routes/execution.routes';
import { yearCloseRoutes } from './routes/year-close.routes';
import { matrixRoutes } from './routes/matrices.routes';
import { okrRoutes } from './routes/okrs.routes';
import { organisationRoutes } from './routes/organisations.routes';
import { planRoutes } from './routes/plan.routes';
import { importRoutes } from './routes/imports.routes';
import { exportRoutes } from './routes/exports.routes';
import { SHEET_CONTENT_TYPES } from '../contracts';
import { structureRoutes } from './routes/structure.routes';
import { createServices, type ServiceOptions, type Services } from './services';
import {
  createConnectorScheduler,
  type ConnectorSchedulerOptions,
} from './services/connectors/connector-scheduler';
import { openJobQueue } from './jobs/open-job-queue';
import { createScheduler, type SchedulerOptions } from './schedules/scheduler';
import { createSimulationPool } from './workers/simulation-pool';
import { resolveSmtp, resolveTrustProxy, type TrustProxy } from './config';
import { feasibilityRoutes } from './routes/feasibility.routes';
import { inboxRoutes } from './routes/inbox.routes';
import { catchballRoutes } from './routes/catchball.routes';
import { scenarioRoutes } from './routes/scenarios.routes';
import { translationRoutes } from './routes/translations.routes';
import { auditRoutes } from './routes/audit.routes';
import type { Store } from './db/store';
import { DOCS_INIT_SCRIPT, docsPage, SWAGGER_UI_DIR } from './docs-page';
import { startChangeFeed } from './live/change-feed';
import { eventStreamRoute } from './live/event-stream';
import { createViewCache, type ViewCache } from './live/view-cache';
import { createAuthorizer } from './auth/authorizer';
import { resolveOidcConfig, type OidcConfig } from './auth/oidc-config';
import { ssoRoutes, type SsoRouteDeps } from './routes/sso.routes';
import { registerTokenRateLimit } from './auth/token-rate-limit';
import { authRoutes } from './routes/auth.routes';
import { userRoutes } from './routes/users.routes';
import { registerSecurityHeaders } from './security-headers';

export const WEB_DIST_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface AppOptions {
  store: Store;
  /** Fastify's logger: off in tests, on when serving; tests may pass pino options to read it. */
  logger?: boolean | { level?: string; stream?: { write(line: string): void } };
  /** Where the built web app is; it is served at `/` when the folder exists. */
  webDir?: string;
  /**
   * Largest request body accepted, in bytes (plan documents are the big ones). Spreadsheet
   * uploads set their own limit (IMPORT_MAX_BYTES) on their routes.
   */
  bodyLimit?: number;
  /** Clock and SMTP for the services; SMTP defaults to SMTP_HOST / SMTP_PORT / SMTP_FROM. */
  services?: ServiceOptions;
  /** The in-app schedules (reminders, webhook retries), or false for none (tests tick their own). */
  schedules?: SchedulerOptions | false;
  /** Single sign-on (OpenID Connect); CATCHBALL_OIDC_* by default, null for none. */
  oidc?: OidcConfig | null;
  /** Which proxies to believe about the client's address and scheme; CATCHBALL_TRUST_PROXY by default. */
  trustProxy?: TrustProxy;
  /** Run due KPI connectors on this server (serve does; in-process tests tick by hand). */
  connectorScheduler?: ConnectorSchedulerOptions | null;
}

/** Every API route, in the order the OpenAPI document lists them. */
export function apiRoutes(
  services: Services,
  viewCache: ViewCache,
  sso: SsoRouteDeps | null = null,
): Route[] {
  return [
    ...authRoutes(services, sso ? { name: sso.config.name } : null),
    ...userRoutes(services),
    ...organisationRoutes(services),
    ...structureRoutes(services),
    ...okrRoutes(services),
    ...matrixRoutes(services, viewCache),
    ...planRoutes(services),
    ...checkInRoutes(services),
    ...executionRoutes(services),
    ...yearCloseRoutes(services),
    ...bowlingRoutes(services),
    ...connectorRoutes(services),
    ...dashboardRoutes(services),
    ...feasibilityRoutes(services),
    ...catchballRoutes(services),
    ...scenarioRoutes(services),
    ...inboxRoutes(services),
    ...importRoutes(services),
    ...exportRoutes(services),
    ...translationRoutes(services),
    ...(sso ? ssoRoutes(sso) : []),
    ...auditRoutes(services),
  ];
}

const APP_SERVICES = new WeakMap<FastifyInstance, Services>();

/**
 * The services an app built by {@link buildApp} runs on: in-process tests call them directly and
 * wait on their background work (a forecast after a check-in) in the same instance the routes use.
 */
export function servicesOf(app: FastifyInstance): Services {
  const services = APP_SERVICES.get(app);
  if (!services) throw new Error('This Fastify instance was not built by buildApp');
  return services;
}

/**
 * Builds the HTTP app over a migrated store: the JSON API under /api, its OpenAPI document and
 * docs page, health checks, and the web app. It holds no state of its own beyond the store, so
 * several app servers can share one PostgreSQL.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  // Live event streams stay open; closing the server must not wait for viewers to leave.
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 20 * 1024 * 1024,
    forceCloseConnections: true,
    // A path Fastify cannot decode (`/api/units/%`) is answered in the API's error shape too.
    frameworkErrors: handleError,
    trustProxy: options.trustProxy ?? resolveTrustProxy(),
  });
  app.setErrorHandler(handleError);
  registerSecurityHeaders(app);
  // JSON answers above a few kilobytes go out gzipped (a 200-item X-matrix is megabytes of JSON);
  // the web app's assets are compressed at build time instead, and event streams are left alone.
  await app.register(fastifyCompress, { threshold: 4096, encodings: ['gzip', 'deflate'] });
  app.addContentTypeParser(
    ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'],
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, body);
    },
  );

  // CSV and XLSX uploads (OKR imports, bulk check-ins) arrive as raw bytes; each reader decodes them.
  app.addContentTypeParser(SHEET_CONTENT_TYPES, { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });

  const feed = await startChangeFeed(options.store);
  const viewCache = createViewCache(feed);
  const jobs = options.services?.jobs ?? openJobQueue(options.store, (line) => app.log.warn(line));
  const pool = options.services?.pool ?? createSimulationPool();
  const services = createServices(options.store.db, {
    smtp: resolveSmtp(),
    publicUrl: process.env.CATCHBALL_PUBLIC_URL?.trim() || null,
    memo: viewCache,
    ...options.services,
    jobs,
    pool,
  });
  APP_SERVICES.set(app, services);
  // Handlers are registered (createServices) before the queue takes up work left by a stopped server.
  await jobs.start();
  const scheduler =
    options.schedules === false
      ? null
      : createScheduler(options.store.db, services, {
          log: (line) => app.log.warn(line),
          ...options.schedules,
        });
  scheduler?.start();
  // The authorizer knows which tables change access; the feed tells it which tables changed.
  const authorizer = createAuthorizer(options.store.db);
  const stopInvalidating = feed.subscribe({}, authorizer.invalidate);
  const connectorScheduler = options.connectorScheduler
    ? createConnectorScheduler(options.store.db, services.connectors, {
        onError: (error) => app.log.error({ err: error }, 'a KPI connector tick failed'),
        ...options.connectorScheduler,
      })
    : null;
  connectorScheduler?.start();
  app.addHook('onClose', async () => {
    await services.forecast.settled();
    await connectorScheduler?.stop();
    await scheduler?.stop();
    await jobs.stop();
    if (!options.services?.pool) await pool.close();
    viewCache.close();
    stopInvalidating();
    authorizer.clear();
    await feed.close();
  });
  // Before a write's response leaves, the feed has passed this server every change it committed
  // (the same messages other servers get), so cached views and access decisions have dropped
  // what it touched and its author never reads the past. When the feed cannot say, both caches
  // drop everything.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && !(await feed.settle())) {
      viewCache.invalidate();
      authorizer.clear();
    }
    return payload;
  });
  registerTokenRateLimit(app, services.accounts.limiter, services.accounts.limits.tokenFailuresPerIp);

  const oidc = options.oidc === undefined ? resolveOidcConfig() : options.oidc;
  const routes = [
    ...apiRoutes(services, viewCache, oidc ? { db: options.store.db, config: oidc } : null),
    eventStreamRoute(feed),
  ];
  for (const route of routes) route.register(app, authorizer);

  const openApi = buildOpenApiDocument(routes, PACKAGE_VERSION);
  app.get('/api/openapi.json', (_request, reply) => reply.send(openApi));
  app.get('/api/docs', (_request, reply) => reply.type('text/html; charset=utf-8').send(docsPage()));
  app.get('/api/docs/init.js', (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(DOCS_INIT_SCRIPT),
  );
  await app.register(fastifyStatic, {
    root: SWAGGER_UI_DIR,
    prefix: '/api/docs/assets/',
    decorateReply: false,
  });

  app.get('/healthz', (_request, reply) => reply.send({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await sql`SELECT 1`.execute(options.store.db);
      return { status: 'ready', store: options.store.kind };
    } catch {
      return reply.status(503).send({ error: { code: 'not_ready', message: 'The store does not answer' } });
    }
  });

  const webDir = options.webDir ?? WEB_DIST_DIR;
  const hasWeb = existsSync(`${webDir}/index.html`);
  if (hasWeb)
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, preCompressed: true });
  app.setNotFoundHandler(async (request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && hasWeb;
    if (isPage) return reply.type('text/html; charset=utf-8').sendFile('index.html', webDir);
    return reply.status(404).send({
      error: {
        code: 'not_found',
        message: `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
      },
    });
  });
  return app;
}
