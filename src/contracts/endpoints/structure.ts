import { defineCrudEndpoints } from '../crud-endpoints';
import { CreateUnitSchema, UnitSchema, UpdateUnitSchema } from '../unit';
import { CreatePersonSchema, PersonSchema, UpdatePersonSchema } from '../person';
import { CreateCycleSchema, CycleSchema, UpdateCycleSchema } from '../cycle';

export const units = defineCrudEndpoints({
  path: '/api/units',
  noun: 'unit',
  tag: 'Units',
  create: CreateUnitSchema,
  update: UpdateUnitSchema,
  response: UnitSchema,
});

export const people = defineCrudEndpoints({
  path: '/api/people',
  noun: 'person',
  tag: 'People',
  create: CreatePersonSchema,
  update: UpdatePersonSchema,
  response: PersonSchema,
});

export const cycles = defineCrudEndpoints({
  path: '/api/cycles',
  noun: 'cycle',
  tag: 'Cycles',
  create: CreateCycleSchema,
  update: UpdateCycleSchema,
  response: CycleSchema,
});
