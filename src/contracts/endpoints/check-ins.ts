import { z } from 'zod';
import {
  ApiTokenSchema,
  BulkCheckInResultSchema,
  BulkCheckInSchema,
  CHECK_IN_UPLOAD_TYPES,
  CheckInUploadQuerySchema,
  CheckInHistoryQuerySchema,
  CheckInUploadPreviewSchema,
  CheckInSchema,
  CorrectCheckInSchema,
  CreateApiTokenSchema,
  CreateCheckInSchema,
} from '../check-in';
import { IdParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';

const tag = 'Check-ins';

export const createCheckIn = defineEndpoint({
  method: 'POST',
  path: '/api/check-ins',
  tag,
  summary: 'Check in on a key result or KPI: value, confidence, comment, date, author',
  status: 201,
  body: CreateCheckInSchema,
  response: CheckInSchema,
});

export const listHistory = defineEndpoint({
  method: 'GET',
  path: '/api/check-ins',
  tag,
  summary: "An item's check-in history, newest first (includeCorrected=true keeps replaced ones)",
  query: CheckInHistoryQuerySchema,
  response: z.array(CheckInSchema),
});

export const correctCheckIn = defineEndpoint({
  method: 'POST',
  path: '/api/check-ins/:id/corrections',
  tag,
  summary: 'Correct a past check-in; the original stays in the history, marked as corrected',
  status: 201,
  params: IdParamsSchema,
  body: CorrectCheckInSchema,
  response: CheckInSchema,
});

/** The body is the file itself (CSV or XLSX with its content type), not JSON: send it as a raw payload. */
export const uploadCheckIns = defineEndpoint({
  method: 'POST',
  path: '/api/units/:id/check-ins/upload',
  tag,
  summary:
    'Upload check-ins as CSV or XLSX (columns item, date, value, confidence, comment, author) for the unit and the units below it: all rows or none, each error naming its row and column',
  status: 201,
  params: IdParamsSchema,
  query: CheckInUploadQuerySchema,
  body: z.unknown(),
  bodyContentTypes: CHECK_IN_UPLOAD_TYPES,
  response: BulkCheckInResultSchema,
});

/** The same file as {@link uploadCheckIns}, read and checked but not written: what the upload would do. */
export const previewCheckInUpload = defineEndpoint({
  method: 'POST',
  path: '/api/units/:id/check-ins/upload/preview',
  tag,
  summary:
    'Preview a check-in upload (CSV or XLSX): the rows as read and every problem by row and column; nothing is written',
  params: IdParamsSchema,
  query: CheckInUploadQuerySchema,
  body: z.unknown(),
  bodyContentTypes: CHECK_IN_UPLOAD_TYPES,
  response: CheckInUploadPreviewSchema,
});

export const bulkCheckIns = defineEndpoint({
  method: 'POST',
  path: '/api/units/:id/check-ins/bulk',
  tag,
  summary:
    "Check-ins from another system, with a unit API token with the check_ins scope (Authorization: Bearer …): all or nothing; items outside the token's unit are refused with 403",
  status: 201,
  params: IdParamsSchema,
  body: BulkCheckInSchema,
  response: BulkCheckInResultSchema,
});

export const createApiToken = defineEndpoint({
  method: 'POST',
  path: '/api/units/:id/api-tokens',
  tag,
  summary:
    'Create an API token for the unit and the units below it; the token is shown only in this response',
  status: 201,
  params: IdParamsSchema,
  body: CreateApiTokenSchema,
  response: ApiTokenSchema,
});

export const listApiTokens = defineEndpoint({
  method: 'GET',
  path: '/api/units/:id/api-tokens',
  tag,
  summary: "The unit's API tokens (never the secrets)",
  params: IdParamsSchema,
  response: z.array(ApiTokenSchema),
});

export const revokeApiToken = defineEndpoint({
  method: 'DELETE',
  path: '/api/api-tokens/:id',
  tag,
  summary: 'Revoke an API token',
  status: 204,
  params: IdParamsSchema,
});
