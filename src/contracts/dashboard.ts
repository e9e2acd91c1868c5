import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common';
import { CountermeasureSchema } from './bowling';
import { CadenceSchema, ObjectiveProgressSchema, StatusSchema } from './execution';

export const StaleItemSchema = z.object({
  kind: z.enum(['key_result', 'kpi']),
  id: IdSchema,
  title: z.string(),
  unitId: IdSchema,
  ownerId: IdSchema.nullable(),
  lastCheckIn: IsoDateSchema.nullable(),
  cadence: CadenceSchema,
});
export type StaleItem = z.infer<typeof StaleItemSchema>;

export const HealthPointSchema = z.object({
  date: IsoDateSchema,
  progress: z.number(),
  onTrack: z.number().int(),
  atRisk: z.number().int(),
  offTrack: z.number().int(),
});

export const RiskSchema = z.object({
  kind: z.enum(['key_result', 'objective']),
  id: IdSchema,
  title: z.string(),
  status: StatusSchema,
  progress: z.number(),
  confidence: z.number().nullable(),
  reason: z.string().meta({
    description:
      "Why, in English: the owner's reason for the status they set, else progress against the cycle",
  }),
  elapsed: z.number().meta({ description: 'Share of the cycle gone as of the day, 0..1' }),
  overrideReason: z
    .string()
    .nullable()
    .meta({ description: 'The reason the owner gave when setting the status by hand; null when derived' }),
});

/** What needs attention: objectives and key results off their track, and what the X-matrix tracks. */
export const AttentionCountsSchema = z
  .object({
    objectivesAtRisk: z.number().int().meta({ description: 'Objectives at risk or off track' }),
    keyResultsAtRisk: z.number().int().meta({ description: 'Key results at risk or off track' }),
    kpiMonthsRed: z.number().int().meta({ description: "Red months of the unit's KPIs this cycle year" }),
    kpiMonthsAmber: z
      .number()
      .int()
      .meta({ description: "Amber (within tolerance) months of the unit's KPIs" }),
    initiativesLate: z.number().int().meta({ description: 'Initiatives past their end date, not done' }),
    initiativesAtRisk: z
      .number()
      .int()
      .meta({ description: 'Initiatives on hold, or past their start date and not started' }),
    countermeasuresOverdue: z
      .number()
      .int()
      .meta({ description: 'Open countermeasures past their due date' }),
  })
  .meta({ id: 'AttentionCounts' });
export type AttentionCounts = z.infer<typeof AttentionCountsSchema>;

/** A unit's dashboard for a cycle as of a day. */
export const UnitDashboardSchema = z
  .object({
    unitId: IdSchema,
    cycleId: IdSchema,
    asOf: IsoDateSchema,
    objectives: z.array(ObjectiveProgressSchema),
    attention: AttentionCountsSchema,
    health: z.array(HealthPointSchema),
    topRisks: z.array(RiskSchema),
    openCountermeasures: z.array(CountermeasureSchema),
    staleItems: z.array(StaleItemSchema),
    openCatchballItems: z
      .number()
      .int()
      .meta({ description: 'Open catchball proposals; 0 until the catchball workflow lands' }),
  })
  .meta({ id: 'UnitDashboard' });
export type UnitDashboard = z.infer<typeof UnitDashboardSchema>;

export const DashboardQuerySchema = z.object({ cycleId: IdSchema, asOf: IsoDateSchema.optional() });

export const UnitQuarterStatsSchema = z.object({
  unitId: IdSchema,
  unitName: z.string(),
  objectives: z.number().int(),
  keyResults: z.number().int(),
  achievedShare: z.number(),
  averageScore: z.number().nullable(),
});

export const QuarterStatsSchema = z.object({
  quarter: z.string(),
  endDate: IsoDateSchema,
  units: z.array(UnitQuarterStatsSchema),
  scoreDistribution: z.array(z.number().int()),
  achievedShare: z.number(),
  spread: z.object({ min: z.number().nullable(), max: z.number().nullable(), stdDev: z.number().nullable() }),
});

/** Quarter statistics and the spread of results across units. */
export const OrganisationOverviewSchema = z
  .object({
    organisationId: IdSchema,
    cycleId: IdSchema,
    asOf: IsoDateSchema,
    quarters: z.array(QuarterStatsSchema),
  })
  .meta({ id: 'OrganisationOverview' });
export type OrganisationOverview = z.infer<typeof OrganisationOverviewSchema>;

export const DigestSettingsSchema = z
  .object({ organisationId: IdSchema, webhookUrl: z.string().nullable(), emailEnabled: z.boolean() })
  .meta({ id: 'DigestSettings' });
export type DigestSettings = z.infer<typeof DigestSettingsSchema>;

export const SetDigestSettingsSchema = z.object({
  webhookUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .nullable()
    .optional(),
  emailEnabled: z.boolean().optional(),
});

export const DigestQuerySchema = z.object({ cycleId: IdSchema.optional(), asOf: IsoDateSchema.optional() });

export const DigestResultSchema = z
  .object({
    organisationId: IdSchema,
    asOf: IsoDateSchema,
    items: z.array(StaleItemSchema),
    skippedRecent: z.number().int(),
    webhook: z.object({
      sent: z.boolean(),
      status: z.number().int().nullable(),
      error: z.string().nullable(),
    }),
    email: z.object({ sent: z.boolean(), recipients: z.array(z.string()), error: z.string().nullable() }),
  })
  .meta({ id: 'DigestResult' });
export type DigestResult = z.infer<typeof DigestResultSchema>;
