import { z } from 'zod';
import { CAPACITY_VERDICTS } from '../core/capacity';
import { IMPACT_BASES, TARGET_KINDS } from '../core/feasibility';
import { LINT_CODES, LINT_SEVERITIES } from '../core/plan-lint';
import { DEFAULT_TRIALS } from '../core/pressure-test';
import { IdSchema, VersionSchema, MeasureSchema, PersonDaysSchema } from './common';
import { SkillSchema } from './person';
import { KpiDirectionSchema } from './x-matrix';

export const ImpactBasisSchema = z
  .enum(IMPACT_BASES)
  .meta({ description: "absolute: in the KPI's unit; percent: % of the KPI's baseline" });
export const MonthSchema = z.number().int().min(1).max(12).meta({ description: 'Month of the year, 1-12' });
const Amount = MeasureSchema.meta({
  description: "Improvement in the KPI's good direction (positive helps)",
});
const RampMonths = z.number().int().min(0).max(24).meta({ description: 'Months to reach full impact' });
const PersonDays = PersonDaysSchema.meta({ description: 'Person-days per month' });

/** What an initiative does to one KPI of its matrix: low ≤ likely ≤ high, from a month, with a ramp-up. */
export const ImpactSchema = z
  .object({
    id: IdSchema,
    matrixId: IdSchema,
    initiativeId: IdSchema,
    kpiId: IdSchema,
    low: Amount,
    likely: Amount,
    high: Amount,
    basis: ImpactBasisSchema,
    startMonth: MonthSchema,
    rampMonths: RampMonths,
    version: VersionSchema,
  })
  .meta({ id: 'Impact' });
export type ImpactView = z.infer<typeof ImpactSchema>;

export const CreateImpactSchema = z.object({
  id: IdSchema.optional(),
  initiativeId: IdSchema,
  kpiId: IdSchema,
  low: Amount,
  likely: Amount,
  high: Amount,
  basis: ImpactBasisSchema.optional(),
  startMonth: MonthSchema.optional(),
  rampMonths: RampMonths.optional(),
});
export type CreateImpactInput = z.infer<typeof CreateImpactSchema>;

export const UpdateImpactSchema = z.object({
  version: VersionSchema,
  low: Amount.optional(),
  likely: Amount.optional(),
  high: Amount.optional(),
  basis: ImpactBasisSchema.optional(),
  startMonth: MonthSchema.optional(),
  rampMonths: RampMonths.optional(),
});
export type UpdateImpactInput = z.infer<typeof UpdateImpactSchema>;

/** Effort an initiative needs from one skill, person-days per month over months from..to. */
export const EffortSchema = z
  .object({
    id: IdSchema,
    matrixId: IdSchema,
    initiativeId: IdSchema,
    skill: SkillSchema,
    personDaysPerMonth: PersonDays,
    fromMonth: MonthSchema,
    toMonth: MonthSchema,
    version: VersionSchema,
  })
  .meta({ id: 'Effort' });
export type EffortView = z.infer<typeof EffortSchema>;

export const CreateEffortSchema = z.object({
  id: IdSchema.optional(),
  initiativeId: IdSchema,
  skill: SkillSchema,
  personDaysPerMonth: PersonDays,
  fromMonth: MonthSchema.optional(),
  toMonth: MonthSchema.optional(),
});
export type CreateEffortInput = z.infer<typeof CreateEffortSchema>;

export const UpdateEffortSchema = z.object({
  version: VersionSchema,
  skill: SkillSchema.optional(),
  personDaysPerMonth: PersonDays.optional(),
  fromMonth: MonthSchema.optional(),
  toMonth: MonthSchema.optional(),
});
export type UpdateEffortInput = z.infer<typeof UpdateEffortSchema>;

/** One skill's effort month by month (index 0 = month 1; 0 = none). */
export const SkillEffortMonthsSchema = z.object({
  skill: SkillSchema,
  months: z.array(PersonDays).length(12, 'needs exactly 12 monthly values (0 for a month without effort)'),
});

/**
 * An initiative's effort grid: each skill named replaces every stored row of that skill, stored as
 * runs of equal months; skills not named stay as they are.
 */
export const SetSkillEffortMonthsSchema = z.object({
  skills: z
    .array(SkillEffortMonthsSchema)
    .min(1, 'names at least one skill')
    .max(50)
    .refine((rows) => new Set(rows.map((row) => row.skill)).size === rows.length, 'names a skill twice'),
});
export type SetSkillEffortMonthsInput = z.infer<typeof SetSkillEffortMonthsSchema>;

