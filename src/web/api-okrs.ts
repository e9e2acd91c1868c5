/**
 * The API of editing OKRs and their check-ins: objectives and key results (create, update,
 * delete, move, clone), a key result's check-in history and corrections. Each function calls one
 * endpoint of src/contracts/endpoints through {@link callEndpoint}.
 */
import type {
  CorrectCheckInInput,
  CreateKeyResultInput,
  CreateObjectiveInput,
  MoveKeyResultInput,
  MoveObjectiveInput,
  SetStatusOverrideInput,
  UpdateKeyResultInput,
  UpdateObjectiveInput,
} from '../contracts';
import { checkIns, execution, okrs } from '../contracts/endpoints';
import { callEndpoint } from './api-client';

export const createObjective = (input: CreateObjectiveInput) =>
  callEndpoint(okrs.objectives.create, { body: input });

export const updateObjective = (id: string, input: UpdateObjectiveInput) =>
  callEndpoint(okrs.objectives.update, { params: { id }, body: input });

/** Deletes the version read; its key results go with it. */
export const deleteObjective = (id: string, version: number) =>
  callEndpoint(okrs.objectives.remove, { params: { id }, query: { version } });

/** To `position` (0-based) in its list, or into another cycle. */
export const moveObjective = (id: string, input: MoveObjectiveInput) =>
  callEndpoint(okrs.moveObjective, { params: { id }, body: input });

/** A copy with its key results in `cycleId`, by default the next cycle. */
export const cloneObjective = (id: string, cycleId?: string) =>
  callEndpoint(okrs.cloneObjective, { params: { id }, body: { cycleId } });

export const createKeyResult = (input: CreateKeyResultInput) =>
  callEndpoint(okrs.keyResults.create, { body: input });

export const updateKeyResult = (id: string, input: UpdateKeyResultInput) =>
  callEndpoint(okrs.keyResults.update, { params: { id }, body: input });

export const deleteKeyResult = (id: string, version: number) =>
  callEndpoint(okrs.keyResults.remove, { params: { id }, query: { version } });

/** To `position` (0-based) in its objective, or to another objective of the unit. */
export const moveKeyResult = (id: string, input: MoveKeyResultInput) =>
  callEndpoint(okrs.moveKeyResult, { params: { id }, body: input });

/** A key result's check-ins, newest first, corrected ones included (flagged by `correctedById`). */
export const listKeyResultCheckIns = (keyResultId: string) =>
  callEndpoint(checkIns.listHistory, { query: { keyResultId, includeCorrected: 'true' } });

/** A new check-in replacing `id`; the original stays in the history, marked as corrected. */
export const correctCheckIn = (id: string, input: CorrectCheckInInput) =>
  callEndpoint(checkIns.correctCheckIn, { params: { id }, body: input });

/** An owner's status for an objective or key result, with the reason the derived one is wrong. */
export const setStatusOverride = (
  kind: 'objectives' | 'key-results',
  id: string,
  input: Pick<SetStatusOverrideInput, 'status' | 'reason'>,
) => callEndpoint(execution.statusOverrides[kind].set, { params: { id }, body: input });

/** Removes the owner's status: the derived one shows again. */
export const clearStatusOverride = (kind: 'objectives' | 'key-results', id: string) =>
  callEndpoint(execution.statusOverrides[kind].clear, { params: { id } });
