import { readFileSync } from 'node:fs';
import { hashDemoPassword } from './demo/demo-users';
import type { Services } from './services';
import { parsePlanText } from './services/plan/plan-format';

export const DEMO_PLAN_PATH = new URL('./demo/demo-plan.yaml', import.meta.url);

/**
 * Loads the demo organisation (the seed's cybersecurity transformation) into an empty store, with
 * a year of check-ins, red months and countermeasures (demo/demo-checkins.ts), the closed 2025
 * beside it (demo/demo-closed-year.ts), and its four
 * accounts (demo/demo-users.ts; their one password hash is computed while the plan loads).
 * @returns true when it loaded the demo, false when the store already held an organisation.
 */
export async function loadDemoIfEmpty(services: Services): Promise<boolean> {
  if ((await services.organisations.list()).length > 0) return false;
  const passwordHash = hashDemoPassword();
  await services.planImport.importPlan(parsePlanText(readFileSync(DEMO_PLAN_PATH, 'utf8')));
  if (await services.demo.recordYear()) await services.demo.recordForecasts();
  await services.demo.recordClosedYear();
  await services.demo.createUsers(passwordHash);
  return true;
}
