import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPlanDocumentJsonSchema } from './plan-document-json-schema';

describe('the committed plan document JSON Schema', () => {
  it('is what the contracts generate (run `npm run schema` after changing them)', () => {
    const committed = readFileSync(new URL('../../docs/plan-document.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(formatPlanDocumentJsonSchema());
  });

  it('describes the parts of a plan', () => {
    const schema = JSON.parse(formatPlanDocumentJsonSchema()) as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(schema.required).toEqual(expect.arrayContaining(['catchball', 'organisation', 'units']));
    expect(Object.keys(schema.properties)).toEqual([
      'catchball',
      'organisation',
      'units',
      'people',
      'cycles',
      'objectives',
      'matrices',
    ]);
  });
});
