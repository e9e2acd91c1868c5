import type { Language } from '../../core/languages';

/**
 * A drawing as a flat list of shapes in millimetres, origin top left: what the X-matrix layout
 * produces and what the SVG and PDF writers paint, so every format shows the same geometry.
 */
export interface Paint {
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  /** A class for tests and styling (`mark mark-strong`); ignored by the PDF writer. */
  className?: string;
}

export type Shape =
  | ({ type: 'rect'; x: number; y: number; w: number; h: number } & Paint)
  | ({ type: 'line'; x1: number; y1: number; x2: number; y2: number } & Paint)
  | ({ type: 'circle'; cx: number; cy: number; r: number } & Paint)
  | ({ type: 'polygon'; points: readonly (readonly [number, number])[] } & Paint)
  | ({
      type: 'text';
      /** Where the baseline starts (or is centred, or ends, by `anchor`), before rotation. */
      x: number;
      y: number;
      text: string;
      /** Font size in millimetres. */
      size: number;
      anchor: 'start' | 'middle' | 'end';
      /** Degrees clockwise about (x, y): -90 reads bottom to top, 90 top to bottom. */
      rotate?: -90 | 0 | 90;
      bold?: boolean;
      /** The full text when `text` was shortened to fit (a tooltip in SVG). */
      full?: string;
    } & Paint);

export interface Scene {
  /** Page size in millimetres. */
  width: number;
  height: number;
  title: string;
  shapes: Shape[];
  /** The language its fixed labels are in (English when absent); Japanese prints in the CJK face. */
  language?: Language;
}

/** A3 landscape, the paper size lean teams print the X-matrix on. */
export const A3_LANDSCAPE = { width: 420, height: 297 } as const;

/** Average glyph width of the sans-serif faces used, as a share of the font size (a safe overestimate). */
const GLYPH_WIDTH = 0.53;

/** Kana, kanji, CJK punctuation and full-width forms: the characters the CJK face prints. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Whether text has characters only a CJK face prints (Latin faces show them as empty boxes). */
export function hasCjk(text: string): boolean {
  return WIDE.test(text);
}

/** A full-width character is about one em wide: this many average Latin glyphs. */
const WIDE_UNITS = 1 / GLYPH_WIDTH;

/** Text's width in average Latin glyphs (a full-width character counts {@link WIDE_UNITS}). */
export function glyphUnits(text: string): number {
  let units = 0;
  for (const char of text) units += WIDE.test(char) ? WIDE_UNITS : 1;
  return units;
}

/** Shortens text with an ellipsis so it fits `length` millimetres at `size`. */
export function fitText(text: string, size: number, length: number): string {
  const max = Math.max(1, Math.floor(length / (size * GLYPH_WIDTH)));
  if (glyphUnits(text) <= max) return text;
  let kept = '';
  let units = 0;
  for (const char of text) {
    const next = WIDE.test(char) ? WIDE_UNITS : 1;
    if (units + next > max - 1) break;
    kept += char;
    units += next;
  }
  return `${kept.trimEnd()}…`;
}
