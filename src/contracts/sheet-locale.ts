import { z } from 'zod';
import { DATE_ORDERS, type LocaleChoice } from '../core/sheet-locale';

/**
 * How an import read a file's numbers and dates, and the person's choices that override it: every
 * importer's preview shows the first and accepts the second, in the same words.
 */

/** The decimal mark as a query value: `point` (2.5) or `comma` (2,5). */
export const DecimalChoiceSchema = z
  .enum(['point', 'comma'])
  .meta({ description: 'Read numbers with this decimal mark instead of the one detected' });

export const DateOrderChoiceSchema = z
  .enum(DATE_ORDERS)
  .meta({ description: 'Read 03/08/2026 as day first (3 August) or month first (March 8)' });

/** Query fields an importer's preview and confirm accept to override what was detected. */
export const LocaleChoiceFields = {
  decimal: DecimalChoiceSchema.optional(),
  dateOrder: DateOrderChoiceSchema.optional(),
};

export const SheetLocaleSchema = z
  .object({
    decimal: DecimalChoiceSchema,
    grouping: z.array(z.string()),
    percent: z.boolean(),
    dateOrder: z.enum(DATE_ORDERS).nullable(),
    decimalFrom: z.enum(['cells', 'chosen', 'default']),
    dateOrderFrom: z.enum(['cells', 'chosen', 'none']),
    /** In words: "decimal comma, thousands separated by "'", dates day first (31/12/2026)". */
    description: z.string(),
  })
  .meta({ id: 'SheetLocale' });
export type SheetLocaleJson = z.infer<typeof SheetLocaleSchema>;

export function localeChoiceOf(query: {
  decimal?: 'point' | 'comma' | undefined;
  dateOrder?: LocaleChoice['dateOrder'];
}): LocaleChoice {
  return {
    ...(query.decimal ? { decimal: query.decimal === 'comma' ? ',' : '.' } : {}),
    ...(query.dateOrder ? { dateOrder: query.dateOrder } : {}),
  };
}
