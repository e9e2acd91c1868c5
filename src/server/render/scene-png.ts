import { Resvg } from '@resvg/resvg-js';
import { findCjkFont, findSansFont } from './fonts';

/** Pixels per millimetre of the PNG: 150 dpi, sharp enough to print A3 and small enough to mail. */
const CJK_FONT_FAMILY_NAME = 'BIZ UDPGothic';

const PIXELS_PER_MM = 150 / 25.4;

/**
 * Rasterises an SVG drawing (from sceneToSvg) to PNG with resvg: no browser needed. A drawing that
 * names the shipped CJK face (Japanese, or text with kana or kanji) is painted with it.
 */
export function svgToPng(svg: string, widthMm: number): Buffer {
  const faces = findSansFont();
  const cjk = svg.includes(CJK_FONT_FAMILY_NAME) ? findCjkFont() : null;
  const files = [...(faces ? [faces.regular, faces.bold] : []), ...(cjk ? [cjk.regular, cjk.bold] : [])];
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(widthMm * PIXELS_PER_MM) },
    background: '#ffffff',
    font: {
      loadSystemFonts: true,
      ...(files.length > 0 ? { fontFiles: files } : {}),
      defaultFontFamily: 'DejaVu Sans',
    },
  });
  return resvg.render().asPng();
}
