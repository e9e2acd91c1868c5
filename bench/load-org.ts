import type { PlanDocument } from '../src/contracts';
import { migrate } from '../src/server/db/migrate';
import { openStore, type Store, type StoreConfig } from '../src/server/db/store';
import { createServices } from '../src/server/services';

/** Opens and migrates a store, then imports `plan` (replacing an earlier copy); returns the open store. */
export async function loadPlan(
  config: StoreConfig,
  plan: PlanDocument,
  progress: (message: string) => void,
): Promise<Store> {
  const store = await openStore(config);
  await migrate(store);
  const started = performance.now();
  const counts = Object.values({ units: plan.units.length, objectives: plan.objectives.length }).join('/');
  progress(`importing ${plan.organisation.id} (${counts} units/objectives)…`);
  const summary = await createServices(store.db).planImport.importPlan(plan, { replace: true });
  progress(
    `imported in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary.counts)}`,
  );
  return store;
}
