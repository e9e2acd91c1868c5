import { z } from 'zod';
import { CORRELATION_STRENGTHS, CORNER_GRIDS } from '../core/correlation';
import { KPI_DIRECTIONS } from '../core/key-result';
import { MATRIX_PARTS } from '../core/x-matrix-parts';
import { OWNERSHIP_ROLES } from '../core/ownership';
import {
  DescriptionSchema,
  IdSchema,
  IsoDateSchema,
  PositionSchema,
  TitleSchema,
  VersionSchema,
  MeasureSchema,
  PersonDaysSchema,
} from './common';
import { OrganisationSchema } from './organisation';
import { UnitSchema } from './unit';
import { PersonSchema } from './person';
import { CascadeLinkSchema, SourceStatusSchema } from './translation-links';

export const MatrixPartSchema = z.enum(MATRIX_PARTS);
export const CorrelationStrengthSchema = z.enum(CORRELATION_STRENGTHS);
export const OwnershipRoleSchema = z.enum(OWNERSHIP_ROLES);
export const KpiDirectionSchema = z.enum(KPI_DIRECTIONS);
export const CornerGridSchema = z.enum(CORNER_GRIDS.map((grid) => grid.id) as [string, ...string[]]);

export const INITIATIVE_STATUSES = [
  'proposed',
  'planned',
  'in_progress',
  'done',
  'on_hold',
  'cancelled',
] as const;
export const InitiativeStatusSchema = z.enum(INITIATIVE_STATUSES);

/** The chance that an initiative is delivered at all; the pressure test draws it once per trial. */
export const DeliveryProbabilitySchema = z
  .number()
  .min(0, 'must be between 0 and 1')
  .max(1, 'must be between 0 and 1')
  .meta({ description: 'Probability (0-1) that the initiative is delivered at all' });

export const MonthlyPlanSchema = z
  .array(MeasureSchema.nullable())
  .length(12, 'needs exactly 12 monthly values (null for a month without a plan)');

/** The fields each part adds to an item; every field is optional on input and filled with defaults. */
const partFields = {
  /** What: a breakthrough objective may trace to the parent's objective it was translated from. */
  sourceObjectiveId: IdSchema.nullable(),
  targetYear: z.number().int().min(2000).max(2100).nullable(),
  /** How Far and How Much: trace to the key result they were translated from or measure. */
  sourceKeyResultId: IdSchema.nullable(),
  /** How: an initiative. */
  startDate: IsoDateSchema.nullable(),
  endDate: IsoDateSchema.nullable(),
  effortPersonDays: PersonDaysSchema.nullable(),
  requiredSkills: z.array(z.string().trim().min(1).max(80)),
  status: InitiativeStatusSchema.nullable(),
  deliveryProbability: DeliveryProbabilitySchema,
  /** How Much: a KPI. */
  unitOfMeasure: z.string().max(40),
  direction: KpiDirectionSchema.nullable(),
  baseline: MeasureSchema.nullable(),
  target: MeasureSchema.nullable(),
  targetHigh: MeasureSchema.nullable(),
  monthlyPlan: MonthlyPlanSchema.nullable(),
  ownerId: IdSchema.nullable(),
  /** Who: a person or a team (unit). */
  personId: IdSchema.nullable(),
  teamUnitId: IdSchema.nullable(),
};

/**
 * One item of an X-matrix part. The part decides which fields carry meaning: What uses
 * sourceObjectiveId/targetYear; How Far uses sourceKeyResultId; How uses dates, effort, skills and
 * status; How Much uses the KPI fields; Who uses personId or teamUnitId. Others stay null/empty.
 */
export const MatrixItemSchema = z
  .object({
    id: IdSchema,
    matrixId: IdSchema,
    part: MatrixPartSchema,
    title: TitleSchema,
    description: DescriptionSchema,
    position: PositionSchema,
    version: VersionSchema,
    ...partFields,
    /** What and How Far: the parent unit's initiative this item was cascaded from. */
    sourceItemId: IdSchema.nullable(),
  })
  .meta({ id: 'MatrixItem' });
export type MatrixItem = z.infer<typeof MatrixItemSchema>;

export const CreateMatrixItemSchema = z
  .object({
    id: IdSchema.optional(),
    part: MatrixPartSchema,
    title: TitleSchema.optional().meta({
      description: 'Required, except for Who items, which default to the person or team name',
    }),
    description: DescriptionSchema.optional(),
  })
  .extend(z.object(partFields).partial().shape);
export type CreateMatrixItemInput = z.infer<typeof CreateMatrixItemSchema>;

