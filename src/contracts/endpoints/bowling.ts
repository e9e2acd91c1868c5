import { defineCrudEndpoints } from '../crud-endpoints';
import { CountermeasureSchema, CreateCountermeasureSchema, UpdateCountermeasureSchema } from '../bowling';

export const countermeasures = defineCrudEndpoints({
  path: '/api/countermeasures',
  noun: 'countermeasure',
  tag: 'Bowling chart',
  create: CreateCountermeasureSchema,
  update: UpdateCountermeasureSchema,
  response: CountermeasureSchema,
});
