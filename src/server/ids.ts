import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A new readable id such as `kr_4f9x0q2m7a`: the prefix names the kind, ten random characters follow. */
export function newId(prefix: string): string {
  const bytes = randomBytes(10);
  let suffix = '';
  for (const byte of bytes) suffix += ALPHABET.charAt(byte % ALPHABET.length);
  return `${prefix}_${suffix}`;
}
