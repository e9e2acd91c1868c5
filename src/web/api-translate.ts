/**
 * The API of translation and links between levels: translate a parent's OKRs, accept or answer a
 * changed source, cascade an initiative, trace, strategy map and orphans. Same conventions as
 * {@link request} in api-client.ts: contract types in, contract types out, {@link ApiError} on failure.
 */
import type {
  MatrixItem,
  Orphan,
  SourceStatus,
  StrategyMap,
  Trace,
  TraceKind,
  TranslationProposal,
  TranslationResult,
} from '../contracts';
import { enc, request } from './api-client';

/** An item after accept, answer or cascade, with where it stands against its source. */
export interface LinkedItem {
  item: MatrixItem;
  sourceStatus: SourceStatus | null;
}

/** POST /api/translations/preview — the proposed child matrix, for the wizard to edit. */
export const previewTranslation = (scope: {
  fromUnitId: string;
  toUnitId: string;
  cycleId: string;
  year?: number;
}) => request<TranslationProposal>('POST', '/api/translations/preview', scope);

/** POST /api/translations/prefill — the edited proposal with grid marks re-filled from its links. */
export const prefillTranslation = (proposal: TranslationProposal) =>
  request<TranslationProposal>('POST', '/api/translations/prefill', proposal);

/** POST /api/translations/apply — writes the proposal in one transaction. */
export const applyTranslation = (proposal: TranslationProposal) =>
  request<TranslationResult>('POST', '/api/translations/apply', proposal);

/** POST /api/matrix-items/:id/source/accept — the item takes the source's new text and target. */
export const acceptSource = (itemId: string, version: number) =>
  request<LinkedItem>('POST', `/api/matrix-items/${enc(itemId)}/source/accept`, { version });

/** POST /api/matrix-items/:id/source/answer — the item keeps its text; the comment says why. */
export const answerSource = (itemId: string, version: number, comment: string) =>
  request<LinkedItem>('POST', `/api/matrix-items/${enc(itemId)}/source/answer`, { version, comment });

/** POST /api/matrix-items/:id/cascade — an initiative becomes a child unit's What or How Far. */
export const cascadeItem = (
  itemId: string,
  input: { toUnitId: string; year: number; as: 'what' | 'how_far' },
) => request<LinkedItem>('POST', `/api/matrix-items/${enc(itemId)}/cascade`, input);

/** GET /api/trace/:kind/:id — the chain up to the top objective and down to the work. */
export const getTrace = (kind: TraceKind, id: string) =>
  request<Trace>('GET', `/api/trace/${kind}/${enc(id)}`);

/** GET /api/organisations/:id/strategy-map */
export const getStrategyMap = (orgId: string) =>
  request<StrategyMap>('GET', `/api/organisations/${enc(orgId)}/strategy-map`);

/** GET /api/matrices/:id/orphans */
export const getMatrixOrphans = (matrixId: string) =>
  request<Orphan[]>('GET', `/api/matrices/${enc(matrixId)}/orphans`);
