// Writes docs/plan-document.schema.json from the Zod contracts: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { formatPlanDocumentJsonSchema } from '../src/contracts/plan-document-json-schema';

const target = new URL('../docs/plan-document.schema.json', import.meta.url);
writeFileSync(target, formatPlanDocumentJsonSchema());
console.log(`wrote ${target.pathname}`);
