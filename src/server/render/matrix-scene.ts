import type { CorrelationStrength } from '../../core/correlation';
import type { MatrixItem, XMatrixView } from '../../contracts';
import { formatNumber } from '../i18n/formats';
import { shownPartNames } from '../i18n/part-names';
import { translatorFor, type Translator } from '../i18n/translator';
import { A3_LANDSCAPE, fitText, glyphUnits, type Scene, type Shape } from './scene';

type TextShape = Extract<Shape, { type: 'text' }>;

const MARGIN = 10;
const TITLE_BAND = 16;
const LEGEND_BAND = 12;
/** Smallest item text in millimetres (about 7 pt), legible on A3. */
const MIN_TEXT = 2.5;
/** Largest cell edge: bigger cells only waste paper. */
const MAX_CELL = 10;
const INK = '#1f2937';
const RULE = '#9ca3af';
const PART_FILL = {
  what: '#eef0ff',
  how_far: '#ecfdf8',
  how: '#fff8eb',
  how_much: '#fdf0f6',
  who: '#f3f5f8',
};

/**
 * Lays out an X-matrix on an A3 landscape page in its classic paper form: What south, How Far
 * west (text rotated to read upwards), How north, How Much east and Who far east (rotated to read
 * downwards), the four corner grids between neighbouring arms, the Who grid beside the How rows,
 * part names from the organisation in the four triangles of the centre, True North in the middle
 * and a legend. Cells shrink so that every item fits the page (legible down to about 20 items per
 * arm); titles too long for their band are shortened with an ellipsis and keep their full text.
 * Fixed labels (title, legend, True North, default part names) and numbers are in the
 * translator's language, English by default; what people wrote stays as written.
 */
