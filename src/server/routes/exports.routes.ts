import { z } from 'zod';
import { IdParamsSchema } from '../../contracts';
import { defineRoute, type Route } from '../route';
import { SIGNED_IN, onMatrixInPath } from './access-rules';
import type { Services } from '../services';
import { XLSX_TYPE } from '../imports/sheet-reader';
import { DRAWING_CONTENT_TYPES, DRAWING_FORMATS, drawMatrix } from '../render/matrix-export';

/**
 * Files of an X-matrix for people who print, mail or keep spreadsheets: the drawing on an A3
 * landscape page (SVG, PNG, PDF). Each answers with a download name `<unit>-<year>.<ext>`.
 */
export function exportRoutes(services: Services): Route[] {
  const tag = 'Exports';
  const drawings = DRAWING_FORMATS.map((format) =>
    defineRoute({
      method: 'GET',
      url: `/api/matrices/:id/export.${format}`,
      tag,
      summary: `The X-matrix drawn on an A3 landscape page, as ${format.toUpperCase()} (no browser involved)`,
      params: IdParamsSchema,
      produces: DRAWING_CONTENT_TYPES[format],
      access: onMatrixInPath('read'),
      handler: async ({ params, reply }) => {
        const view = await services.matrices.view(params.id);
        void reply
          .type(DRAWING_CONTENT_TYPES[format])
          .header(
            'content-disposition',
            `attachment; filename="${view.unit.id}-${view.matrix.year}.${format}"`,
          );
        return drawMatrix(view, format) as Promise<never>;
      },
    }),
  );
  return [
    ...drawings,
    defineRoute({
      method: 'GET',
      url: '/api/matrices/:id/export.xlsx',
      tag,
      summary:
        'The X-matrix as the spreadsheet lean teams keep (the import template’s layout); imports back unchanged',
      params: IdParamsSchema,
      produces: XLSX_TYPE,
      access: onMatrixInPath('read'),
      handler: async ({ params, reply }) => {
        const { file, filename } = await services.matrixWorkbook.exportXlsx(params.id);
        void reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${filename}"`);
        return file as never;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/templates/x-matrix.xlsx',
      tag,
      summary: 'The blank spreadsheet X-matrix to fill in and import',
      query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      produces: XLSX_TYPE,
      access: SIGNED_IN,
      handler: async ({ query, reply }) => {
        const year = query.year ?? new Date().getFullYear();
        void reply
          .type(XLSX_TYPE)
          .header('content-disposition', 'attachment; filename="x-matrix-template.xlsx"');
        return (await services.matrixWorkbook.template(year)) as never;
      },
    }),
  ];
}
