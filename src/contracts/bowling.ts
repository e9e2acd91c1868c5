import { z } from 'zod';
import { DescriptionSchema, IdSchema, IsoDateSchema, TitleSchema, VersionSchema } from './common';
import { KpiDirectionSchema } from './x-matrix';

export const FrameColourSchema = z.enum(['green', 'yellow', 'red', 'none']);
export const PdcaStatusSchema = z.enum(['plan', 'do', 'check', 'act', 'closed']);

/** A countermeasure (A3): problem, root cause, action, owner, due date and PDCA status, on a KPI's month. */
export const CountermeasureSchema = z
  .object({
    id: IdSchema,
    kpiId: IdSchema,
    year: z.number().int(),
    month: z.number().int().min(1).max(12),
    problem: z.string(),
    rootCause: z.string(),
    action: z.string(),
    ownerId: IdSchema.nullable(),
    dueDate: IsoDateSchema.nullable(),
    status: PdcaStatusSchema,
    effect: z.string().nullable(),
    closedAt: z.string().nullable(),
    version: VersionSchema,
  })
  .meta({ id: 'Countermeasure' });
export type Countermeasure = z.infer<typeof CountermeasureSchema>;

const a3Fields = {
  rootCause: DescriptionSchema,
  action: DescriptionSchema,
  ownerId: IdSchema.nullable(),
  dueDate: IsoDateSchema.nullable(),
};

export const CreateCountermeasureSchema = z.object({
  id: IdSchema.optional(),
  kpiId: IdSchema,
  year: z.number().int().min(2000).max(2100),
  month: z.number().int().min(1).max(12),
  problem: TitleSchema,
  ...z.object(a3Fields).partial().shape,
  status: PdcaStatusSchema.exclude(['closed']).optional(),
});
export type CreateCountermeasureInput = z.infer<typeof CreateCountermeasureSchema>;

/** Closing (`status: closed`) needs `effect`: what was seen after the action. */
export const UpdateCountermeasureSchema = z.object({
  version: VersionSchema,
  problem: TitleSchema.optional(),
  ...z.object(a3Fields).partial().shape,
  status: PdcaStatusSchema.optional(),
  effect: z.string().trim().min(1).max(5000).optional(),
});
export type UpdateCountermeasureInput = z.infer<typeof UpdateCountermeasureSchema>;

export const CountermeasureQuerySchema = z.object({
  kpiId: IdSchema.optional(),
  open: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
});

const SummarySchema = z.object({
  label: z.string(),
  plan: z.number().nullable(),
  actual: z.number().nullable(),
  colour: FrameColourSchema,
});

export const BowlingFrameSchema = SummarySchema.omit({ label: true }).extend({
  month: z.number().int(),
  countermeasureIds: z.array(IdSchema),
});

export const BowlingRowSchema = z
  .object({
    kpiId: IdSchema,
    title: z.string(),
    unitOfMeasure: z.string(),
    direction: KpiDirectionSchema,
    ownerId: IdSchema.nullable(),
    ownerName: z.string().nullable(),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    targetHigh: z.number().nullable(),
    tolerancePercent: z.number(),
    frames: z.array(BowlingFrameSchema),
    quarters: z.array(SummarySchema),
    ytd: SummarySchema,
    trend: z.enum(['improving', 'worsening', 'flat', 'unknown']),
  })
  .meta({ id: 'BowlingRow' });
export type BowlingRow = z.infer<typeof BowlingRowSchema>;

export const BowlingChartSchema = z
  .object({
    unitId: IdSchema,
    year: z.number().int(),
    matrixId: IdSchema.nullable(),
    rows: z.array(BowlingRowSchema),
  })
  .meta({ id: 'BowlingChart' });
export type BowlingChart = z.infer<typeof BowlingChartSchema>;

export const BowlingParamsSchema = z.object({
  id: IdSchema,
  year: z.coerce.number().int().min(2000).max(2100),
});

export const KpiThresholdSchema = z.object({
  kpiId: IdSchema,
  tolerancePercent: z.number(),
  version: z.number(),
});
export const SetKpiThresholdSchema = z.object({ tolerancePercent: z.number().min(0).max(100) });
