import { z } from 'zod';
import { IdSchema, IsoDateSchema, TitleSchema, VersionSchema } from './common';

export const QuarterSchema = z.object({ name: z.string(), startDate: IsoDateSchema, endDate: IsoDateSchema });

/** A planning cycle: a year (calendar or fiscal) and its quarters. */
export const CycleSchema = z
  .object({
    id: IdSchema,
    organisationId: IdSchema,
    name: TitleSchema,
    year: z.number().int().min(2000).max(2100),
    startDate: IsoDateSchema,
    endDate: IsoDateSchema,
    quarters: z.array(QuarterSchema),
    version: VersionSchema,
  })
  .meta({ id: 'Cycle' });
export type Cycle = z.infer<typeof CycleSchema>;

export const CreateCycleSchema = z.object({
  id: IdSchema.optional(),
  organisationId: IdSchema,
  name: TitleSchema.optional(),
  year: z.number().int().min(2000).max(2100),
  startDate: IsoDateSchema.optional(),
  endDate: IsoDateSchema.optional(),
});
export type CreateCycleInput = z.infer<typeof CreateCycleSchema>;

export const UpdateCycleSchema = z.object({
  version: VersionSchema,
  name: TitleSchema.optional(),
  startDate: IsoDateSchema.optional(),
  endDate: IsoDateSchema.optional(),
});
export type UpdateCycleInput = z.infer<typeof UpdateCycleSchema>;
