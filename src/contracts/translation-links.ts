import { z } from 'zod';
import { MATRIX_PARTS } from '../core/x-matrix-parts';
import { IdSchema, VersionSchema } from './common';

/** The part of a source that a translated item follows: its text and its target. */
export const SourceStateSchema = z.object({
  title: z.string(),
  unitOfMeasure: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  targetHigh: z.number().nullable(),
});
export type SourceState = z.infer<typeof SourceStateSchema>;

/**
 * Whether a translated (or cascaded) item's source changed since the item last agreed with it.
 * `before` is the source as it was at translation, accept or answer; `after` is the source now.
 * `tracked: false` means the item names a source but no snapshot was ever taken (e.g. imported
 * from a plan document): nothing can be compared until someone accepts or answers once.
 */
export const SourceStatusSchema = z
  .object({
    itemId: IdSchema,
    sourceKind: z.enum(['objective', 'key_result', 'item']),
    sourceId: IdSchema,
    tracked: z.boolean(),
    sourceChanged: z.boolean(),
    before: SourceStateSchema.nullable(),
    after: SourceStateSchema,
    /** The comment of whoever last kept the item's own text against a changed source. */
    answer: z.string().nullable(),
    answeredAt: z.string().nullable(),
  })
  .meta({ id: 'SourceStatus' });
export type SourceStatus = z.infer<typeof SourceStatusSchema>;

/** One end of a cascade link: an item and the matrix and unit it sits in. */
const CascadeEndSchema = z.object({
  itemId: IdSchema,
  title: z.string(),
  part: z.enum(MATRIX_PARTS),
  matrixId: IdSchema,
  year: z.number().int(),
  unitId: IdSchema,
  unitName: z.string(),
});

/** A parent unit's initiative (How) that became a child unit's breakthrough or annual objective. */
export const CascadeLinkSchema = z
  .object({ parent: CascadeEndSchema, child: CascadeEndSchema })
  .meta({ id: 'CascadeLink' });
export type CascadeLink = z.infer<typeof CascadeLinkSchema>;

/** `POST /api/matrix-items/:id/cascade`: the child unit and year, and which part the item becomes. */
export const CascadeItemSchema = z.object({
  toUnitId: IdSchema,
  year: z.number().int().min(2000).max(2100),
  as: z.enum(['what', 'how_far']),
  title: z.string().trim().min(1).max(300).optional(),
});
export type CascadeItemInput = z.infer<typeof CascadeItemSchema>;

/** Accepting a changed source: the item takes the source's new text and target. */
export const AcceptSourceSchema = z.object({ version: VersionSchema });
/** Answering a changed source: the item keeps its own text; the comment says why. */
export const AnswerSourceSchema = z.object({
  version: VersionSchema,
  comment: z.string().trim().min(1, 'must say why the item keeps its own text').max(2000),
});
export type AnswerSourceInput = z.infer<typeof AnswerSourceSchema>;
