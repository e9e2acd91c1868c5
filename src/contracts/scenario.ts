import { z } from 'zod';
import { CAPACITY_ALLOCATIONS } from '../core/capacity';
import { TARGET_KINDS } from '../core/feasibility';
import { IdSchema, VersionSchema } from './common';
import { EffortModel, ImpactModel } from './what-if';

/**
 * Saved what-if scenarios (core/what-if.ts `Scenario`, core/scenario-compare.ts): a named set of
 * changes to one matrix's plan with the outcome the pressure test gave it, compared with the plan,
 * applied to it in one transaction, or named by a catchball proposal as its evidence.
 */
const Range = z
  .object({ low: z.number(), likely: z.number(), high: z.number() })
  .refine((r) => r.low <= r.likely && r.likely <= r.high, { message: 'needs low ≤ likely ≤ high' });

export const ScenarioChangesSchema = z
  .object({
    impacts: z
      .array(z.object({ initiativeId: IdSchema, kpiId: IdSchema }).and(Range))
      .max(2000)
      .default([]),
    delivery: z.record(IdSchema, z.number().min(0).max(1)).default({}),
    effort: z
      .record(z.string().max(200), z.number().min(0, 'must not be negative'))
      .default({})
      .meta({ description: 'Person-days per month per `initiativeId|skill`' }),
    droppedInitiatives: z.array(IdSchema).max(2000).default([]),
    droppedPeople: z.array(IdSchema).max(2000).default([]),
    addedInitiatives: z
      .array(
        z.object({
          id: IdSchema,
          title: z.string().trim().min(1).max(200),
          deliveryProbability: z.number().min(0).max(1),
          impacts: z.array(ImpactModel),
          effort: z.array(EffortModel),
        }),
      )
      .max(200)
      .default([]),
    addedPeople: z
      .array(
        z.object({
          id: IdSchema,
          name: z.string().trim().min(1).max(200),
          skills: z.array(z.string().max(80)),
          monthlyCapacity: z.number().min(0),
        }),
      )
      .max(200)
      .default([]),
    allocation: z.enum(CAPACITY_ALLOCATIONS).default('owners_first'),
  })
  .meta({ id: 'ScenarioChanges' });
export type ScenarioChanges = z.infer<typeof ScenarioChangesSchema>;

export const CreateScenarioSchema = z.object({
  name: z.string().trim().min(1, 'give the scenario a name').max(120),
  changes: ScenarioChangesSchema,
});

export const UpdateScenarioSchema = z.object({
  version: VersionSchema,
  name: z.string().trim().min(1, 'give the scenario a name').max(120).optional(),
  changes: ScenarioChangesSchema.optional(),
});

const TargetSummary = z.object({
  kind: z.enum(TARGET_KINDS),
  targetId: IdSchema,
  kpiId: IdSchema,
  title: z.string(),
  target: z.number(),
  probability: z.number().min(0).max(1),
  p80: z.number().meta({ description: 'The value reached with 80 % confidence' }),
});

export const ScenarioSummarySchema = z
  .object({ trials: z.number().int(), seed: z.number().int(), targets: z.array(TargetSummary) })
  .meta({ id: 'ScenarioSummary' });

export const ScenarioSchema = z
  .object({
    id: IdSchema,
    matrixId: IdSchema,
    name: z.string(),
    changes: ScenarioChangesSchema,
    description: z.array(z.string()).meta({ description: 'The changes in words, one a line' }),
    summary: ScenarioSummarySchema,
    createdBy: IdSchema.nullable(),
    createdByName: z.string().nullable(),
    appliedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: VersionSchema,
  })
  .meta({ id: 'Scenario' });
export type ScenarioView = z.infer<typeof ScenarioSchema>;

const Outcome = z.object({ probability: z.number().min(0).max(1), p80: z.number() });
export const ConflictSchema = z.object({ item: z.string(), message: z.string() });

export const ScenarioComparisonSchema = z
  .object({
    scenario: ScenarioSchema,
    targets: z.array(
      z.object({
        kind: z.enum(TARGET_KINDS),
        targetId: IdSchema,
        kpiId: IdSchema,
        title: z.string(),
        unitOfMeasure: z.string(),
        target: z.number(),
        plan: Outcome.nullable(),
        scenario: Outcome.nullable(),
      }),
    ),
    capacity: z.object({
      skills: z.array(
        z.object({ skill: z.string(), planShortfall: z.number(), scenarioShortfall: z.number() }),
      ),
      people: z.array(
        z.object({
          personId: IdSchema,
          name: z.string(),
          planOverMonths: z.array(z.number().int()).nullable(),
          scenarioOverMonths: z.array(z.number().int()).nullable(),
        }),
      ),
    }),
    conflicts: z
      .array(ConflictSchema)
      .meta({ description: 'Where the plan changed since the scenario was saved' }),
  })
  .meta({ id: 'ScenarioComparison' });
export type ScenarioComparison = z.infer<typeof ScenarioComparisonSchema>;

export const ScenarioApplyPreviewSchema = z
  .object({
    scenarioId: IdSchema,
    writes: z.array(z.string()).meta({ description: 'What applying writes into the matrix, one a line' }),
    kept: z
      .array(z.string())
      .meta({ description: 'Changes that stay in the scenario: people are changed in the people settings' }),
    conflicts: z.array(ConflictSchema),
  })
  .meta({ id: 'ScenarioApplyPreview' });
export type ScenarioApplyPreview = z.infer<typeof ScenarioApplyPreviewSchema>;

export const ApplyScenarioSchema = z.object({ version: VersionSchema });
