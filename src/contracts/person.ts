import { z } from 'zod';
import { IdSchema, TitleSchema, VersionSchema } from './common';

export const SkillSchema = z.string().trim().min(1).max(80);

/** A person with skills and a monthly capacity in person-days (about 18 for a full-time person). */
export const PersonSchema = z
  .object({
    id: IdSchema,
    organisationId: IdSchema,
    unitId: IdSchema.nullable(),
    name: TitleSchema,
    email: z.email().nullable(),
    skills: z.array(SkillSchema),
    monthlyCapacity: z.number().min(0).max(31).meta({ description: 'Person-days available per month' }),
    userId: IdSchema.nullable().meta({ description: 'The user account this person is, if any' }),
    version: VersionSchema,
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof PersonSchema>;

export const CreatePersonSchema = z.object({
  id: IdSchema.optional(),
  organisationId: IdSchema,
  unitId: IdSchema.nullable().optional(),
  name: TitleSchema,
  email: z.email().nullable().optional(),
  skills: z.array(SkillSchema).optional(),
  monthlyCapacity: z.number().min(0).max(31).optional(),
  userId: IdSchema.nullable().optional(),
});
export type CreatePersonInput = z.infer<typeof CreatePersonSchema>;

export const UpdatePersonSchema = z.object({
  version: VersionSchema,
  unitId: IdSchema.nullable().optional(),
  name: TitleSchema.optional(),
  email: z.email().nullable().optional(),
  skills: z.array(SkillSchema).optional(),
  monthlyCapacity: z.number().min(0).max(31).optional(),
  userId: IdSchema.nullable().optional(),
});
export type UpdatePersonInput = z.infer<typeof UpdatePersonSchema>;

/** One row of a bulk add: a person of the organisation the path names. */
export const PersonRowSchema = CreatePersonSchema.omit({ id: true, organisationId: true, userId: true });
export type PersonRow = z.infer<typeof PersonRowSchema>;

/** Many people at once (a spreadsheet pasted in): every row is written, or none. */
export const CreatePeopleSchema = z.object({ people: z.array(PersonRowSchema).min(1).max(1000) });
export type CreatePeopleInput = z.infer<typeof CreatePeopleSchema>;
