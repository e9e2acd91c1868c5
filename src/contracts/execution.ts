import { z } from 'zod';
import { MEASURE_RULES } from '../core/measured-by';
import { STATUSES } from '../core/status';
import { CADENCES } from '../core/staleness';
import { DescriptionSchema, IdSchema, IsoDateSchema, VersionSchema } from './common';

export const StatusSchema = z.enum(STATUSES);
export const CadenceSchema = z.enum(CADENCES);

/** The shown status, the derived one, and the override's reason when an owner set one. */
export const EffectiveStatusSchema = z.object({
  status: StatusSchema,
  derived: StatusSchema,
  source: z.enum(['auto', 'override']),
  reason: z.string().nullable(),
});

export const ExplainedTermSchema = z.object({
  kind: z.enum(['key_result', 'objective']),
  id: IdSchema,
  title: z.string(),
  progress: z.number(),
  weight: z.number(),
  share: z.number(),
  contribution: z.number(),
});

/** "How was this computed": the terms, their weights and what each contributed. */
export const ProgressExplanationSchema = z.object({
  progress: z.number(),
  totalWeight: z.number(),
  rule: z.enum(['weighted', 'equal', 'empty']),
  terms: z.array(ExplainedTermSchema),
  summary: z.string(),
});

/** One KPI measuring a key result: the unit whose X-matrix holds it, its latest value and date. */
export const MeasuringKpiSchema = z.object({
  id: IdSchema,
  title: z.string(),
  unitId: IdSchema,
  unitName: z.string(),
  unitOfMeasure: z.string(),
  value: z.number().nullable(),
  date: IsoDateSchema.nullable(),
  weight: z.number(),
});

/** How a measured key result's value came from its KPIs. */
export const KeyResultMeasureSchema = z.object({
  rule: z.enum(MEASURE_RULES),
  value: z.number().nullable(),
  date: IsoDateSchema.nullable(),
  contributions: z.array(MeasuringKpiSchema),
});
export type KeyResultMeasure = z.infer<typeof KeyResultMeasureSchema>;

export const KeyResultProgressSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    kind: z.string(),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    current: z.number().nullable(),
    weight: z.number(),
    confidence: z.number().nullable(),
    progress: z.number(),
    score: z.number(),
    status: EffectiveStatusSchema,
    lastCheckIn: IsoDateSchema.nullable(),
    stale: z.boolean(),
    valueSource: z.enum(['check_in', 'plan', 'kpis', 'override']).meta({
      description:
        'Where the current value came from: its own check-in, the plan, its KPIs, or a recorded override of them',
    }),
    measure: KeyResultMeasureSchema.nullable().meta({
      description: 'The KPIs measuring the key result (translated from it in the X-matrices below), or null',
    }),
  })
  .meta({ id: 'KeyResultProgress' });
export type KeyResultProgress = z.infer<typeof KeyResultProgressSchema>;

export const ObjectiveProgressSchema = z
  .object({
    id: IdSchema,
    unitId: IdSchema,
    title: z.string(),
    kind: z.enum(['committed', 'aspirational']),
    progress: z.number(),
    score: z.number(),
    grade: z.enum(['achieved', 'sweet_spot', 'progress', 'missed']),
    status: EffectiveStatusSchema,
    explanation: ProgressExplanationSchema,
    keyResults: z.array(KeyResultProgressSchema),
  })
  .meta({ id: 'ObjectiveProgress' });
export type ObjectiveProgress = z.infer<typeof ObjectiveProgressSchema>;

/** Progress of a unit's OKRs in a cycle as of a day. */
export const UnitProgressSchema = z
  .object({
    unitId: IdSchema,
    cycleId: IdSchema,
    asOf: IsoDateSchema,
    elapsed: z.number(),
    objectives: z.array(ObjectiveProgressSchema),
  })
  .meta({ id: 'UnitProgress' });
export type UnitProgress = z.infer<typeof UnitProgressSchema>;

export const ProgressQuerySchema = z.object({ cycleId: IdSchema, asOf: IsoDateSchema.optional() });
export const AsOfQuerySchema = z.object({ asOf: IsoDateSchema.optional() });

export const SetStatusOverrideSchema = z.object({
  status: StatusSchema,
  reason: z.string().trim().min(1, 'say why the derived status is wrong').max(1000),
  setBy: IdSchema.nullable().optional(),
});
export type SetStatusOverrideInput = z.infer<typeof SetStatusOverrideSchema>;

export const StatusOverrideSchema = z
  .object({
    id: IdSchema,
    objectiveId: IdSchema.nullable(),
    keyResultId: IdSchema.nullable(),
    status: StatusSchema,
    reason: z.string(),
    setBy: IdSchema.nullable(),
    setAt: z.string(),
    version: VersionSchema,
  })
  .meta({ id: 'StatusOverride' });
export type StatusOverride = z.infer<typeof StatusOverrideSchema>;

export const StatusSubjectParamsSchema = z.object({
  kind: z.enum(['objectives', 'key-results']),
  id: IdSchema,
});

export const UnitCadenceSchema = z
  .object({
    unitId: IdSchema,
    own: CadenceSchema.nullable(),
    effective: CadenceSchema,
    inheritedFrom: IdSchema.nullable(),
  })
  .meta({ id: 'UnitCadence' });
export type UnitCadence = z.infer<typeof UnitCadenceSchema>;
export const SetCadenceSchema = z.object({ cadence: CadenceSchema.nullable() });

export const CycleLockSchema = z
  .object({
    cycleId: IdSchema,
    locked: z.boolean(),
    lockedAt: z.string().nullable(),
    lockedBy: z.string().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'CycleLock' });
export type CycleLock = z.infer<typeof CycleLockSchema>;

export const LockCycleSchema = z.object({
  by: z.string().trim().max(200).optional(),
  reason: DescriptionSchema.optional(),
});

/**
 * Reopening a locked cycle is for organisation admins (checked by the route's access rule); the
 * reason is recorded. `by` defaults to the signed-in user's name. `admin` is accepted and ignored
 * (clients written before accounts sent `admin: true`).
 */
export const ReopenCycleSchema = z.object({
  admin: z.boolean().optional(),
  by: z.string().trim().max(200).optional(),
  reason: z.string().trim().min(1, 'say why the cycle is reopened').max(1000),
});
