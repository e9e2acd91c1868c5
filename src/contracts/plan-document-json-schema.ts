import { z } from 'zod';
import { PlanDocumentSchema } from './plan-document';

/**
 * The JSON Schema (2020-12) of the plan document as people write it (defaults may be left out).
 * Committed at docs/plan-document.schema.json by `npm run schema`; a test keeps the two equal.
 */
export function buildPlanDocumentJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(PlanDocumentSchema, { io: 'input', target: 'draft-2020-12' }) as {
    $schema: string;
    $defs: Record<string, Record<string, unknown>>;
  };
  // The document's own definition goes to the top, so the file reads from the root down.
  const { PlanDocument: root, ...defs } = generated.$defs;
  return {
    $schema: generated.$schema,
    $id: 'https://catchball.dev/schemas/plan-document.schema.json',
    ...root,
    $defs: defs,
  };
}

export function formatPlanDocumentJsonSchema(): string {
  return `${JSON.stringify(buildPlanDocumentJsonSchema(), null, 2)}\n`;
}
