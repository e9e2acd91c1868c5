import {
  CycleLockSchema,
  LockCycleSchema,
  ProgressQuerySchema,
  ReopenCycleSchema,
  SetCadenceSchema,
  SetStatusOverrideSchema,
  StatusOverrideSchema,
  UnitCadenceSchema,
  UnitProgressSchema,
} from '../execution';
import { IdParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';

const tag = 'Execution';

export const getUnitProgress = defineEndpoint({
  method: 'GET',
  path: '/api/units/:id/progress',
  tag,
  summary:
    "Progress, status and score of the unit's objectives and key results, with how each objective's progress was computed",
  params: IdParamsSchema,
  query: ProgressQuerySchema,
  response: UnitProgressSchema,
});

/** Setting and removing an owner's override of the derived status, at `/api/<collection>/:id/status-override`. */
function statusOverrideEndpoints(collection: 'objectives' | 'key-results', noun: string) {
  const path = `/api/${collection}/:id/status-override`;
  return {
    set: defineEndpoint({
      method: 'PUT',
      path,
      tag,
      summary: `Override the derived status of ${noun}, with a reason`,
      params: IdParamsSchema,
      body: SetStatusOverrideSchema,
      response: StatusOverrideSchema,
    }),
    clear: defineEndpoint({
      method: 'DELETE',
      path,
      tag,
      summary: 'Remove the override: the derived status shows again',
      status: 204,
      params: IdParamsSchema,
    }),
  };
}

/** Status overrides by collection: `statusOverrides.objectives.set`, `statusOverrides['key-results'].clear`. */
export const statusOverrides = {
  objectives: statusOverrideEndpoints('objectives', 'an objective'),
  'key-results': statusOverrideEndpoints('key-results', 'a key result'),
};

export const getCadence = defineEndpoint({
  method: 'GET',
  path: '/api/units/:id/cadence',
  tag,
  summary:
    "The unit's check-in cadence: its own, or inherited from the nearest ancestor (monthly by default)",
  params: IdParamsSchema,
  response: UnitCadenceSchema,
});

export const setCadence = defineEndpoint({
  method: 'PUT',
  path: '/api/units/:id/cadence',
  tag,
  summary: "Set the unit's check-in cadence (weekly or monthly); null inherits again",
  params: IdParamsSchema,
  body: SetCadenceSchema,
  response: UnitCadenceSchema,
});

export const getCycleLock = defineEndpoint({
  method: 'GET',
  path: '/api/cycles/:id/lock',
  tag,
  summary: 'Whether the cycle is locked at year end',
  params: IdParamsSchema,
  response: CycleLockSchema,
});

export const lockCycle = defineEndpoint({
  method: 'POST',
  path: '/api/cycles/:id/lock',
  tag,
  summary: 'Lock the cycle at year end: check-ins dated in it are refused',
  params: IdParamsSchema,
  body: LockCycleSchema,
  response: CycleLockSchema,
});

export const reopenCycle = defineEndpoint({
  method: 'POST',
  path: '/api/cycles/:id/reopen',
  tag,
  summary: 'Reopen a locked cycle (organisation admins only), with a reason; who and why are recorded',
  params: IdParamsSchema,
  body: ReopenCycleSchema,
  response: CycleLockSchema,
});
