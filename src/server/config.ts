import { resolve } from 'node:path';
import type { StoreConfig } from './db/store';

/**
 * Server and CLI settings, from flags first, then the environment, then defaults:
 * - `DATABASE_URL`: use this PostgreSQL; otherwise the embedded store in the data directory.
 * - `CATCHBALL_DATA_DIR` / `--data-dir`: the embedded store's directory (default ./data).
 * - `PORT` / `--port` (default 3000) and `HOST` / `--host` (default 127.0.0.1: only this machine
 *   reaches a server started without a host, since the README publishes the demo administrator's
 *   password; the Docker image and a deployment set `HOST=0.0.0.0`).
 */
/** Loopback: a server started without a host answers this machine only. */
export const DEFAULT_HOST = '127.0.0.1';

export interface Settings {
  store: StoreConfig;
  port: number;
  host: string;
}

export interface SettingFlags {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  port?: string | number | undefined;
  host?: string | undefined;
}

export function resolveStoreConfig(flags: SettingFlags, env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const databaseUrl = flags.databaseUrl ?? env.DATABASE_URL;
  if (databaseUrl) return { databaseUrl };
  return { dataDir: resolve(flags.dataDir ?? env.CATCHBALL_DATA_DIR ?? './data') };
}

export function resolveSettings(flags: SettingFlags, env: NodeJS.ProcessEnv = process.env): Settings {
  const port = Number(flags.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port / PORT must be a port number, got ${String(flags.port ?? env.PORT)}`);
  return { store: resolveStoreConfig(flags, env), port, host: flags.host ?? env.HOST ?? DEFAULT_HOST };
}

/** Describes the store for logs without printing a password. */
export function describeStore(config: StoreConfig): string {
  if ('databaseUrl' in config) return `PostgreSQL at ${config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}`;
  if ('dataDir' in config) return `embedded PGlite in ${config.dataDir}`;
  return 'embedded PGlite (in memory)';
}

/**
 * SMTP for digests, from SMTP_HOST, SMTP_PORT (default 25) and SMTP_FROM (default
 * catchball@localhost); null when SMTP_HOST is unset, and digests then go to the webhook only.
 */
export function resolveSmtp(
  env: NodeJS.ProcessEnv = process.env,
): { host: string; port: number; from: string } | null {
  if (!env.SMTP_HOST) return null;
  const port = Number(env.SMTP_PORT ?? 25);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`SMTP_PORT must be a port number, got ${String(env.SMTP_PORT)}`);
  return { host: env.SMTP_HOST, port, from: env.SMTP_FROM ?? 'catchball@localhost' };
}

export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

/**
 * Whom to believe about the client's address and scheme (X-Forwarded-For / -Proto), from
 * CATCHBALL_TRUST_PROXY: unset or "false" → nobody (direct connections); "true" → any proxy;
 * a number → that many hops; otherwise a comma-separated list of addresses or CIDR ranges.
 */
export function resolveTrustProxy(env: NodeJS.ProcessEnv = process.env): TrustProxy {
  const value = env.CATCHBALL_TRUST_PROXY?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}
