/** Files an X-matrix comes in besides JSON: the drawing (SVG, PNG, PDF) and the spreadsheet. */

/** The spreadsheet (Office Open XML) content type. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const DRAWING_FORMATS = ['svg', 'png', 'pdf'] as const;
export type DrawingFormat = (typeof DRAWING_FORMATS)[number];

export const DRAWING_CONTENT_TYPES: Record<DrawingFormat, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
};