export const PressureTestRequestSchema = z.object({
  trials: z
    .number()
    .int()
    .min(100)
    .max(200_000)
    .default(DEFAULT_TRIALS)
    .meta({ description: 'Monte Carlo trials (default 10,000)' }),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(1)
    .meta({ description: 'Seed of the random source: the same seed gives the same numbers' }),
  wait: z.boolean().default(false).meta({ description: 'Answer only when the result is ready' }),
});
export type PressureTestRequest = z.infer<typeof PressureTestRequestSchema>;

const TargetKindSchema = z.enum(TARGET_KINDS);
const Confidence = z.object({ p50: z.number(), p80: z.number(), p90: z.number() });

export const KpiDistributionSchema = z.object({
  kpiId: IdSchema,
  title: z.string(),
  unitOfMeasure: z.string(),
  direction: KpiDirectionSchema,
  baseline: z.number(),
  impactCount: z.number().int().meta({ description: 'Impacts stated on the KPI; 0 means not simulated' }),
  mean: z.number(),
  min: z.number(),
  max: z.number(),
  p10: z.number(),
  p50: z.number(),
  p90: z.number(),
  histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
});

export const TargetOutlookSchema = z.object({
  targetId: IdSchema,
  kind: TargetKindSchema,
  title: z.string(),
  kpiId: IdSchema,
  unitId: IdSchema,
  keyResultId: IdSchema.nullable(),
  direction: KpiDirectionSchema,
  target: z.number(),
  targetHigh: z.number().nullable(),
  probability: z.number().min(0).max(1),
  expectedShortfall: z.number(),
  reachable: Confidence.meta({ description: 'Value reached with 50 / 80 / 90 % confidence' }),
});
export type TargetOutlookView = z.infer<typeof TargetOutlookSchema>;

export const PressureTestResultSchema = z
  .object({
    matrixId: IdSchema,
    trials: z.number().int(),
    seed: z.number().int(),
    kpis: z.array(KpiDistributionSchema),
    targets: z.array(TargetOutlookSchema),
  })
  .meta({ id: 'PressureTestResult' });
export type PressureTestResultView = z.infer<typeof PressureTestResultSchema>;

export const PressureTestJobSchema = z
  .object({
    id: IdSchema,
    matrixId: IdSchema,
    status: z.enum(['running', 'done', 'failed']),
    progress: z.number().min(0).max(1),
    error: z.string().nullable(),
    result: PressureTestResultSchema.nullable(),
    attempts: z.number().int().meta({
      description: 'Runs started so far: above 1 when a server stopped mid-run and another took the job over',
    }),
  })
  .meta({ id: 'PressureTestJob' });
export type PressureTestJob = z.infer<typeof PressureTestJobSchema>;

const MonthValues = z.array(z.number()).length(12);

export const CapacityReportSchema = z
  .object({
    matrixId: IdSchema,
    skills: z.array(
      z.object({
        skill: z.string(),
        holderIds: z.array(IdSchema),
        demand: MonthValues,
        supply: MonthValues,
        shortfall: z.number(),
        shortMonths: z.array(MonthSchema),
      }),
    ),
    people: z.array(
      z.object({
        personId: IdSchema,
        name: z.string(),
        capacity: z.number(),
        load: MonthValues,
        overMonths: z.array(MonthSchema),
      }),
    ),
    missingSkills: z.array(z.string()),
    shortMonths: z.array(MonthSchema),
    gaps: z.array(
      z.object({
        skill: z.string(),
        personDays: z.number(),
        months: z.array(MonthSchema),
        reason: z.enum(['nobody_holds', 'demand_exceeds_supply']),
      }),
    ),
    verdicts: z.array(
      z.object({
        targetId: IdSchema,
        verdict: z.enum(CAPACITY_VERDICTS),
        initiativeIds: z.array(IdSchema),
        reasons: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'CapacityReport' });
export type CapacityReportView = z.infer<typeof CapacityReportSchema>;

export const LintFindingSchema = z.object({
  code: z.enum(LINT_CODES),
  severity: z.enum(LINT_SEVERITIES),
  message: z.string().meta({ description: 'The finding in English' }),
  itemIds: z.array(IdSchema),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.null(), z.array(z.number())])).meta({
    description:
      "The values the code's message is written from (titles, counts, percentages, months 1-12, " +
      'and selectors such as kind, missing, extent and reason), for writing it in another language',
  }),
});
export type LintFindingView = z.infer<typeof LintFindingSchema>;

export const LintReportSchema = z
  .object({
    matrixId: IdSchema,
    passed: z.boolean().meta({ description: 'True when no finding is an error (a publish gate)' }),
    findings: z.array(LintFindingSchema),
  })
  .meta({ id: 'LintReport' });
export type LintReport = z.infer<typeof LintReportSchema>;
