import { defineCrudEndpoints } from '../crud-endpoints';
import {
  CreateEffortSchema,
  CreateImpactSchema,
  EffortSchema,
  ImpactSchema,
  UpdateEffortSchema,
  UpdateImpactSchema,
} from '../feasibility';

export const impacts = defineCrudEndpoints({
  path: '/api/impacts',
  noun: 'impact (initiative × KPI: low ≤ likely ≤ high)',
  tag: 'Pressure test',
  create: CreateImpactSchema,
  update: UpdateImpactSchema,
  response: ImpactSchema,
});

export const efforts = defineCrudEndpoints({
  path: '/api/efforts',
  noun: 'effort (initiative × skill, person-days per month)',
  tag: 'Pressure test',
  create: CreateEffortSchema,
  update: UpdateEffortSchema,
  response: EffortSchema,
});
