// The throwaway process of store-template.ts: node bin/run-ts.mjs src/cli/store-template-build.ts <dir> <migrated|demo>
// Runs initdb and the migrations into <dir> (and loads the demo), closes the store cleanly and exits,
// taking initdb's memory with it.
import { migrate } from '../server/db/migrate';
import { openStore } from '../server/db/store';
import { loadDemoIfEmpty } from '../server/demo';
import { createServices } from '../server/services';

const [dataDir, template] = process.argv.slice(2);
if (!dataDir || (template !== 'migrated' && template !== 'demo')) {
  console.error('usage: store-template-build.ts <dir> <migrated|demo>');
  process.exit(2);
}
const store = await openStore({ dataDir });
try {
  await migrate(store);
  if (template === 'demo') await loadDemoIfEmpty(createServices(store.db));
} finally {
  await store.close();
}
