import { z } from 'zod';
import { IdParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import { DRAWING_CONTENT_TYPES, XLSX_TYPE, type DrawingFormat } from '../matrix-files';

const tag = 'Exports';

const drawing = (format: DrawingFormat) =>
  defineEndpoint({
    method: 'GET',
    path: `/api/matrices/:id/export.${format}`,
    tag,
    summary: `The X-matrix drawn on an A3 landscape page, as ${format.toUpperCase()} (no browser involved)`,
    params: IdParamsSchema,
    produces: DRAWING_CONTENT_TYPES[format],
  });

/** The drawing of an X-matrix, one endpoint per format (`drawings.svg`…), each a download. */
export const drawings = { svg: drawing('svg'), png: drawing('png'), pdf: drawing('pdf') } satisfies Record<
  DrawingFormat,
  unknown
>;

export const workbook = defineEndpoint({
  method: 'GET',
  path: '/api/matrices/:id/export.xlsx',
  tag,
  summary:
    'The X-matrix as the spreadsheet lean teams keep (the import template’s layout); imports back unchanged',
  params: IdParamsSchema,
  produces: XLSX_TYPE,
});

export const template = defineEndpoint({
  method: 'GET',
  path: '/api/templates/x-matrix.xlsx',
  tag,
  summary: 'The blank spreadsheet X-matrix to fill in and import',
  query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
  produces: XLSX_TYPE,
});
