import { z } from 'zod';
import { KEY_RESULT_KINDS } from '../core/key-result';
import { MEASURE_RULES } from '../core/measured-by';
import {
  DescriptionSchema,
  IdSchema,
  IsoDateSchema,
  PositionSchema,
  TitleSchema,
  VersionSchema,
  MeasureSchema,
  WeightSchema,
} from './common';

export const ObjectiveKindSchema = z.enum(['committed', 'aspirational']);
export const KeyResultKindSchema = z.enum(KEY_RESULT_KINDS);

const Confidence = z.number().min(0).max(1).meta({ description: 'Owner confidence, 0.0-1.0' });
const Weight = WeightSchema;
export const MeasureRuleSchema = z.enum(MEASURE_RULES).meta({
  description: 'How the values of several KPIs measuring the key result combine (one KPI: its own value)',
});
export const MeasureWeightsSchema = z
  .record(IdSchema, WeightSchema)
  .meta({ description: 'Weight of each measuring KPI by its id, for the weighted average; 1 when absent' });

/** An objective of a unit for a cycle, optionally aligned to a parent objective or key result. */
export const ObjectiveSchema = z
  .object({
    id: IdSchema,
    unitId: IdSchema,
    cycleId: IdSchema,
    title: TitleSchema,
    description: DescriptionSchema,
    kind: ObjectiveKindSchema,
    alignedObjectiveId: IdSchema.nullable(),
    alignedKeyResultId: IdSchema.nullable(),
    position: PositionSchema,
    version: VersionSchema,
  })
  .meta({ id: 'Objective' });
export type Objective = z.infer<typeof ObjectiveSchema>;

/** A measurable key result; `targetHigh` is the upper bound of a band, `milestones` the steps of a milestone result. */
export const KeyResultSchema = z
  .object({
    id: IdSchema,
    objectiveId: IdSchema,
    title: TitleSchema,
    kind: KeyResultKindSchema,
    unitOfMeasure: z.string().max(40),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    targetHigh: z.number().nullable(),
    current: z.number().nullable(),
    weight: Weight,
    ownerId: IdSchema.nullable(),
    confidence: Confidence.nullable(),
    dueDate: IsoDateSchema.nullable(),
    milestones: z.array(TitleSchema),
    measureRule: MeasureRuleSchema,
    measureWeights: MeasureWeightsSchema,
    position: PositionSchema,
    version: VersionSchema,
  })
  .meta({ id: 'KeyResult' });
export type KeyResult = z.infer<typeof KeyResultSchema>;

export const ObjectiveWithKeyResultsSchema = ObjectiveSchema.extend({
  keyResults: z.array(KeyResultSchema),
}).meta({
  id: 'ObjectiveWithKeyResults',
});
export type ObjectiveWithKeyResults = z.infer<typeof ObjectiveWithKeyResultsSchema>;

export const CreateObjectiveSchema = z.object({
  id: IdSchema.optional(),
  unitId: IdSchema,
  cycleId: IdSchema,
  title: TitleSchema,
  description: DescriptionSchema.optional(),
  kind: ObjectiveKindSchema.optional(),
  alignedObjectiveId: IdSchema.nullable().optional(),
  alignedKeyResultId: IdSchema.nullable().optional(),
});
export type CreateObjectiveInput = z.infer<typeof CreateObjectiveSchema>;

export const UpdateObjectiveSchema = z.object({
  version: VersionSchema,
  title: TitleSchema.optional(),
  description: DescriptionSchema.optional(),
  kind: ObjectiveKindSchema.optional(),
  alignedObjectiveId: IdSchema.nullable().optional(),
  alignedKeyResultId: IdSchema.nullable().optional(),
  position: PositionSchema.optional(),
});
export type UpdateObjectiveInput = z.infer<typeof UpdateObjectiveSchema>;

const keyResultFields = {
  title: TitleSchema,
  kind: KeyResultKindSchema,
  unitOfMeasure: z.string().max(40),
  baseline: MeasureSchema.nullable(),
  target: MeasureSchema.nullable(),
  targetHigh: MeasureSchema.nullable(),
  current: MeasureSchema.nullable(),
  weight: Weight,
  ownerId: IdSchema.nullable(),
  confidence: Confidence.nullable(),
  dueDate: IsoDateSchema.nullable(),
  milestones: z.array(TitleSchema),
  measureRule: MeasureRuleSchema,
  measureWeights: MeasureWeightsSchema,
};

export const CreateKeyResultSchema = z
  .object({ id: IdSchema.optional(), objectiveId: IdSchema })
  .extend(z.object(keyResultFields).partial().required({ title: true }).shape);
export type CreateKeyResultInput = z.infer<typeof CreateKeyResultSchema>;

export const UpdateKeyResultSchema = z
  .object({ version: VersionSchema, position: PositionSchema.optional() })
  .extend(z.object(keyResultFields).partial().shape);
export type UpdateKeyResultInput = z.infer<typeof UpdateKeyResultSchema>;

export const OkrQuerySchema = z.object({ cycleId: IdSchema.optional() });

/**
 * Moves an objective within its unit's list (`position`: 0-based index among the objectives of its
 * unit and cycle) or into another cycle of its organisation (`cycleId`; it then goes at `position`
 * there, or last). The siblings are renumbered in the same transaction.
 */
export const MoveObjectiveSchema = z.object({
  version: VersionSchema,
  cycleId: IdSchema.optional(),
  position: PositionSchema.optional(),
});
export type MoveObjectiveInput = z.infer<typeof MoveObjectiveSchema>;

/** Moves a key result within its objective (`position`, 0-based) or to another objective of the same unit. */
export const MoveKeyResultSchema = z.object({
  version: VersionSchema,
  objectiveId: IdSchema.optional(),
  position: PositionSchema.optional(),
});
export type MoveKeyResultInput = z.infer<typeof MoveKeyResultSchema>;

/** Where a clone goes: `cycleId`, or by default the organisation's cycle that starts after the objective's. */
export const CloneObjectiveSchema = z.object({ cycleId: IdSchema.optional() });
export type CloneObjectiveInput = z.infer<typeof CloneObjectiveSchema>;
