import { z } from 'zod';
import {
  DescriptionSchema,
  IdSchema,
  IsoDateSchema,
  TitleSchema,
  MeasureSchema,
  WeightSchema,
  PersonDaysSchema,
} from './common';
import { ImportRunIdSchema } from './imports';
import { PartNamesSchema } from './organisation';
import { SkillSchema } from './person';
import { KeyResultKindSchema, MeasureRuleSchema, MeasureWeightsSchema, ObjectiveKindSchema } from './okr';
import { ImpactBasisSchema, MonthSchema } from './feasibility';
import {
  CorrelationStrengthSchema,
  DeliveryProbabilitySchema,
  InitiativeStatusSchema,
  KpiDirectionSchema,
  MonthlyPlanSchema,
  OwnershipRoleSchema,
} from './x-matrix';

/**
 * The plan document: a whole organisation as one JSON or YAML file (plan as code). Entities refer
 * to each other by id; order in every list is the display order. See docs/plan-document.md.
 * Optional fields may be left out; export writes every field so that export → import → export is
 * the identity.
 */
const described = <T extends z.ZodType>(schema: T, description: string) => schema.meta({ description });

const PlanUnit = z.strictObject({
  id: IdSchema,
  name: TitleSchema,
  parentId: described(IdSchema.nullable().default(null), 'The parent unit; null for the top unit'),
  ownerId: described(IdSchema.nullable().default(null), 'The person who owns the unit'),
});

const PlanPerson = z.strictObject({
  id: IdSchema,
  name: TitleSchema,
  email: z.email().nullable().default(null),
  unitId: IdSchema.nullable().default(null),
  skills: z.array(SkillSchema).default([]),
  monthlyCapacity: described(z.number().min(0).max(31).default(18), 'Person-days available per month'),
});

const PlanCycle = z.strictObject({
  id: IdSchema,
  name: TitleSchema,
  year: z.number().int().min(2000).max(2100),
  startDate: IsoDateSchema.optional(),
  endDate: IsoDateSchema.optional(),
});

const PlanKeyResult = z.strictObject({
  id: IdSchema,
  title: TitleSchema,
  kind: KeyResultKindSchema.default('increase'),
  unitOfMeasure: z.string().max(40).default(''),
  baseline: MeasureSchema.nullable().default(null),
  target: MeasureSchema.nullable().default(null),
  targetHigh: MeasureSchema.nullable().default(null),
  current: MeasureSchema.nullable().default(null),
  weight: WeightSchema.default(1),
  ownerId: IdSchema.nullable().default(null),
  confidence: z.number().min(0).max(1).nullable().default(null),
  dueDate: IsoDateSchema.nullable().default(null),
  milestones: z.array(TitleSchema).default([]),
  measureRule: MeasureRuleSchema.default('average'),
  measureWeights: MeasureWeightsSchema.default({}),
});

const PlanObjective = z.strictObject({
  id: IdSchema,
  unitId: IdSchema,
  cycleId: IdSchema,
  title: TitleSchema,
  description: DescriptionSchema.default(''),
  kind: ObjectiveKindSchema.default('committed'),
  alignedObjectiveId: described(IdSchema.nullable().default(null), 'Parent objective this one aligns to'),
  alignedKeyResultId: described(IdSchema.nullable().default(null), 'Parent key result this one aligns to'),
  keyResults: z.array(PlanKeyResult).default([]),
});

const itemBase = { id: IdSchema, title: TitleSchema, description: DescriptionSchema.default('') };

const PlanWhat = z.strictObject({
  ...itemBase,
  sourceObjectiveId: described(
    IdSchema.nullable().default(null),
    'Parent objective this breakthrough was translated from',
  ),
  targetYear: z.number().int().min(2000).max(2100).nullable().default(null),
  sourceItemId: described(
    IdSchema.nullable().default(null),
    "The parent unit's initiative (a how item) this breakthrough was cascaded from",
  ),
});

const PlanHowFar = z.strictObject({
  ...itemBase,
  sourceKeyResultId: described(
    IdSchema.nullable().default(null),
    'Parent key result this annual objective was translated from',
  ),
  sourceItemId: described(
    IdSchema.nullable().default(null),
    "The parent unit's initiative (a how item) this annual objective was cascaded from",
  ),
});

const PlanImpact = z.strictObject({
  kpi: described(IdSchema, 'A KPI (howMuch item) of the same matrix'),
  low: described(MeasureSchema, "Smallest improvement in the KPI's good direction (positive helps)"),
  likely: described(MeasureSchema, 'Most likely improvement; low ≤ likely ≤ high'),
  high: described(MeasureSchema, 'Largest improvement'),
  basis: ImpactBasisSchema.default('absolute'),
  startMonth: described(MonthSchema.default(1), 'Month (1-12) the impact starts'),
  rampMonths: described(z.number().int().min(0).max(24).default(0), 'Months to reach full impact'),
});

