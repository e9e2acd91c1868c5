import { z } from 'zod';
import {
  ApiTokenSchema,
  BulkCheckInResultSchema,
  BulkCheckInSchema,
  CheckInHistoryQuerySchema,
  CheckInSchema,
  CorrectCheckInSchema,
  CreateApiTokenSchema,
  CreateCheckInSchema,
  IdParamsSchema,
} from '../../contracts';
import { DomainError } from '../../core/errors';
import { defineRoute, type Route } from '../route';
import { onUnitInPath } from './access-rules';
import type { Locator, Scope } from '../auth/locator';
import type { Services } from '../services';
import { XLSX_TYPE } from '../imports/sheet-reader';
import { readUpload } from '../services/execution/check-in-upload';

/** The key result or KPI a check-in (or a history read) is about. */
function subjectScope(
  subject: { keyResultId?: string; kpiId?: string },
  locate: Locator,
  where: 'body' | 'query',
): Promise<Scope> {
  if (subject.keyResultId)
    return locate.referenced(`${where}.keyResultId`, () =>
      locate.checkInSubject({ keyResultId: subject.keyResultId }),
    );
  return locate.referenced(`${where}.kpiId`, () =>
    locate.checkInSubject({ kpiItemId: subject.kpiId ?? null }),
  );
}

/** Check-ins one at a time, their history and corrections, bulk uploads, and the unit tokens for feeds. */
export function checkInRoutes(services: Services): Route[] {
  const { checkIns, apiTokens } = services;
  const tag = 'Check-ins';
  return [
    defineRoute({
      method: 'POST',
      url: '/api/check-ins',
      tag,
      summary: 'Check in on a key result or KPI: value, confidence, comment, date, author',
      status: 201,
      body: CreateCheckInSchema,
      response: CheckInSchema,
      access: {
        kind: 'scoped',
        need: 'contribute',
        scope: ({ body }, locate) => subjectScope(body, locate, 'body'),
      },
      // A check-in made by a signed-in person is theirs unless it names another author.
      handler: ({ body, access }) =>
        checkIns.create({ ...body, authorId: body.authorId ?? access.personId ?? undefined }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/check-ins',
      tag,
      summary: "An item's check-in history, newest first (includeCorrected=true keeps replaced ones)",
      query: CheckInHistoryQuerySchema,
      response: z.array(CheckInSchema),
      access: {
        kind: 'scoped',
        need: 'read',
        scope: ({ query }, locate) => subjectScope(query, locate, 'query'),
      },
      handler: ({ query }) => checkIns.history(query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/check-ins/:id/corrections',
      tag,
      summary: 'Correct a past check-in; the original stays in the history, marked as corrected',
      status: 201,
      params: IdParamsSchema,
      body: CorrectCheckInSchema,
      response: CheckInSchema,
      access: {
        kind: 'scoped',
        need: 'contribute',
        scope: ({ params }, locate) => locate.checkIn(params.id),
      },
      handler: ({ params, body }) => checkIns.correct(params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/units/:id/check-ins/upload',
      tag,
      summary:
        'Upload check-ins as CSV or XLSX (columns item, date, value, confidence, comment, author) for the unit and the units below it: all rows or none, each error naming its row and column',
      status: 201,
      params: IdParamsSchema,
      body: z.unknown(),
      bodyContentTypes: ['text/csv', XLSX_TYPE],
      response: BulkCheckInResultSchema,
      access: onUnitInPath('contribute'),
      handler: async ({ params, request }) => {
        const scope = await checkIns.scopeOf(params.id);
        const contentType = request.headers['content-type'] ?? '';
        if (!Buffer.isBuffer(request.body) && typeof request.body !== 'string')
          throw new DomainError('validation_failed', 'Send the file as text/csv or as an XLSX workbook');
        const rows = await readUpload(request.body, contentType);
        return checkIns.bulk(rows, 'upload', scope);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/units/:id/check-ins/bulk',
      tag,
      summary:
        "Check-ins from another system, with a unit API token with the check_ins scope (Authorization: Bearer …): all or nothing; items outside the token's unit are refused with 403",
      status: 201,
      params: IdParamsSchema,
      body: BulkCheckInSchema,
      response: BulkCheckInResultSchema,
      access: onUnitInPath('contribute'),
      handler: async ({ params, body }) => {
        const scope = await checkIns.scopeOf(params.id);
        const rows = body.checkIns.map((row, index) => ({ ...row, path: `body.checkIns[${index}]` }));
        return checkIns.bulk(rows, 'api', scope);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/units/:id/api-tokens',
      tag,
      summary:
        'Create an API token for the unit and the units below it; the token is shown only in this response',
      status: 201,
      params: IdParamsSchema,
      body: CreateApiTokenSchema,
      response: ApiTokenSchema,
      access: onUnitInPath('admin'),
      handler: ({ params, body, access }) =>
        apiTokens.create(params.id, {
          ...body,
          createdBy: access.principal.kind === 'user' ? access.principal.id : null,
        }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/units/:id/api-tokens',
      tag,
      summary: "The unit's API tokens (never the secrets)",
      params: IdParamsSchema,
      response: z.array(ApiTokenSchema),
      access: onUnitInPath('admin'),
      handler: ({ params }) => apiTokens.list(params.id),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/api-tokens/:id',
      tag,
      summary: 'Revoke an API token',
      status: 204,
      params: IdParamsSchema,
      access: { kind: 'scoped', need: 'admin', scope: ({ params }, locate) => locate.apiToken(params.id) },
      handler: async ({ params }) => {
        await apiTokens.revoke(params.id);
        return undefined;
      },
    }),
  ];
}
