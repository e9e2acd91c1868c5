import fc from 'fast-check';
import { z, type ZodType } from 'zod';
import { DATE_RANGE } from '../../../src/contracts/common';

/** The part of JSON Schema (draft 2020-12, as `z.toJSONSchema` writes it) the generator reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

/** The JSON Schema of what a client sends (the input side of transforms and defaults). */
export const jsonSchemaOf = (schema: ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;

/**
 * Where a generated string is an id of something that exists: the arbitrary of real ids for a
 * property name (`unitId`, `keyResultIds`), or undefined for a new id made from the pattern.
 */
export type IdSource = (key: string) => fc.Arbitrary<string> | undefined;

/** Longest string and array the generator makes: long enough to vary, short enough to stay fast. */
const MAX_STRING = 40;
const MAX_ITEMS = 4;

const dateArbitrary = fc
  .date({
    min: new Date(`${DATE_RANGE.from}T00:00:00Z`),
    max: new Date(`${DATE_RANGE.to}T00:00:00Z`),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));
/** Dates near the demo's cycles, so a date usually falls in a cycle and a month that exists. */
const nearDate = fc
  .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

function stringArbitrary(schema: JsonSchema, key: string, ids: IdSource): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? MAX_STRING, MAX_STRING));
  switch (schema.format) {
    case 'date':
      return fc.oneof({ weight: 4, arbitrary: nearDate }, { weight: 1, arbitrary: dateArbitrary });
    case 'date-time':
      return nearDate.map((date) => `${date}T12:00:00.000Z`);
    case 'email':
      return fc
        .tuple(fc.stringMatching(/^[a-z]{3,12}$/), fc.nat({ max: 1_000_000 }))
        .map(([name, n]) => `${name}.${String(n)}@example.com`);
    case 'uri':
    case 'url':
      return fc.stringMatching(/^[a-z]{1,12}$/).map((path) => `http://127.0.0.1:9/${path}`);
    case undefined:
    default:
      break;
  }
  if (schema.pattern) {
    const real = ids(key);
    const made = fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((text) => text.length >= minLength && text.length <= (schema.maxLength ?? Infinity));
    return real ? fc.oneof({ weight: 9, arbitrary: real }, { weight: 1, arbitrary: made }) : made;
  }
  return fc
    .string({ minLength, maxLength })
    .map((text) => (minLength > 0 && text.trim() === '' ? 'x'.repeat(minLength) : text));
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min =
    schema.minimum ??
    (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-6) : undefined);
  const max =
    schema.maximum ??
    (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-6) : undefined);
  if (integer) {
    const low = Math.max(min ?? -1000, Number.MIN_SAFE_INTEGER);
    const high = Math.min(max ?? 1000, Number.MAX_SAFE_INTEGER);
    // Small values are the ones that mean something (a month, a year near today, a version).
    return fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: low, max: Math.min(high, low + 20) }) },
      { weight: 1, arbitrary: fc.integer({ min: low, max: high }) },
    );
  }
  const low = min ?? -1e6;
  const high = max ?? 1e6;
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.integer({ min: Math.ceil(low), max: Math.floor(Math.min(high, Math.max(low, 0) + 100)) }),
    },
    { weight: 1, arbitrary: fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true }) },
  );
}

/**
 * An arbitrary of values that satisfy `schema` as far as JSON Schema says (refinements such as
 * "start before end" are not in it: such values are refused with a 400, which is fine). `key` is
 * the property the value is for, which picks real ids through `ids`.
 */
export function arbitraryOf(
  schema: JsonSchema,
  ids: IdSource,
  root: JsonSchema = schema,
  key = '',
): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = root.$defs?.[name];
    return target ? arbitraryOf(target, ids, root, key) : fc.constant(null);
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((branch) => arbitraryOf(branch, ids, root, key)));
  if (schema.allOf?.[0]) return arbitraryOf(schema.allOf[0], ids, root, key);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArbitrary(schema, key, ids);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS));
      // An array of ids is named in the plural (`keyResultIds`): its items are ids of that kind.
      const itemKey = key.replace(/Ids$/, 'Id').replace(/^ids$/, 'id');
      return fc.array(arbitraryOf(schema.items ?? {}, ids, root, itemKey), { minLength, maxLength });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      if (Object.keys(properties).length === 0 && typeof schema.additionalProperties === 'object') {
        const keys = schema.propertyNames
          ? arbitraryOf(schema.propertyNames, ids, root, key)
          : fc.string({ maxLength: 12 });
        return fc.dictionary(
          keys as fc.Arbitrary<string>,
          arbitraryOf(schema.additionalProperties, ids, root, key),
          { maxKeys: 3 },
        );
      }
      const required = new Set(schema.required ?? []);
      const record = Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [name, arbitraryOf(property, ids, root, name)]),
      );
      return fc.record(record, { requiredKeys: [...required].filter((name) => name in record) });
    }
    case undefined:
    default:
      // Anything (z.unknown): a small JSON value; the route's fixture supplies a meaningful one.
      return fc.constant(null);
  }
}
