/**
 * The structure part of the API, for organisation setup: the organisation itself, its units,
 * cycles and people. Each function calls an endpoint declared in src/contracts/endpoints through
 * {@link callEndpoint}, resolving with the contract type or rejecting with an ApiError.
 */
import type {
  CreateCycleInput,
  CreateOrganisationInput,
  CreatePeopleInput,
  CreatePersonInput,
  CreateUnitInput,
  UpdateOrganisationInput,
  UpdatePersonInput,
  UpdateUnitInput,
} from '../contracts';
import { execution, organisations, structure } from '../contracts/endpoints';
import { callEndpoint } from './api-client';

/** Site administrators only; the creator administers the new organisation. */
export const createOrganisation = (input: CreateOrganisationInput) =>
  callEndpoint(organisations.create, { body: input });
export const updateOrganisation = (id: string, input: UpdateOrganisationInput) =>
  callEndpoint(organisations.update, { params: { id }, body: input });

export const createUnit = (input: CreateUnitInput) => callEndpoint(structure.units.create, { body: input });
export const updateUnit = (id: string, input: UpdateUnitInput) =>
  callEndpoint(structure.units.update, { params: { id }, body: input });
/** 422 `invariant_violated` naming what still hangs off the unit (units below, objectives, X-matrices). */
export const deleteUnit = (id: string, version: number) =>
  callEndpoint(structure.units.remove, { params: { id }, query: { version } });

export const createCycle = (input: CreateCycleInput) =>
  callEndpoint(structure.cycles.create, { body: input });
/** 422 `invariant_violated` when the cycle still holds objectives. */
export const deleteCycle = (id: string, version: number) =>
  callEndpoint(structure.cycles.remove, { params: { id }, query: { version } });

export const createPerson = (input: CreatePersonInput) =>
  callEndpoint(structure.people.create, { body: input });
export const updatePerson = (id: string, input: UpdatePersonInput) =>
  callEndpoint(structure.people.update, { params: { id }, body: input });
export const deletePerson = (id: string, version: number) =>
  callEndpoint(structure.people.remove, { params: { id }, query: { version } });
/** All rows or none: a bad row is refused as `people[i].<field>`. */
export const createPeople = (orgId: string, input: CreatePeopleInput) =>
  callEndpoint(organisations.createPeople, { params: { id: orgId }, body: input });

/** Whether a cycle takes check-ins (locked at year end, or open). */
export const getCycleLock = (cycleId: string) =>
  callEndpoint(execution.getCycleLock, { params: { id: cycleId } });

export const lockCycle = (cycleId: string, reason?: string) =>
  callEndpoint(execution.lockCycle, { params: { id: cycleId }, body: reason ? { reason } : {} });

export const reopenCycle = (cycleId: string, reason: string) =>
  callEndpoint(execution.reopenCycle, { params: { id: cycleId }, body: { reason } });
