import { IdParamsSchema } from '../../contracts';
import { defineRoute, type Route } from '../route';
import type { Services } from '../services';
import { DRAWING_CONTENT_TYPES, DRAWING_FORMATS, drawMatrix } from '../render/matrix-export';

/**
 * Files of an X-matrix for people who print, mail or keep spreadsheets: the drawing on an A3
 * landscape page (SVG, PNG, PDF). Each answers with a download name `<unit>-<year>.<ext>`.
 */
export function exportRoutes(services: Services): Route[] {
  const tag = 'Exports';
  return DRAWING_FORMATS.map((format) =>
    defineRoute({
      method: 'GET',
      url: `/api/matrices/:id/export.${format}`,
      tag,
      summary: `The X-matrix drawn on an A3 landscape page, as ${format.toUpperCase()} (no browser involved)`,
      params: IdParamsSchema,
      produces: DRAWING_CONTENT_TYPES[format],
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
}
