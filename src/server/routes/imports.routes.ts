import { IMPORT_MAX_BYTES } from '../../contracts';
import { imports as endpoints } from '../../contracts/endpoints';
import { DomainError, validationError } from '../../core/errors';
import type { RouteAccess } from '../auth/authorizer';
import { implement, type Route } from '../route';
import { PUBLIC } from './access-rules';
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

/** Importing a spreadsheet X-matrix needs the editor role on the unit it goes into. */
const matrixTarget: RouteAccess<{ query: { unitId?: string | undefined } }> = {
  kind: 'scoped',
  need: 'edit',
  scope: ({ query }, locate) =>
    // Without a unit in the query the sheet names it; only a site administrator may leave that open.
    query.unitId
      ? locate.referenced('unitId', () => locate.unit(query.unitId as string))
      : { organisationId: '', unitId: null },
};

/** Spreadsheet uploads: the body is the file; `bodyLimit` is explicit so a huge file gets a clear 413. */
export function importRoutes(services: Services): Route[] {
  const upload = { bodyLimit: IMPORT_MAX_BYTES };
  return [
    implement(endpoints.previewOkrs, {
      ...upload,
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
    implement(endpoints.confirmOkrs, {
      ...upload,
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
          if (!(await access.allows('edit', scope))) {
            const unit = await services.units.get(objective.unitId);
            throw new DomainError(
              'forbidden',
              `Row ${String(objective.row)}: you need the editor role on ${unit.name}`,
              { row: objective.row, unitId: objective.unitId },
            );
          }
        }),
    }),
    implement(endpoints.previewMatrix, {
      ...upload,
      access: matrixTarget,
      handler: ({ query, request }) => services.matrixWorkbook.previewXlsx(uploadedFile(request.body), query),
    }),
    implement(endpoints.importMatrix, {
      ...upload,
      access: matrixTarget,
      handler: ({ query, request }) => services.matrixWorkbook.importXlsx(uploadedFile(request.body), query),
    }),
    // Public: the random run id is the credential, the answer holds no data, and it must not
    // wait for the store (an import holds the embedded one) or for a session lookup.
    implement(endpoints.getImportRun, {
      access: PUBLIC,
      handler: ({ params }) => Promise.resolve(services.importRuns.get(params.id)),
    }),
  ];
}
