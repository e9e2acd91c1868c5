import { z } from 'zod';
import { IdSchema, MeasureSchema, VersionSchema } from './common';
import { ObjectiveProgressSchema } from './execution';
import { MatrixPartSchema } from './x-matrix';

/** A cycle's closure: once closed, its OKRs, X-matrices and check-ins refuse writes (`cycle_closed`). */
export const CycleClosureSchema = z
  .object({
    cycleId: IdSchema,
    name: z.string(),
    year: z.number().int(),
    closed: z.boolean(),
    closedAt: z.string().nullable(),
    closedBy: z.string().nullable(),
  })
  .meta({ id: 'CycleClosure' });
export type CycleClosure = z.infer<typeof CycleClosureSchema>;

const ReflectionText = z.string().max(5000, 'must be at most 5000 characters');

/** The hansei of an annual objective: what was reached, why (causes), what was learned. */
export const ReflectionSchema = z
  .object({
    id: IdSchema,
    itemId: IdSchema,
    reached: z.string(),
    causes: z.string(),
    learned: z.string(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Reflection' });
export type Reflection = z.infer<typeof ReflectionSchema>;

export const SaveReflectionSchema = z.object({
  reached: ReflectionText,
  causes: ReflectionText,
  learned: ReflectionText,
  /** The version read; null when the objective had no reflection yet. */
  version: VersionSchema.nullable(),
});
export type SaveReflectionInput = z.infer<typeof SaveReflectionSchema>;

const ScoredFields = {
  itemId: IdSchema,
  title: z.string(),
  /** The year's score 0.0-1.0; null when nothing measured it. */
  score: z.number().nullable(),
  met: z.boolean().nullable(),
};

/** A unit's year under review: every target's final score, the reflections, whether it is closed. */
export const YearReviewSchema = z
  .object({
    matrixId: IdSchema,
    unitId: IdSchema,
    year: z.number().int(),
    cycle: CycleClosureSchema.nullable(),
    asOf: z.string(),
    annualObjectives: z.array(z.object({ ...ScoredFields, reflection: ReflectionSchema.nullable() })),
    kpis: z.array(
      z.object({
        ...ScoredFields,
        unitOfMeasure: z.string(),
        direction: z.enum(['increase', 'decrease', 'band']).nullable(),
        baseline: z.number().nullable(),
        target: z.number().nullable(),
        final: z.number().nullable(),
        gap: z.number().nullable(),
      }),
    ),
    initiatives: z.array(z.object({ itemId: IdSchema, title: z.string(), status: z.string().nullable() })),
    objectives: z.array(ObjectiveProgressSchema),
    rolledFrom: z.object({ matrixId: IdSchema, year: z.number().int() }).nullable(),
    rolledInto: z.object({ matrixId: IdSchema, year: z.number().int() }).nullable(),
  })
  .meta({ id: 'YearReview' });
export type YearReview = z.infer<typeof YearReviewSchema>;

export const RolloverChoiceSchema = z.enum(['carry', 'raise', 'drop', 'close']);

/** The roll-over wizard's preview: each item of the year, what it offers, what is proposed. */
export const RolloverPreviewSchema = z
  .object({
    matrixId: IdSchema,
    unitId: IdSchema,
    fromYear: z.number().int(),
    toYear: z.number().int(),
    /** Next year's cycle, when the organisation has one; the roll-over creates it otherwise. */
    nextCycle: z.object({ id: IdSchema, name: z.string() }).nullable(),
    /** Next year's matrix of the unit, when one exists: the roll-over is then refused. */
    nextMatrixId: IdSchema.nullable(),
    cycleClosed: z.boolean(),
    items: z.array(
      z.object({
        itemId: IdSchema,
        part: MatrixPartSchema,
        title: z.string(),
        choices: z.array(RolloverChoiceSchema),
        proposed: RolloverChoiceSchema,
        score: z.number().nullable(),
        met: z.boolean().nullable(),
        final: z.number().nullable(),
        target: z.number().nullable(),
        gap: z.number().nullable(),
        nextBaseline: z.number().nullable(),
        nextTarget: z.number().nullable(),
        unitOfMeasure: z.string(),
      }),
    ),
  })
  .meta({ id: 'RolloverPreview' });
export type RolloverPreview = z.infer<typeof RolloverPreviewSchema>;

export const RolloverSchema = z.object({
  decisions: z
    .array(
      z.object({
        itemId: IdSchema,
        choice: RolloverChoiceSchema,
        target: MeasureSchema.nullable().optional(),
      }),
    )
    .max(2000),
});
export type RolloverInput = z.infer<typeof RolloverSchema>;

export const RolloverResultSchema = z
  .object({
    matrixId: IdSchema,
    unitId: IdSchema,
    year: z.number().int(),
    cycleId: IdSchema,
    createdCycle: z.boolean(),
    carried: z.number().int(),
  })
  .meta({ id: 'RolloverResult' });
export type RolloverResult = z.infer<typeof RolloverResultSchema>;
