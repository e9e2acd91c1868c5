import { hasCjk, type Scene, type Shape } from './scene';

/** The font stack of every drawing; the PNG and PDF writers load the first face they find. */
export const FONT_FAMILY = "'DejaVu Sans', 'Liberation Sans', Helvetica, Arial, sans-serif";

/**
 * The stack of a Japanese drawing, and of any text with kana or kanji: the CJK face Catchball
 * ships (fonts.ts; the PNG writer loads it), then the Japanese faces of common systems.
 */
export const CJK_FONT_FAMILY =
  "'BIZ UDPGothic', 'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', 'DejaVu Sans', sans-serif";

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (value: number) => String(Math.round(value * 100) / 100);

function paint(shape: Shape): string {
  const attributes = [
    `fill="${shape.fill ?? 'none'}"`,
    shape.stroke ? `stroke="${shape.stroke}" stroke-width="${n(shape.strokeWidth ?? 0.2)}"` : '',
    shape.className ? `class="${shape.className}"` : '',
  ];
  return attributes.filter((a) => a !== '').join(' ');
}

function element(shape: Shape, cjkScene: boolean): string {
  switch (shape.type) {
    case 'rect':
      return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.w)}" height="${n(shape.h)}" ${paint(shape)}/>`;
    case 'line':
      return `<line x1="${n(shape.x1)}" y1="${n(shape.y1)}" x2="${n(shape.x2)}" y2="${n(shape.y2)}" ${paint(shape)}/>`;
    case 'circle':
      return `<circle cx="${n(shape.cx)}" cy="${n(shape.cy)}" r="${n(shape.r)}" ${paint(shape)}/>`;
    case 'polygon':
      return `<polygon points="${shape.points.map(([px, py]) => `${n(px)},${n(py)}`).join(' ')}" ${paint(shape)}/>`;
    case 'text': {
      const rotate = shape.rotate ? ` transform="rotate(${shape.rotate} ${n(shape.x)} ${n(shape.y)})"` : '';
      const weight = shape.bold ? ' font-weight="bold"' : '';
      const family = !cjkScene && hasCjk(shape.text) ? ` font-family="${escape(CJK_FONT_FAMILY)}"` : '';
      const tooltip = shape.full && shape.full !== shape.text ? `<title>${escape(shape.full)}</title>` : '';
      return `<text x="${n(shape.x)}" y="${n(shape.y)}" font-size="${n(shape.size)}" text-anchor="${shape.anchor}"${weight}${family}${rotate} ${paint(shape)}>${tooltip}${escape(shape.text)}</text>`;
    }
  }
}

/**
 * Writes a scene as a standalone SVG sized in millimetres (print it at 100 % for the real size).
 * Shortened titles keep their full text in a `<title>`, so nothing is lost to the ellipsis.
 * A Japanese scene, and any text with kana or kanji, names the CJK face first.
 */
export function sceneToSvg(scene: Scene): string {
  const cjkScene = scene.language === 'ja';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}mm" height="${scene.height}mm" viewBox="0 0 ${scene.width} ${scene.height}" font-family="${escape(cjkScene ? CJK_FONT_FAMILY : FONT_FAMILY)}">`,
    `<title>${escape(scene.title)}</title>`,
    `<rect x="0" y="0" width="${scene.width}" height="${scene.height}" fill="#ffffff"/>`,
    ...scene.shapes.map((shape) => element(shape, cjkScene)),
    '</svg>',
    '',
  ].join('\n');
}
