import { z } from 'zod';
import { IdSchema, PositionSchema, TitleSchema, VersionSchema } from './common';

/** An organisational unit (Office of the CIO → Security (CSO) → Security Architecture); units form a tree. */
export const UnitSchema = z
  .object({
    id: IdSchema,
    organisationId: IdSchema,
    parentId: IdSchema.nullable(),
    name: TitleSchema,
    ownerId: IdSchema.nullable().meta({
      description: 'The person who owns the unit (and acts for it in catchball)',
    }),
    position: PositionSchema,
    version: VersionSchema,
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof UnitSchema>;

export const CreateUnitSchema = z.object({
  id: IdSchema.optional(),
  organisationId: IdSchema,
  parentId: IdSchema.nullable().optional(),
  name: TitleSchema,
  ownerId: IdSchema.nullable().optional(),
});
export type CreateUnitInput = z.infer<typeof CreateUnitSchema>;

export const UpdateUnitSchema = z.object({
  version: VersionSchema,
  parentId: IdSchema.nullable().optional(),
  name: TitleSchema.optional(),
  ownerId: IdSchema.nullable().optional(),
  position: PositionSchema.optional(),
});
export type UpdateUnitInput = z.infer<typeof UpdateUnitSchema>;
