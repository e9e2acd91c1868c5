import { afterAll, beforeAll } from 'vitest';
import type { ServiceOptions } from '../../src/server/services';
import { createTestApp, type TestApp } from './test-app';

/**
 * A fresh test app for the enclosing `describe` (made in `beforeAll`, closed in `afterAll`, the
 * way Outline's `getTestServer()` is), with `plan` imported first when given. The handle forwards
 * to the app, so it is usable inside hooks and tests, not while the describe block is collected.
 */
export function useTestApp(options: { services?: ServiceOptions; plan?: unknown } = {}): TestApp {
  let current: TestApp | undefined;
  beforeAll(async () => {
    current = await createTestApp({ ...(options.services ? { services: options.services } : {}) });
    if (options.plan !== undefined) await current.services.planImport.importPlan(options.plan);
  });
  afterAll(() => current?.close());
  return new Proxy({} as TestApp, {
    get(_, key) {
      if (!current) throw new Error('useTestApp: the app exists from beforeAll on');
      const value: unknown = Reflect.get(current, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
}
