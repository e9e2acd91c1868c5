import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DomainError } from '../../../core/errors';

/**
 * Connector secrets encrypted at rest with AES-256-GCM. The key is CATCHBALL_SECRET_KEY (32 bytes
 * as 64 hex digits or base64); without it, the embedded store keeps a key of its own in its data
 * directory (`secret.key`, mode 0600, created on first use). A PostgreSQL deployment has no such
 * directory shared by its servers, so there an encrypted secret needs CATCHBALL_SECRET_KEY. Stored
 * form: `v1.<iv>.<tag>.<ciphertext>`, base64url; a changed key or a tampered value fails to open.
 */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export interface SecretKeySource {
  /** CATCHBALL_SECRET_KEY's value, if set. */
  envKey?: string | undefined;
  /** Where the embedded store keeps a generated key; null when there is none (PostgreSQL). */
  keyFile?: string | null | undefined;
}

const PREFIX = 'v1';

/** The secret box over the key of `source`, resolved (and, for a key file, created) on first use. */
export function createSecretBox(source: SecretKeySource): SecretBox {
  let key: Buffer | null = null;
  const keyOf = (): Buffer => (key ??= resolveKey(source));
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyOf(), iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [PREFIX, iv, cipher.getAuthTag(), body]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [prefix, iv, tag, body] = sealed.split('.');
      if (prefix !== PREFIX || !iv || !tag || body === undefined)
        throw new DomainError('invariant_violated', 'The stored secret is not in a form this server reads');
      try {
        const decipher = createDecipheriv('aes-256-gcm', keyOf(), Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new DomainError(
          'invariant_violated',
          "The stored secret cannot be decrypted with this server's key (was CATCHBALL_SECRET_KEY changed?); set the secret again",
        );
      }
    },
  };
}

function resolveKey(source: SecretKeySource): Buffer {
  if (source.envKey) return parseKey(source.envKey);
  if (!source.keyFile)
    throw new DomainError(
      'validation_failed',
      'No key to encrypt secrets with: set CATCHBALL_SECRET_KEY (32 bytes, as 64 hex digits or base64) on every app server, or name an environment variable instead',
      {
        issues: [
          { path: 'body.secret', message: 'set CATCHBALL_SECRET_KEY, or use an environment variable' },
        ],
      },
    );
  if (existsSync(source.keyFile)) return parseKey(readFileSync(source.keyFile, 'utf8').trim());
  const generated = randomBytes(32);
  // `wx`: two first uses racing keep one key; the loser reads the winner's.
  try {
    writeFileSync(source.keyFile, generated.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(source.keyFile, 0o600);
    return generated;
  } catch {
    return parseKey(readFileSync(source.keyFile, 'utf8').trim());
  }
}

function parseKey(text: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32)
    throw new DomainError(
      'invariant_violated',
      'CATCHBALL_SECRET_KEY must be 32 bytes: 64 hex digits or 44 characters of base64',
    );
  return key;
}
