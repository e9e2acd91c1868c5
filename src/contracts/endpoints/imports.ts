import { defineEndpoint } from '../endpoint';
import { z } from 'zod';
import {
  ImportRunIdSchema,
  ImportRunSchema,
  MatrixImportPreviewSchema,
  MatrixImportQuerySchema,
  MatrixImportResultSchema,
  OkrImportPreviewSchema,
  OkrImportQuerySchema,
  OkrImportResultSchema,
  SHEET_CONTENT_TYPES,
} from '../imports';

const tag = 'Imports';

/** Spreadsheet uploads: the body is the file itself (CSV or XLSX), not JSON; send it as `payload`. */
const upload = { bodyContentTypes: SHEET_CONTENT_TYPES };

export const previewOkrs = defineEndpoint({
  method: 'POST',
  path: '/api/imports/okrs/preview',
  tag,
  summary:
    'Read a CSV or XLSX of OKRs (one row per key result) and show the column mapping, what would be created and every problem by row and column; writes nothing',
  ...upload,
  query: OkrImportQuerySchema,
  response: OkrImportPreviewSchema,
});

export const confirmOkrs = defineEndpoint({
  method: 'POST',
  path: '/api/imports/okrs/confirm',
  tag,
  status: 201,
  summary:
    'Import the same CSV or XLSX: all objectives, key results and new owners in one transaction, or nothing when any problem remains',
  ...upload,
  query: OkrImportQuerySchema,
  response: OkrImportResultSchema,
});

export const previewMatrix = defineEndpoint({
  method: 'POST',
  path: '/api/imports/matrix/preview',
  tag,
  summary:
    'Read a spreadsheet X-matrix (XLSX) and show what importing it would write: counts per part, the matrix it replaces, what a copy leaves out and every problem by sheet, row and column; writes nothing',
  ...upload,
  query: MatrixImportQuerySchema,
  response: MatrixImportPreviewSchema,
});

export const importMatrix = defineEndpoint({
  method: 'POST',
  path: '/api/imports/matrix',
  tag,
  status: 201,
  summary:
    'Import a spreadsheet X-matrix (XLSX, the template’s layout): checked cell by cell, then written in one transaction',
  ...upload,
  query: MatrixImportQuerySchema,
  response: MatrixImportResultSchema,
});

/**
 * Progress of an import started with `?run=<uuid>` (plan documents, OKR sheets, spreadsheet
 * X-matrices), on the server that runs it. Knowing the random id is the credential: the answer
 * holds only the phase, counts and outcome, never data. Answered from memory, so it keeps
 * answering while the import holds the embedded store.
 */
export const getImportRun = defineEndpoint({
  method: 'GET',
  path: '/api/import-runs/:id',
  tag,
  summary: 'How far an import is: its phase, rows done of the total, and how it ended',
  params: z.object({ id: ImportRunIdSchema }),
  response: ImportRunSchema,
});