export const UpdateMatrixItemSchema = z
  .object({
    version: VersionSchema,
    title: TitleSchema.optional(),
    description: DescriptionSchema.optional(),
  })
  .extend(z.object(partFields).partial().shape);
export type UpdateMatrixItemInput = z.infer<typeof UpdateMatrixItemSchema>;

export const CorrelationSchema = z
  .object({
    id: IdSchema,
    matrixId: IdSchema,
    grid: CornerGridSchema,
    fromId: IdSchema.meta({ description: 'Item of the grid’s first part (What, How Far, How, How Much)' }),
    toId: IdSchema.meta({ description: 'Item of the grid’s second part' }),
    strength: CorrelationStrengthSchema,
    version: VersionSchema,
  })
  .meta({ id: 'Correlation' });
export type Correlation = z.infer<typeof CorrelationSchema>;

/**
 * Set one cell of a corner grid. `strength: null` clears it. `version` is the version of the cell
 * the client saw, or null when it saw a blank cell; a stale view is refused with 409.
 */
export const SetCorrelationSchema = z.object({
  aId: IdSchema,
  bId: IdSchema,
  strength: CorrelationStrengthSchema.nullable(),
  version: VersionSchema.nullable(),
});
export type SetCorrelationInput = z.infer<typeof SetCorrelationSchema>;

export const OwnershipSchema = z
  .object({
    id: IdSchema,
    matrixId: IdSchema,
    initiativeId: IdSchema,
    whoId: IdSchema,
    role: OwnershipRoleSchema,
    version: VersionSchema,
  })
  .meta({ id: 'Ownership' });
export type Ownership = z.infer<typeof OwnershipSchema>;

/** Set one cell of the Who grid; `role: null` clears it; `version` as for correlations. */
export const SetOwnershipSchema = z.object({
  initiativeId: IdSchema,
  whoId: IdSchema,
  role: OwnershipRoleSchema.nullable(),
  version: VersionSchema.nullable(),
});
export type SetOwnershipInput = z.infer<typeof SetOwnershipSchema>;

export const XMatrixSchema = z
  .object({
    id: IdSchema,
    unitId: IdSchema,
    year: z.number().int().min(2000).max(2100),
    trueNorth: z.string().max(500),
    version: VersionSchema,
  })
  .meta({ id: 'XMatrix' });
export type XMatrix = z.infer<typeof XMatrixSchema>;

export const CreateMatrixSchema = z.object({
  id: IdSchema.optional(),
  unitId: IdSchema,
  year: z.number().int().min(2000).max(2100),
  trueNorth: z.string().max(500).optional(),
});
export type CreateMatrixInput = z.infer<typeof CreateMatrixSchema>;

export const UpdateMatrixSchema = z.object({
  version: VersionSchema,
  trueNorth: z.string().max(500).optional(),
});
export type UpdateMatrixInput = z.infer<typeof UpdateMatrixSchema>;

/** A source a translated item traces to (parent objective or key result), shown beside the item. */
export const TraceSourceSchema = z.object({
  id: IdSchema,
  kind: z.enum(['objective', 'key_result']),
  title: z.string(),
  unitId: IdSchema,
  unitName: z.string(),
});
export type TraceSource = z.infer<typeof TraceSourceSchema>;

/** The whole X-matrix of a unit for a year, with what is needed to draw and edit it. */
export const XMatrixViewSchema = z
  .object({
    matrix: XMatrixSchema,
    unit: UnitSchema,
    organisation: OrganisationSchema,
    items: z.object({
      what: z.array(MatrixItemSchema),
      how_far: z.array(MatrixItemSchema),
      how: z.array(MatrixItemSchema),
      how_much: z.array(MatrixItemSchema),
      who: z.array(MatrixItemSchema),
    }),
    correlations: z.array(CorrelationSchema),
    ownerships: z.array(OwnershipSchema),
    people: z
      .array(PersonSchema)
      .meta({ description: 'The people the matrix names (Who items, KPI owners, the unit owner)' }),
    sources: z.array(TraceSourceSchema),
    /** One entry per item translated or cascaded from a source: is the source still as the item agreed? */
    sourceStatus: z.array(SourceStatusSchema),
    /** Cascade links touching this matrix: its initiatives cascaded down, and its items cascaded from above. */
    cascades: z.array(CascadeLinkSchema),
  })
  .meta({ id: 'XMatrixView' });
export type XMatrixView = z.infer<typeof XMatrixViewSchema>;

export const MatrixLocatorSchema = z.object({
  unitId: IdSchema,
  year: z.coerce.number().int().min(2000).max(2100),
});
