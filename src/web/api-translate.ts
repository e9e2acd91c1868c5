/**
 * The API of translation and links between levels: translate a parent's OKRs, accept or answer a
 * changed source, cascade an initiative, trace, strategy map and orphans. Each function calls one
 * endpoint of src/contracts/endpoints/translations.ts through {@link callEndpoint}: contract
 * types in, contract types out, {@link ApiError} on failure.
 */
import type { TraceKind, TranslationProposal } from '../contracts';
import { translations } from '../contracts/endpoints';
import { callEndpoint } from './api-client';

/** An item after accept, answer or cascade, with where it stands against its source. */
export type { LinkedItem } from '../contracts';

/** The proposed child matrix, for the wizard to edit. */
export const previewTranslation = (scope: {
  fromUnitId: string;
  toUnitId: string;
  cycleId: string;
  year?: number;
}) => callEndpoint(translations.preview, { body: scope });

/** The edited proposal with grid marks re-filled from its links. */
export const prefillTranslation = (proposal: TranslationProposal) =>
  callEndpoint(translations.prefill, { body: proposal });

/** Writes the proposal in one transaction. */
export const applyTranslation = (proposal: TranslationProposal) =>
  callEndpoint(translations.apply, { body: proposal });

/** The item takes the source's new text and target. */
export const acceptSource = (itemId: string, version: number) =>
  callEndpoint(translations.acceptSource, { params: { id: itemId }, body: { version } });

/** The item keeps its text; the comment says why. */
export const answerSource = (itemId: string, version: number, comment: string) =>
  callEndpoint(translations.answerSource, { params: { id: itemId }, body: { version, comment } });

/** An initiative becomes a child unit's What or How Far. */
export const cascadeItem = (
  itemId: string,
  input: { toUnitId: string; year: number; as: 'what' | 'how_far' },
) => callEndpoint(translations.cascade, { params: { id: itemId }, body: input });

/** The chain up to the top objective and down to the work. */
export const getTrace = (kind: TraceKind, id: string) =>
  callEndpoint(translations.trace, { params: { kind, id } });

export const getStrategyMap = (orgId: string) =>
  callEndpoint(translations.strategyMap, { params: { id: orgId } });

export const getMatrixOrphans = (matrixId: string) =>
  callEndpoint(translations.matrixOrphans, { params: { id: matrixId } });
