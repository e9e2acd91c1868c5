import type { XMatrixView } from '../../contracts';
import type { DrawingFormat } from '../../contracts/matrix-files';
import type { Language } from '../../core/languages';
import { translatorFor } from '../i18n/translator';
import { buildMatrixScene } from './matrix-scene';
import { sceneToPdf } from './scene-pdf';
import { svgToPng } from './scene-png';
import { sceneToSvg } from './scene-svg';

export type { DrawingFormat };

/**
 * The X-matrix drawn on an A3 landscape page as SVG, PNG or PDF. The API and the CLI both call
 * this, so a download from the web app and a file from `catchball export` are the same drawing.
 * Its fixed labels are in `language` (English by default; see server/i18n).
 */
export async function drawMatrix(
  view: XMatrixView,
  format: DrawingFormat,
  language: Language = 'en',
): Promise<Buffer> {
  const scene = buildMatrixScene(view, translatorFor(language));
  switch (format) {
    case 'svg':
      return Buffer.from(sceneToSvg(scene), 'utf8');
    case 'png':
      return svgToPng(sceneToSvg(scene), scene.width);
    case 'pdf':
      return sceneToPdf(scene);
  }
}
