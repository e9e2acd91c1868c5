import { z } from 'zod';
import { DEFAULT_PART_NAMES } from '../core/x-matrix-parts';
import { IdSchema, TitleSchema, VersionSchema } from './common';

const PartName = z.string().trim().min(1).max(60);

/** Display names of the five X-matrix parts; an organisation may rename any of them. */
export const PartNamesSchema = z
  .object({ what: PartName, how_far: PartName, how: PartName, how_much: PartName, who: PartName })
  .meta({ id: 'PartNames', example: DEFAULT_PART_NAMES });

export const OrganisationSchema = z
  .object({
    id: IdSchema,
    name: TitleSchema,
    partNames: PartNamesSchema,
    horizonYears: z
      .number()
      .int()
      .min(1)
      .max(10)
      .meta({ description: 'Breakthrough horizon in years (3-5 is usual)' }),
    version: VersionSchema,
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof OrganisationSchema>;

export const CreateOrganisationSchema = z.object({
  id: IdSchema.optional(),
  name: TitleSchema,
  partNames: PartNamesSchema.partial().optional(),
  horizonYears: z.number().int().min(1).max(10).optional(),
});
export type CreateOrganisationInput = z.infer<typeof CreateOrganisationSchema>;

export const UpdateOrganisationSchema = z.object({
  version: VersionSchema,
  name: TitleSchema.optional(),
  partNames: PartNamesSchema.partial().optional(),
  horizonYears: z.number().int().min(1).max(10).optional(),
});
export type UpdateOrganisationInput = z.infer<typeof UpdateOrganisationSchema>;
