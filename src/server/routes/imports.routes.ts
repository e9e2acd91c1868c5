import {
  IdSchema,
  IMPORT_MAX_BYTES,
  OkrImportPreviewSchema,
  OkrImportQuerySchema,
  OkrImportResultSchema,
  MatrixImportResultSchema,
  SHEET_CONTENT_TYPES,
} from '../../contracts';
import { z } from 'zod';
import { validationError } from '../../core/errors';
import { DomainError } from '../../core/errors';
import { defineRoute, type Route } from '../route';
import type { Services } from '../services';

/** The uploaded file: the raw request body (a CSV or XLSX), refused when missing. */
export function uploadedFile(body: unknown): Uint8Array {
  if (body instanceof Uint8Array && body.byteLength > 0) return body;
  if (typeof body === 'string' && body !== '') return new TextEncoder().encode(body);
  throw validationError(
    [
      {
        path: 'body',
        message: 'send the file itself as the request body (Content-Type text/csv or the XLSX type)',
      },
    ],
    'No file was uploaded',
  );
}

/** Spreadsheet uploads: the body is the file; `bodyLimit` is explicit so a huge file gets a clear 413. */
export function importRoutes(services: Services): Route[] {
  const tag = 'Imports';
  const upload = { bodyContentTypes: SHEET_CONTENT_TYPES, bodyLimit: IMPORT_MAX_BYTES };
  return [
    defineRoute({
      method: 'POST',
      url: '/api/imports/okrs/preview',
      tag,
      summary:
        'Read a CSV or XLSX of OKRs (one row per key result) and show the column mapping, what would be created and every problem by row and column; writes nothing',
      ...upload,
      query: OkrImportQuerySchema,
      response: OkrImportPreviewSchema,
      access: {
        kind: 'scoped',
        need: 'edit',
        scope: async ({ query }, locate) =>
          query.unitId
            ? locate.referenced('unitId', () => locate.unit(query.unitId as string))
            : locate.referenced('organisationId', () => locate.organisation(query.organisationId as string)),
      },
      handler: ({ query, request }) => services.okrImport.preview(uploadedFile(request.body), query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/imports/okrs/confirm',
      tag,
      status: 201,
      summary:
        'Import the same CSV or XLSX: all objectives, key results and new owners in one transaction, or nothing when any problem remains',
      ...upload,
      query: OkrImportQuerySchema,
      response: OkrImportResultSchema,
      access: {
        kind: 'scoped',
        need: 'edit',
        scope: async ({ query }, locate) =>
          query.unitId
            ? locate.referenced('unitId', () => locate.unit(query.unitId as string))
            : locate.referenced('organisationId', () => locate.organisation(query.organisationId as string)),
      },
      // Rows may name other units (a Unit column): each must be one the caller edits.
      handler: ({ query, request, access }) =>
        services.okrImport.confirm(uploadedFile(request.body), query, undefined, async (objective) => {
          const scope = { organisationId: access.scope?.organisationId ?? '', unitId: objective.unitId };
          if (!(await access.allows('edit', scope)))
            throw new DomainError(
              'forbidden',
              `Row ${String(objective.row)}: you need the editor role on unit ${objective.unitId}`,
              { row: objective.row, unitId: objective.unitId },
            );
        }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/imports/matrix',
      tag,
      status: 201,
      summary:
        'Import a spreadsheet X-matrix (XLSX, the template’s layout): checked cell by cell, then written in one transaction',
      ...upload,
      query: z.object({
        unitId: IdSchema.optional().meta({ description: 'Overrides the Unit cell of the Matrix sheet' }),
        year: z.coerce.number().int().min(2000).max(2100).optional(),
        replace: z
          .enum(['true', 'false'])
          .default('false')
          .transform((v) => v === 'true'),
      }),
      response: MatrixImportResultSchema,
      access: {
        kind: 'scoped',
        need: 'edit',
        scope: ({ query }, locate) =>
          // Without a unit in the query the sheet names it; only a site administrator may leave that open.
          query.unitId
            ? locate.referenced('unitId', () => locate.unit(query.unitId as string))
            : { organisationId: '', unitId: null },
      },
      handler: ({ query, request }) => services.matrixWorkbook.importXlsx(uploadedFile(request.body), query),
    }),
  ];
}
