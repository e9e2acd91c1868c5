import { z } from 'zod';
import { IMPACT_BASES, TARGET_KINDS } from '../core/feasibility';
import { IdSchema } from './common';
import { KpiDirectionSchema } from './x-matrix';

/**
 * The saved plan of one matrix as the pressure test sees it (core/what-if.ts `WhatIfBasis`): what
 * a browser needs to run the simulation and the capacity view itself, for what-if scenarios
 * tried without a request per change. Read-only; same data as the pressure test and capacity
 * endpoints use.
 */
export const ImpactModel = z.object({
  kpi: IdSchema,
  low: z.number(),
  likely: z.number(),
  high: z.number(),
  basis: z.enum(IMPACT_BASES),
  startMonth: z.number().int(),
  rampMonths: z.number().int(),
});
export const EffortModel = z.object({
  skill: z.string(),
  personDaysPerMonth: z.number(),
  fromMonth: z.number().int(),
  toMonth: z.number().int(),
});

export const WhatIfBasisSchema = z
  .object({
    matrixId: IdSchema,
    model: z.object({
      kpis: z.array(
        z.object({
          id: IdSchema,
          title: z.string(),
          unitOfMeasure: z.string(),
          direction: KpiDirectionSchema,
          baseline: z.number(),
          target: z.number().nullable(),
          targetHigh: z.number().nullable(),
        }),
      ),
      initiatives: z.array(
        z.object({
          id: IdSchema,
          title: z.string(),
          deliveryProbability: z.number().min(0).max(1),
          impacts: z.array(ImpactModel),
        }),
      ),
      targets: z.array(
        z.object({
          id: IdSchema,
          kind: z.enum(TARGET_KINDS),
          title: z.string(),
          kpiId: IdSchema,
          unitId: IdSchema,
          keyResultId: IdSchema.nullable(),
          direction: KpiDirectionSchema,
          target: z.number(),
          targetHigh: z.number().nullable(),
        }),
      ),
    }),
    capacity: z.object({
      people: z.array(
        z.object({
          id: IdSchema,
          name: z.string(),
          skills: z.array(z.string()),
          monthlyCapacity: z.number(),
        }),
      ),
      initiatives: z.array(
        z.object({
          id: IdSchema,
          title: z.string(),
          effort: z.array(EffortModel),
          ownerIds: z.array(IdSchema),
        }),
      ),
      targets: z.array(z.object({ id: IdSchema, initiativeIds: z.array(IdSchema) })),
    }),
    movedBy: z
      .record(z.string(), z.array(IdSchema))
      .meta({ description: 'Per KPI id, the initiatives that move it (an impact or a mark)' }),
  })
  .meta({ id: 'WhatIfBasis' });
export type WhatIfBasisView = z.infer<typeof WhatIfBasisSchema>;