export function buildMatrixScene(view: XMatrixView, translator: Translator = translatorFor('en')): Scene {
  const { items, organisation } = view;
  const { t } = translator;
  const names = shownPartNames(organisation.partNames, t);
  const count = (list: readonly MatrixItem[]) => Math.max(list.length, 1);
  const [W, F, H, M, O] = [
    count(items.what),
    count(items.how_far),
    count(items.how),
    count(items.how_much),
    count(items.who),
  ];
  const area = {
    x: MARGIN,
    y: MARGIN + TITLE_BAND,
    w: A3_LANDSCAPE.width - 2 * MARGIN,
    h: A3_LANDSCAPE.height - 2 * MARGIN - TITLE_BAND - LEGEND_BAND,
  };
  // A 100 mm centre leaves room for long titles; a crowded matrix trades some of it for bigger cells.
  const cellFor = (centre: number) =>
    Math.min(MAX_CELL, (area.h - centre) / (H + W), (area.w - centre) / (F + M + O));
  const c = cellFor(100) * 0.6 >= MIN_TEXT ? cellFor(100) : cellFor(80);
  const S = Math.min(area.h - (H + W) * c, area.w - (F + M + O) * c);
  const left = area.x + (area.w - ((F + M + O) * c + S)) / 2;
  const top = area.y + (area.h - ((H + W) * c + S)) / 2;
  const x = { howFar: left, centre: left + F * c, howMuch: left + F * c + S, who: left + F * c + S + M * c };
  const y = { how: top, centre: top + H * c, what: top + H * c + S };
  const size = Math.min(3.6, c * 0.6);
  const pad = Math.max(1, c * 0.25);
  const shapes: Shape[] = [];

  // Bands of the five lists, then one rule per item.
  shapes.push(
    {
      type: 'rect',
      x: x.centre,
      y: y.how,
      w: S,
      h: H * c,
      fill: PART_FILL.how,
      stroke: INK,
      strokeWidth: 0.35,
    },
    {
      type: 'rect',
      x: x.centre,
      y: y.what,
      w: S,
      h: W * c,
      fill: PART_FILL.what,
      stroke: INK,
      strokeWidth: 0.35,
    },
    {
      type: 'rect',
      x: x.howFar,
      y: y.centre,
      w: F * c,
      h: S,
      fill: PART_FILL.how_far,
      stroke: INK,
      strokeWidth: 0.35,
    },
    {
      type: 'rect',
      x: x.howMuch,
      y: y.centre,
      w: M * c,
      h: S,
      fill: PART_FILL.how_much,
      stroke: INK,
      strokeWidth: 0.35,
    },
    {
      type: 'rect',
      x: x.who,
      y: y.centre,
      w: O * c,
      h: S,
      fill: PART_FILL.who,
      stroke: INK,
      strokeWidth: 0.35,
    },
  );
  items.how.forEach((item, i) =>
    shapes.push(...rowTitle(item.title, x.centre, y.how + i * c, S, c, size, pad, 'how')),
  );
  items.what.forEach((item, k) =>
    shapes.push(...rowTitle(item.title, x.centre, y.what + k * c, S, c, size, pad, 'what')),
  );
  items.how_far.forEach((item, j) =>
    shapes.push(...columnTitle(item.title, x.howFar + j * c, y.centre, S, c, size, pad, -90, 'how_far')),
  );
  items.how_much.forEach((item, m) =>
    shapes.push(
      ...columnTitle(
        kpiLabel(item, translator),
        x.howMuch + m * c,
        y.centre,
        S,
        c,
        size,
        pad,
        90,
        'how_much',
      ),
    ),
  );
  items.who.forEach((item, w) =>
    shapes.push(...columnTitle(item.title, x.who + w * c, y.centre, S, c, size, pad, 90, 'who')),
  );

  // The four corner grids and the Who grid: empty cells, then the marks.
  const grids = [
    { id: 'how_far_how', gx: x.howFar, gy: y.how, cols: F, rows: H },
    { id: 'how_how_much', gx: x.howMuch, gy: y.how, cols: M, rows: H },
    { id: 'how_much_what', gx: x.howMuch, gy: y.what, cols: M, rows: W },
    { id: 'what_how_far', gx: x.howFar, gy: y.what, cols: F, rows: W },
    { id: 'who', gx: x.who, gy: y.how, cols: O, rows: H },
  ];
  for (const grid of grids) shapes.push(...cells(grid.gx, grid.gy, grid.cols, grid.rows, c));
  const index = (list: readonly MatrixItem[]) => new Map(list.map((item, i) => [item.id, i]));
  const at = {
    what: index(items.what),
    how_far: index(items.how_far),
    how: index(items.how),
    how_much: index(items.how_much),
    who: index(items.who),
  };
  for (const correlation of view.correlations) {
    const place = (col: number | undefined, row: number | undefined, gx: number, gy: number) =>
      col === undefined || row === undefined ? null : { cx: gx + (col + 0.5) * c, cy: gy + (row + 0.5) * c };
    const spot =
      correlation.grid === 'how_far_how'
        ? place(at.how_far.get(correlation.fromId), at.how.get(correlation.toId), x.howFar, y.how)
        : correlation.grid === 'how_how_much'
          ? place(at.how_much.get(correlation.toId), at.how.get(correlation.fromId), x.howMuch, y.how)
          : correlation.grid === 'how_much_what'
            ? place(at.how_much.get(correlation.fromId), at.what.get(correlation.toId), x.howMuch, y.what)
            : place(at.how_far.get(correlation.toId), at.what.get(correlation.fromId), x.howFar, y.what);
    if (spot) shapes.push(strengthMark(correlation.strength, spot.cx, spot.cy, c * 0.3));
  }
  for (const ownership of view.ownerships) {
    const col = at.who.get(ownership.whoId);
    const row = at.how.get(ownership.initiativeId);
    if (col === undefined || row === undefined) continue;
    const cx = x.who + (col + 0.5) * c;
    const cy = y.how + (row + 0.5) * c;
    shapes.push(
      ownership.role === 'primary'
        ? { type: 'circle', cx, cy, r: c * 0.3, fill: INK, className: 'owner owner-primary' }
        : {
            type: 'circle',
            cx,
            cy,
            r: c * 0.26,
            fill: '#ffffff',
            stroke: INK,
            strokeWidth: c * 0.08,
            className: 'owner owner-secondary',
          },
    );
  }

  shapes.push(...centre(x.centre, y.centre, S, names, view.matrix.trueNorth, t('export:trueNorth')));
  if (W * c >= 4)
    shapes.push({
      type: 'text',
      x: x.who + (O * c) / 2,
      y: y.what + (W * c) / 2 + 1.2,
      text: fitText(names.who, 3.4, O * c - 2),
      full: names.who,
      size: 3.4,
      anchor: 'middle',
      bold: true,
      fill: INK,
      className: 'part-name',
    });
  const title = t('export:title', { unit: view.unit.name, year: String(view.matrix.year) });
  shapes.push(...titleBand(view, title), ...legend(t));
  return { ...A3_LANDSCAPE, title, shapes, language: translator.language };
}

/**
 * "MTTD (24 → 8 h)": a KPI's title with its baseline and target, as the paper template shows them.
 * Numbers are written for the reader's locale (24,5 in German); English keeps JavaScript's digits.
 */
