import { exports as endpoints } from '../../contracts/endpoints';
import { DRAWING_CONTENT_TYPES, DRAWING_FORMATS, XLSX_TYPE } from '../../contracts/matrix-files';
import { implement, type Route } from '../route';
import { SIGNED_IN, onMatrixInPath } from './access-rules';
import type { Services } from '../services';
import { drawMatrix } from '../render/matrix-export';

/**
 * Files of an X-matrix for people who print, mail or keep spreadsheets: the drawing on an A3
 * landscape page (SVG, PNG, PDF). Each answers with a download name `<unit>-<year>.<ext>`.
 */
export function exportRoutes(services: Services): Route[] {
  const drawings = DRAWING_FORMATS.map((format) =>
    implement(endpoints.drawings[format], {
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
    implement(endpoints.workbook, {
      access: onMatrixInPath('read'),
      handler: async ({ params, reply }) => {
        const { file, filename } = await services.matrixWorkbook.exportXlsx(params.id);
        void reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${filename}"`);
        return file as never;
      },
    }),
    implement(endpoints.template, {
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
