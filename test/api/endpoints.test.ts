import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../src/contracts/endpoint';
import * as endpoints from '../../src/contracts/endpoints';
import { apiRoutes } from '../../src/server/app';
import type { ChangeFeed } from '../../src/server/live/change-feed';
import { eventStreamRoute } from '../../src/server/live/event-stream';
import type { ViewCache } from '../../src/server/live/view-cache';
import type { Route } from '../../src/server/route';
import { createTestApp, type TestApp } from '../support/test-app';

/** Every endpoint declared in src/contracts/endpoints, CRUD groups and format families included. */
function declaredIn(value: unknown, name: string): { name: string; endpoint: Endpoint }[] {
  if (value === null || typeof value !== 'object') return [];
  if ('method' in value && 'path' in value) return [{ name, endpoint: value as Endpoint }];
  return Object.entries(value).flatMap(([key, inner]) => declaredIn(inner, `${name}.${key}`));
}

describe('endpoints declared once', () => {
  let t: TestApp;
  let routes: Route[];
  const declared = declaredIn(endpoints, 'endpoints');
  const key = (method: string, path: string) => `${method} ${path}`;
  beforeAll(async () => {
    t = await createTestApp();
    // The routes as the app builds them, single sign-on included; building them touches neither
    // the view cache nor the provider.
    routes = apiRoutes(t.services, {} as ViewCache, {
      db: t.store.db,
      config: {
        issuer: new URL('http://127.0.0.1:9/'),
        clientId: 'catchball',
        clientSecret: 'secret',
        redirectUri: 'http://127.0.0.1:9/api/auth/sso/callback',
        secureCookies: false,
        name: 'SSO',
        scopes: 'openid',
        allowSignup: false,
        allowInsecureRequests: true,
      },
    });
    // The live stream is implemented like the others, outside apiRoutes only because it needs
    // the server's change feed (building it does not touch the feed).
    routes.push(eventStreamRoute({} as ChangeFeed));
  });
  afterAll(() => t.close());

  it('serves every declared endpoint with its own method, path, schemas, status and documentation', () => {
    const byKey = new Map(routes.map((route) => [key(route.method, route.url), route]));
    for (const { name, endpoint } of declared) {
      const route = byKey.get(key(endpoint.method, endpoint.path));
      expect(route, `${name}: ${key(endpoint.method, endpoint.path)} has no route`).toBeDefined();
      expect(
        {
          summary: route?.summary,
          tag: route?.tag,
          status: route?.status,
          produces: route?.produces,
          bodyContentTypes: route?.bodyContentTypes,
        },
        name,
      ).toEqual({
        summary: endpoint.summary,
        tag: endpoint.tag,
        status: endpoint.status,
        produces: endpoint.produces,
        bodyContentTypes: endpoint.bodyContentTypes,
      });
      // The very schemas the endpoint declares, not copies: one declaration.
      expect(route?.schemas.params, name).toBe(endpoint.params);
      expect(route?.schemas.query, name).toBe(endpoint.query);
      expect(route?.schemas.body, name).toBe(endpoint.body);
      expect(route?.schemas.response, name).toBe(endpoint.response);
    }
  });

  it('declares each endpoint once, and one for every route', () => {
    const keys = declared.map(({ endpoint }) => key(endpoint.method, endpoint.path));
    expect(keys.length).toBe(new Set(keys).size);
    const undeclared = routes
      .map((route) => key(route.method, route.url))
      .filter((routeKey) => !keys.includes(routeKey));
    expect(undeclared).toEqual([]);
  });
});