const PlanEffort = z.strictObject({
  skill: SkillSchema,
  personDaysPerMonth: PersonDaysSchema,
  fromMonth: MonthSchema.default(1),
  toMonth: MonthSchema.default(12),
});

const PlanHow = z.strictObject({
  ...itemBase,
  startDate: IsoDateSchema.nullable().default(null),
  endDate: IsoDateSchema.nullable().default(null),
  effortPersonDays: PersonDaysSchema.nullable().default(null),
  requiredSkills: z.array(SkillSchema).default([]),
  status: InitiativeStatusSchema.default('planned'),
  deliveryProbability: DeliveryProbabilitySchema.default(1),
  impacts: described(
    z.array(PlanImpact).default([]),
    'What the initiative does to KPIs, for the pressure test',
  ),
  effort: described(z.array(PlanEffort).default([]), 'Person-days per month it needs, per skill'),
});

const PlanHowMuch = z.strictObject({
  ...itemBase,
  unitOfMeasure: z.string().max(40).default(''),
  direction: KpiDirectionSchema.default('increase'),
  baseline: MeasureSchema.nullable().default(null),
  target: MeasureSchema.nullable().default(null),
  targetHigh: MeasureSchema.nullable().default(null),
  monthlyPlan: MonthlyPlanSchema.nullable().default(null),
  ownerId: IdSchema.nullable().default(null),
  sourceKeyResultId: described(IdSchema.nullable().default(null), 'Key result this KPI measures'),
});

const PlanWho = z.strictObject({
  id: IdSchema,
  personId: described(IdSchema.nullable().default(null), 'A person; give this or teamUnitId'),
  teamUnitId: described(IdSchema.nullable().default(null), 'A team (unit); give this or personId'),
});

const PlanCorrelation = z.strictObject({
  from: described(IdSchema, 'An item of one part'),
  to: described(IdSchema, 'An item of a neighbouring part'),
  strength: CorrelationStrengthSchema,
});

const PlanOwnership = z.strictObject({ initiative: IdSchema, who: IdSchema, role: OwnershipRoleSchema });

/** One X-matrix of a plan document; import validates a big plan one matrix at a time with it. */
export const PlanMatrixSchema = z.strictObject({
  id: IdSchema,
  unitId: IdSchema,
  year: z.number().int().min(2000).max(2100),
  trueNorth: z.string().max(500).default(''),
  what: z.array(PlanWhat).default([]),
  howFar: z.array(PlanHowFar).default([]),
  how: z.array(PlanHow).default([]),
  howMuch: z.array(PlanHowMuch).default([]),
  who: z.array(PlanWho).default([]),
  correlations: z.array(PlanCorrelation).default([]),
  owners: z.array(PlanOwnership).default([]),
});

export const PLAN_FORMAT_VERSION = 1;

export const PlanDocumentSchema = z
  .strictObject({
    catchball: z.literal(PLAN_FORMAT_VERSION).meta({ description: 'Format version of the plan document' }),
    organisation: z.strictObject({
      id: IdSchema,
      name: TitleSchema,
      partNames: PartNamesSchema.partial().optional(),
      horizonYears: z.number().int().min(1).max(10).default(3),
    }),
    units: z.array(PlanUnit).min(1, 'a plan needs at least one unit'),
    people: z.array(PlanPerson).default([]),
    cycles: z.array(PlanCycle).default([]),
    objectives: z.array(PlanObjective).default([]),
    matrices: z.array(PlanMatrixSchema).default([]),
  })
  .meta({
    id: 'PlanDocument',
    title: 'Catchball plan document',
    description: 'A whole organisation: units, people, cycles, OKRs, X-matrices, correlations and links.',
  });

/** The plan document after defaults are applied (what import works on and export writes). */
export type PlanDocument = z.output<typeof PlanDocumentSchema>;
/** The plan document as written by hand, with optional fields left out. */
export type PlanDocumentInput = z.input<typeof PlanDocumentSchema>;
export type PlanMatrix = PlanDocument['matrices'][number];

/** `GET /api/organisations/:id/plan`: JSON or YAML, the whole organisation or one unit's subtree. */
export const PlanExportQuerySchema = z.object({
  format: z.enum(['json', 'yaml']).default('json'),
  unitId: IdSchema.optional(),
});

/** `POST /api/plan?replace=true` replaces an organisation of the same id; without it, that is a conflict. */
export const PlanImportQuerySchema = z.object({
  replace: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  run: ImportRunIdSchema.optional(),
});

/** What a plan import wrote: the organisation, whether it replaced one, and the rows per table. */
export const PlanImportSummarySchema = z.object({
  organisationId: IdSchema,
  replaced: z.boolean(),
  counts: z.record(z.string(), z.number()),
});
