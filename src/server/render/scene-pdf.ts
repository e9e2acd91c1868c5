import PDFDocument from 'pdfkit';
import { findCjkFont, findSansFont } from './fonts';
import { hasCjk, type Scene, type Shape } from './scene';

const POINTS_PER_MM = 72 / 25.4;

/**
 * Paints a scene into a one-page PDF of the scene's size (A3 landscape for the X-matrix): vector
 * shapes and real text, the same geometry as the SVG. Text of a Japanese scene, and any text with
 * kana or kanji, is set in the shipped CJK face (fonts.ts), embedded as a subset of the glyphs used.
 */
export function sceneToPdf(scene: Scene): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [scene.width * POINTS_PER_MM, scene.height * POINTS_PER_MM],
    margin: 0,
    info: { Title: scene.title, Creator: 'Catchball' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const faces = findSansFont();
  if (faces) {
    doc.registerFont('body', faces.regular);
    doc.registerFont('bold', faces.bold);
  }
  const cjk = findCjkFont();
  if (cjk) {
    doc.registerFont('cjk', cjk.regular);
    doc.registerFont('cjk-bold', cjk.bold);
  }
  const inCjk = (text: string) => cjk !== null && (scene.language === 'ja' || hasCjk(text));
  const font = (bold: boolean, text: string) => {
    if (inCjk(text)) return bold ? 'cjk-bold' : 'cjk';
    if (faces) return bold ? 'bold' : 'body';
    return bold ? 'Helvetica-Bold' : 'Helvetica';
  };
  const printable = (text: string) => (faces || inCjk(text) ? text : text.replace(/[^\u0020-\u00ff]/g, '?'));
  doc.scale(POINTS_PER_MM);
  for (const shape of scene.shapes) paint(doc, shape, font, printable);
  doc.end();
  return done;
}

function paint(
  doc: PDFKit.PDFDocument,
  shape: Shape,
  font: (bold: boolean, text: string) => string,
  printable: (text: string) => string,
): void {
  if (shape.type === 'text') {
    doc.save();
    doc.font(font(shape.bold ?? false, shape.text)).fontSize(shape.size);
    const text = printable(shape.text);
    const width = doc.widthOfString(text);
    const dx = shape.anchor === 'middle' ? -width / 2 : shape.anchor === 'end' ? -width : 0;
    if (shape.rotate) doc.rotate(shape.rotate, { origin: [shape.x, shape.y] });
    doc
      .fillColor(shape.fill ?? '#000000')
      .text(text, shape.x + dx, shape.y, { lineBreak: false, baseline: 'alphabetic' });
    doc.restore();
    return;
  }
  switch (shape.type) {
    case 'rect':
      doc.rect(shape.x, shape.y, shape.w, shape.h);
      break;
    case 'line':
      doc.moveTo(shape.x1, shape.y1).lineTo(shape.x2, shape.y2);
      break;
    case 'circle':
      doc.circle(shape.cx, shape.cy, shape.r);
      break;
    case 'polygon':
      doc.polygon(...shape.points.map(([x, y]) => [x, y]));
      break;
  }
  const fill = shape.type === 'line' ? undefined : shape.fill;
  const stroke = shape.stroke;
  if (stroke) doc.lineWidth(shape.strokeWidth ?? 0.2);
  if (fill && stroke) doc.fillAndStroke(fill, stroke);
  else if (fill) doc.fill(fill);
  else if (stroke) doc.stroke(stroke);
}
