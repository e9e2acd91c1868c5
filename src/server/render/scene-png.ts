import { Resvg } from '@resvg/resvg-js';
import { findSansFont } from './fonts';

/** Pixels per millimetre of the PNG: 150 dpi, sharp enough to print A3 and small enough to mail. */
const PIXELS_PER_MM = 150 / 25.4;

/** Rasterises an SVG drawing (from sceneToSvg) to PNG with resvg: no browser needed. */
export function svgToPng(svg: string, widthMm: number): Buffer {
  const faces = findSansFont();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(widthMm * PIXELS_PER_MM) },
    background: '#ffffff',
    font: {
      loadSystemFonts: true,
      ...(faces ? { fontFiles: [faces.regular, faces.bold] } : {}),
      defaultFontFamily: 'DejaVu Sans',
    },
  });
  return resvg.render().asPng();
}