function kpiLabel(item: MatrixItem, translator: Translator): string {
  if (item.baseline === null || item.target === null) return item.title;
  const number = (value: number) => formatNumber(translator, value);
  return `${item.title} (${number(item.baseline)} → ${number(item.target)}${item.unitOfMeasure ? ` ${item.unitOfMeasure}` : ''})`;
}

function rowTitle(
  title: string,
  x: number,
  y: number,
  length: number,
  c: number,
  size: number,
  pad: number,
  part: string,
): Shape[] {
  return [
    { type: 'line', x1: x, y1: y + c, x2: x + length, y2: y + c, stroke: RULE, strokeWidth: 0.15 },
    {
      type: 'text',
      x: x + pad,
      y: y + c / 2 + size * 0.35,
      text: fitText(title, size, length - 2 * pad),
      full: title,
      size,
      anchor: 'start',
      fill: INK,
      className: `item item-${part}`,
    },
  ];
}

function columnTitle(
  title: string,
  x: number,
  y: number,
  length: number,
  c: number,
  size: number,
  pad: number,
  rotate: -90 | 90,
  part: string,
): Shape[] {
  return [
    { type: 'line', x1: x + c, y1: y, x2: x + c, y2: y + length, stroke: RULE, strokeWidth: 0.15 },
    {
      type: 'text',
      x: rotate === -90 ? x + c / 2 + size * 0.35 : x + c / 2 - size * 0.35,
      y: rotate === -90 ? y + length - pad : y + pad,
      text: fitText(title, size, length - 2 * pad),
      full: title,
      size,
      anchor: 'start',
      rotate,
      fill: INK,
      className: `item item-${part}`,
    },
  ];
}

function cells(x: number, y: number, cols: number, rows: number, c: number): Shape[] {
  const shapes: Shape[] = [
    { type: 'rect', x, y, w: cols * c, h: rows * c, fill: '#ffffff', stroke: INK, strokeWidth: 0.35 },
  ];
  for (let i = 1; i < cols; i++)
    shapes.push({
      type: 'line',
      x1: x + i * c,
      y1: y,
      x2: x + i * c,
      y2: y + rows * c,
      stroke: RULE,
      strokeWidth: 0.12,
    });
  for (let j = 1; j < rows; j++)
    shapes.push({
      type: 'line',
      x1: x,
      y1: y + j * c,
      x2: x + cols * c,
      y2: y + j * c,
      stroke: RULE,
      strokeWidth: 0.12,
    });
  return shapes;
}

/** ● strong, ○ medium, △ weak, drawn as shapes so every format and font shows them alike. */
export function strengthMark(strength: CorrelationStrength, cx: number, cy: number, r: number): Shape {
  const className = `mark mark-${strength}`;
  switch (strength) {
    case 'strong':
      return { type: 'circle', cx, cy, r, fill: INK, className };
    case 'medium':
      return {
        type: 'circle',
        cx,
        cy,
        r: r * 0.88,
        fill: '#ffffff',
        stroke: INK,
        strokeWidth: r * 0.28,
        className,
      };
    case 'weak':
      return {
        type: 'polygon',
        points: [
          [cx, cy - r],
          [cx + r * 0.95, cy + r * 0.75],
          [cx - r * 0.95, cy + r * 0.75],
        ],
        fill: '#ffffff',
        stroke: INK,
        strokeWidth: r * 0.24,
        className,
      };
  }
}

function centre(
  x: number,
  y: number,
  S: number,
  names: XMatrixView['organisation']['partNames'],
  trueNorth: string,
  trueNorthLabel: string,
): Shape[] {
  const size = Math.min(4.2, S / 22);
  const label = (text: string, lx: number, ly: number, rotate: -90 | 0 | 90): TextShape => ({
    type: 'text',
    x: lx,
    y: ly,
    text: fitText(text, size, S * 0.64),
    full: text,
    size,
    anchor: 'middle',
    rotate,
    bold: true,
    fill: INK,
    className: 'part-name',
  });
  const shapes: Shape[] = [
    { type: 'rect', x, y, w: S, h: S, fill: '#ffffff', stroke: INK, strokeWidth: 0.5 },
    { type: 'line', x1: x, y1: y, x2: x + S, y2: y + S, stroke: INK, strokeWidth: 0.35 },
    { type: 'line', x1: x + S, y1: y, x2: x, y2: y + S, stroke: INK, strokeWidth: 0.35 },
    label(names.how, x + S / 2, y + S * 0.17, 0),
    label(names.what, x + S / 2, y + S * 0.87, 0),
    label(names.how_far, x + S * 0.15, y + S / 2, -90),
    label(names.how_much, x + S * 0.85, y + S / 2, 90),
  ];
  if (trueNorth.trim() !== '') {
    const small = size * 0.8;
    const lines = wrap(trueNorth.trim(), Math.floor((S * 0.36) / (small * 0.56)), 4);
    const boxH = (lines.length + 1) * small * 1.3 + 2;
    shapes.push({
      type: 'rect',
      x: x + S * 0.31,
      y: y + S / 2 - boxH / 2,
      w: S * 0.38,
      h: boxH,
      fill: '#fefce8',
      stroke: INK,
      strokeWidth: 0.25,
    });
    shapes.push({
      ...label(trueNorthLabel, x + S / 2, y + S / 2 - boxH / 2 + small * 1.3 + 0.5, 0),
      size: small,
      className: 'true-north',
    });
    lines.forEach((line, i) =>
      shapes.push({
        type: 'text',
        x: x + S / 2,
        y: y + S / 2 - boxH / 2 + small * 1.3 * (i + 2) + 0.5,
        text: line,
        size: small,
        anchor: 'middle',
        fill: INK,
        className: 'true-north',
      }),
    );
  }
  return shapes;
}

