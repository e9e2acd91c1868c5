import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { sql } from 'kysely';
import { handleError } from './errors';
import { buildOpenApiDocument } from './openapi';
import type { Route } from './route';
import { matrixRoutes } from './routes/matrices.routes';
import { okrRoutes } from './routes/okrs.routes';
import { organisationRoutes } from './routes/organisations.routes';
import { planRoutes } from './routes/plan.routes';
import { structureRoutes } from './routes/structure.routes';
import { translationRoutes } from './routes/translations.routes';
import { createServices, type Services } from './services';
import type { Store } from './db/store';
import { docsPage, SWAGGER_UI_DIR } from './docs-page';

export const WEB_DIST_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface AppOptions {
  store: Store;
  /** Fastify's logger: off in tests, on when serving. */
  logger?: boolean;
  /** Where the built web app is; it is served at `/` when the folder exists. */
  webDir?: string;
  /** Largest request body accepted, in bytes (plan documents are the big ones). */
  bodyLimit?: number;
}

/** Every API route, in the order the OpenAPI document lists them. */
export function apiRoutes(services: Services): Route[] {
  return [
    ...organisationRoutes(services),
    ...structureRoutes(services),
    ...okrRoutes(services),
    ...matrixRoutes(services),
    ...planRoutes(services),
    ...translationRoutes(services),
  ];
}

/**
 * Builds the HTTP app over a migrated store: the JSON API under /api, its OpenAPI document and
 * docs page, health checks, and the web app. It holds no state of its own beyond the store, so
 * several app servers can share one PostgreSQL.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? 20 * 1024 * 1024 });
  app.setErrorHandler(handleError);
  app.addContentTypeParser(
    ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'],
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, body);
    },
  );

  const services = createServices(options.store.db);
  const routes = apiRoutes(services);
  for (const route of routes) route.register(app);

  const openApi = buildOpenApiDocument(routes, PACKAGE_VERSION);
  app.get('/api/openapi.json', (_request, reply) => reply.send(openApi));
  app.get('/api/docs', (_request, reply) => reply.type('text/html; charset=utf-8').send(docsPage()));
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
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false });
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
