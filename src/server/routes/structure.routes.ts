import {
  CreateCycleSchema,
  CreatePersonSchema,
  CreateUnitSchema,
  CycleSchema,
  PersonSchema,
  UnitSchema,
  UpdateCycleSchema,
  UpdatePersonSchema,
  UpdateUnitSchema,
} from '../../contracts';
import type { Route } from '../route';
import type { Services } from '../services';
import { crudRoutes } from './crud';

/** Units, people and cycles: the structure an organisation plans in. */
export function structureRoutes(services: Services): Route[] {
  return [
    ...crudRoutes({
      path: '/api/units',
      noun: 'unit',
      tag: 'Units',
      create: CreateUnitSchema,
      update: UpdateUnitSchema,
      response: UnitSchema,
      service: services.units,
    }),
    ...crudRoutes({
      path: '/api/people',
      noun: 'person',
      tag: 'People',
      create: CreatePersonSchema,
      update: UpdatePersonSchema,
      response: PersonSchema,
      service: services.people,
    }),
    ...crudRoutes({
      path: '/api/cycles',
      noun: 'cycle',
      tag: 'Cycles',
      create: CreateCycleSchema,
      update: UpdateCycleSchema,
      response: CycleSchema,
      service: services.cycles,
    }),
  ];
}
