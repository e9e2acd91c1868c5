import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

/** The faces of the CJK font Catchball ships: regular and bold TrueType files. */
export interface CjkFont {
  /** The family name fonts report (and SVG's font-family names). */
  family: string;
  regular: string;
  bold: string;
}

let cjk: CjkFont | null | undefined;

/**
 * BIZ UDPGothic (Morisawa's universal-design Gothic, SIL Open Font License 1.1), shipped by the npm
 * package @expo-google-fonts/biz-udpgothic: Japanese kana and kanji (JIS X 0213) with Latin, so a
 * Japanese export prints its labels and titles instead of empty boxes. The PDF writer embeds a
 * subset of it, only the glyphs used. Null when the package is not installed.
 */
export function findCjkFont(): CjkFont | null {
  if (cjk !== undefined) return cjk;
  try {
    const root = dirname(
      createRequire(import.meta.url).resolve('@expo-google-fonts/biz-udpgothic/package.json'),
    );
    const faces = {
      family: 'BIZ UDPGothic',
      regular: join(root, '400Regular', 'BIZUDPGothic_400Regular.ttf'),
      bold: join(root, '700Bold', 'BIZUDPGothic_700Bold.ttf'),
    };
    cjk = existsSync(faces.regular) && existsSync(faces.bold) ? faces : null;
  } catch {
    cjk = null;
  }
  return cjk;
}
