import { z } from 'zod';
import { IdSchema } from './common';

/** What a live change stream follows: one matrix, one unit, or one organisation (one is required). */
export const EventStreamQuerySchema = z.object({
  matrixId: IdSchema.optional(),
  unitId: IdSchema.optional(),
  organisationId: IdSchema.optional(),
});
export type EventStreamQuery = z.infer<typeof EventStreamQuerySchema>;