/**
 * Greedy word wrap to at most `maxLines` lines of `width` characters; the last one ends in … when
 * cut. Text without spaces (Japanese) breaks between characters, a full-width one counting double.
 */
function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text
    .split(/\s+/)
    .flatMap((word) => (glyphUnits(word) > width ? chunks(word, width) : [word]));
  for (const word of words) {
    if (line !== '' && glyphUnits(`${line} ${word}`) > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = '';
  for (const char of kept[maxLines - 1] ?? '') {
    if (glyphUnits(last + char) > width - 1) break;
    last += char;
  }
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/** A word too long for a line, cut into pieces of at most `width` glyph units. */
function chunks(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && glyphUnits(piece + char) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

function titleBand(view: XMatrixView, title: string): Shape[] {
  const baseline = MARGIN + 9;
  return [
    {
      type: 'text',
      x: MARGIN,
      y: baseline,
      text: title,
      size: 7,
      anchor: 'start',
      bold: true,
      fill: INK,
      className: 'page-title',
    },
    {
      type: 'text',
      x: A3_LANDSCAPE.width - MARGIN,
      y: baseline,
      text: view.organisation.name,
      size: 4.5,
      anchor: 'end',
      fill: INK,
    },
    {
      type: 'line',
      x1: MARGIN,
      y1: MARGIN + 12,
      x2: A3_LANDSCAPE.width - MARGIN,
      y2: MARGIN + 12,
      stroke: INK,
      strokeWidth: 0.3,
    },
  ];
}

function legend(t: Translator['t']): Shape[] {
  const y = A3_LANDSCAPE.height - MARGIN - 3;
  const size = 3.4;
  const shapes: Shape[] = [];
  let x = MARGIN;
  const entry = (mark: Shape, text: string) => {
    shapes.push(
      { ...mark, className: 'legend' },
      { type: 'text', x: x + 3.5, y: y + 1.2, text, size, anchor: 'start', fill: INK, className: 'legend' },
    );
    x += 3.5 + glyphUnits(text) * size * 0.56 + 5;
  };
  /** A heading's width, never less than the room the English one was given. */
  const heading = (text: string, least: number) => Math.max(least, glyphUnits(text) * size * 0.56 + 4);
  const correlation = t('export:legend.correlation');
  const owner = t('export:legend.owner');
  shapes.push({
    type: 'text',
    x,
    y: y + 1.2,
    text: correlation,
    size,
    anchor: 'start',
    bold: true,
    fill: INK,
    className: 'legend',
  });
  x += heading(correlation, 27);
  entry(strengthMark('strong', x + 1.2, y, 1.6), t('export:legend.strong'));
  entry(strengthMark('medium', x + 1.2, y, 1.6), t('export:legend.medium'));
  entry(strengthMark('weak', x + 1.2, y, 1.6), t('export:legend.weak'));
  x += 6;
  shapes.push({
    type: 'text',
    x,
    y: y + 1.2,
    text: owner,
    size,
    anchor: 'start',
    bold: true,
    fill: INK,
    className: 'legend',
  });
  x += heading(owner, 16);
  entry({ type: 'circle', cx: x + 1.2, cy: y, r: 1.6, fill: INK }, t('export:legend.primary'));
  entry(
    { type: 'circle', cx: x + 1.2, cy: y, r: 1.4, fill: '#ffffff', stroke: INK, strokeWidth: 0.4 },
    t('export:legend.secondary'),
  );
  return shapes;
}
