import { existsSync } from 'node:fs';

/**
 * TrueType faces the PDF writer embeds, so any Unicode title prints (the PDF base fonts know
 * Latin-1 only). Debian's fonts-dejavu is the usual one; a server without it falls back to
 * Helvetica with characters outside Latin-1 replaced.
 */
const CANDIDATES = [
  {
    regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  },
  {
    regular: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    bold: '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  },
];

export function findSansFont(): { regular: string; bold: string } | null {
  return CANDIDATES.find((faces) => existsSync(faces.regular) && existsSync(faces.bold)) ?? null;
}
