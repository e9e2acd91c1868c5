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
}

/** A3 landscape, the paper size lean teams print the X-matrix on. */
export const A3_LANDSCAPE = { width: 420, height: 297 } as const;

/** Average glyph width of the sans-serif faces used, as a share of the font size (a safe overestimate). */
const GLYPH_WIDTH = 0.53;

/** Shortens text with an ellipsis so it fits `length` millimetres at `size`. */
export function fitText(text: string, size: number, length: number): string {
  const max = Math.max(1, Math.floor(length / (size * GLYPH_WIDTH)));
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
