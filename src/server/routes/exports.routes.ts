import { exports as endpoints } from '../../contracts/endpoints';
import { DRAWING_CONTENT_TYPES, DRAWING_FORMATS, XLSX_TYPE } from '../../contracts/matrix-files';
import { implement, type Route } from '../route';
import { SIGNED_IN, onMatrixInPath } from './access-rules';
import type { Services } from '../services';
import { drawMatrix } from '../render/matrix-export';
import { readerLanguage } from '../i18n/reader-language';
import type { AccessContext } from '../auth/authorizer';
import type { FastifyRequest } from 'fastify';
import type { Language } from '../../core/languages';

/**
 * Files of an X-matrix for people who print, mail or keep spreadsheets: the drawing on an A3
 * landscape page (SVG, PNG, PDF) and the workbook. Each answers with a download name
 * `<unit>-<year>.<ext>`, its fixed labels in the reader's language: the account's, else the
 * browser's (Accept-Language), else English.
 */
export function exportRoutes(services: Services): Route[] {
  const languageOf = async (access: AccessContext, request: FastifyRequest): Promise<Language> =>
    readerLanguage(
      access.principal.kind === 'user' ? await services.accounts.languageOf(access.principal.id) : null,
      request.headers['accept-language'],
    );
  const drawings = DRAWING_FORMATS.map((format) =>
    implement(endpoints.drawings[format], {
      access: onMatrixInPath('read'),
      handler: async ({ params, reply, access, request }) => {
        const view = await services.matrices.view(params.id);
        const language = await languageOf(access, request);
        void reply
          .type(DRAWING_CONTENT_TYPES[format])
          .header(
            'content-disposition',
            `attachment; filename="${view.unit.id}-${view.matrix.year}.${format}"`,
          );
        return drawMatrix(view, format, language) as Promise<never>;
      },
    }),
  );
  return [
    ...drawings,
    implement(endpoints.workbook, {
      access: onMatrixInPath('read'),
      handler: async ({ params, reply, access, request }) => {
        const language = await languageOf(access, request);
        const { file, filename } = await services.matrixWorkbook.exportXlsx(params.id, language);
        void reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${filename}"`);
        return file as never;
      },
    }),
    implement(endpoints.template, {
      access: SIGNED_IN,
      handler: async ({ query, reply, access, request }) => {
        const year = query.year ?? new Date().getFullYear();
        const language = await languageOf(access, request);
        void reply
          .type(XLSX_TYPE)
          .header('content-disposition', 'attachment; filename="x-matrix-template.xlsx"');
        return (await services.matrixWorkbook.template(year, language)) as never;
      },
    }),
  ];
}
