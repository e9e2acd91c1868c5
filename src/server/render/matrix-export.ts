import type { XMatrixView } from '../../contracts';
import type { DrawingFormat } from '../../contracts/matrix-files';
import { buildMatrixScene } from './matrix-scene';
import { sceneToPdf } from './scene-pdf';
import { svgToPng } from './scene-png';
import { sceneToSvg } from './scene-svg';

export type { DrawingFormat };

/**
 * The X-matrix drawn on an A3 landscape page as SVG, PNG or PDF. The API and the CLI both call
 * this, so a download from the web app and a file from `catchball export` are the same drawing.
 */
export async function drawMatrix(view: XMatrixView, format: DrawingFormat): Promise<Buffer> {
  const scene = buildMatrixScene(view);
  switch (format) {
    case 'svg':
      return Buffer.from(sceneToSvg(scene), 'utf8');
    case 'png':
      return svgToPng(sceneToSvg(scene), scene.width);
    case 'pdf':
      return sceneToPdf(scene);
  }
}
