/**
 * The year's end: each function calls one endpoint of src/contracts/endpoints/year-close.ts through
 * {@link callEndpoint}.
 */
import type { RolloverInput, SaveReflectionInput } from '../contracts';
import { yearClose } from '../contracts/endpoints';
import { callEndpoint } from './api-client';

/** A matrix's year under review: final scores, reflections, whether its cycle is closed. */
export const getYearReview = (matrixId: string) =>
  callEndpoint(yearClose.getYearReview, { params: { id: matrixId } });

/** Writes an annual objective's reflection (version null for the first). */
export const saveReflection = (itemId: string, input: SaveReflectionInput) =>
  callEndpoint(yearClose.saveReflection, { params: { id: itemId }, body: input });

/** Whether a cycle is closed. */
export const getCycleClosure = (cycleId: string) =>
  callEndpoint(yearClose.getCycleClosure, { params: { id: cycleId } });

/** Closes a cycle for good (organisation admins). */
export const closeCycle = (cycleId: string) =>
  callEndpoint(yearClose.closeCycle, { params: { id: cycleId } });

/** What rolling the matrix into next year proposes, item by item. */
export const previewRollover = (matrixId: string) =>
  callEndpoint(yearClose.previewRollover, { params: { id: matrixId } });

/** Rolls the closed year's matrix into next year as chosen. */
export const rollOver = (matrixId: string, input: RolloverInput) =>
  callEndpoint(yearClose.rollover, { params: { id: matrixId }, body: input });
