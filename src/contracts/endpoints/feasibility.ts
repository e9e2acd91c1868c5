import { z } from 'zod';
import { IdParamsSchema } from '../common';
import { defineCrudEndpoints } from '../crud-endpoints';
import { defineEndpoint } from '../endpoint';
import {
  CapacityReportSchema,
  CreateEffortSchema,
  CreateImpactSchema,
  EffortSchema,
  ImpactSchema,
  LintReportSchema,
  PressureTestJobSchema,
  PressureTestRequestSchema,
  SetSkillEffortMonthsSchema,
  UpdateEffortSchema,
  UpdateImpactSchema,
} from '../feasibility';
import { WhatIfBasisSchema } from '../what-if';

const tag = 'Pressure test';

export const impacts = defineCrudEndpoints({
  path: '/api/impacts',
  noun: 'impact (initiative × KPI: low ≤ likely ≤ high)',
  tag,
  create: CreateImpactSchema,
  update: UpdateImpactSchema,
  response: ImpactSchema,
});

export const efforts = defineCrudEndpoints({
  path: '/api/efforts',
  noun: 'effort (initiative × skill, person-days per month)',
  tag,
  create: CreateEffortSchema,
  update: UpdateEffortSchema,
  response: EffortSchema,
});

export const listImpacts = defineEndpoint({
  method: 'GET',
  path: '/api/matrix-items/:id/impacts',
  tag,
  summary: "An initiative's impacts on KPIs",
  params: IdParamsSchema,
  response: z.array(ImpactSchema),
});

export const listEfforts = defineEndpoint({
  method: 'GET',
  path: '/api/matrix-items/:id/efforts',
  tag,
  summary: "An initiative's effort per skill",
  params: IdParamsSchema,
  response: z.array(EffortSchema),
});

export const setSkillEffortMonths = defineEndpoint({
  method: 'PUT',
  path: '/api/matrix-items/:id/efforts',
  tag,
  summary:
    "Set an initiative's effort month by month for one or more skills (each skill's rows replaced, all in one transaction); answers every effort of the initiative",
  params: IdParamsSchema,
  body: SetSkillEffortMonthsSchema,
  response: z.array(EffortSchema),
});

export const startPressureTest = defineEndpoint({
  method: 'POST',
  path: '/api/matrices/:id/pressure-test',
  tag,
  summary:
    'Start a Monte Carlo pressure test in a worker thread: 202 with the running job (poll it), or with wait: true 200 with the finished job',
  status: 202,
  otherStatuses: [200],
  params: IdParamsSchema,
  body: PressureTestRequestSchema,
  response: PressureTestJobSchema,
});

export const getPressureTest = defineEndpoint({
  method: 'GET',
  path: '/api/pressure-tests/:id',
  tag,
  summary: 'A pressure-test job: progress 0-1, then the result',
  params: IdParamsSchema,
  response: PressureTestJobSchema,
});

export const capacity = defineEndpoint({
  method: 'GET',
  path: '/api/matrices/:id/capacity',
  tag,
  summary: 'Skill demand against supply per month, people over capacity, gaps, and a verdict per target',
  params: IdParamsSchema,
  response: CapacityReportSchema,
});

export const lint = defineEndpoint({
  method: 'GET',
  path: '/api/matrices/:id/lint',
  tag,
  summary: 'Publish gates and warnings of an X-matrix, each with the items concerned',
  params: IdParamsSchema,
  response: LintReportSchema,
});

export const whatIfBasis = defineEndpoint({
  method: 'GET',
  path: '/api/matrices/:id/what-if-basis',
  tag,
  summary:
    "The matrix's simulation model and capacity question as the pressure test sees them, for what-if scenarios run in the browser",
  params: IdParamsSchema,
  response: WhatIfBasisSchema,
});
