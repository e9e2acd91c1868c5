import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { DomainError } from '../../core/errors';

/**
 * The backup file: gzip'd JSON lines, the same whichever store wrote it.
 *
 * ```
 * {"format":"catchball-backup","version":1,"createdAt":"…","migrations":[…],"tables":[{"name":"units","columns":[…]},…]}
 * {"table":"units","row":{"id":"cso",…}}          one line per row, tables in header order, rows by primary key
 * {"end":true,"rows":{"units":12,…}}              the trailer: a file cut short at a line boundary lacks it
 * ```
 * Each row is PostgreSQL's own `row_to_json` text, written and read back without passing through
 * JavaScript numbers or dates: timestamps keep their microseconds and offset, dates stay text,
 * bigints and doubles keep every digit, jsonb stays JSON.
 */
export const BACKUP_FORMAT = 'catchball-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** Migrations applied to the store backed up, in order: the schema its rows fit. */
  migrations: string[];
  tables: { name: string; columns: string[] }[];
}

export interface BackupTrailer {
  end: true;
  rows: Record<string, number>;
}

/** The start of a row line of `table`; the rest of the line is the row's JSON and a closing brace. */
export const rowLinePrefix = (table: string): string => `{"table":${JSON.stringify(table)},"row":`;

/** A corrupt or foreign file: a `validation_failed` naming the file and what is wrong. */
export function corrupt(file: string, problem: string): DomainError {
  return new DomainError('validation_failed', `${file} is not a usable Catchball backup: ${problem}`);
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Parses and checks the first line. @throws DomainError `validation_failed` for anything else. */
export function parseHeader(file: string, line: string | undefined): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(line ?? '');
  } catch {
    throw corrupt(
      file,
      'the first line is not a backup header (is it a gzip file written by `catchball backup`?)',
    );
  }
  const header = value as Partial<BackupHeader> | null;
  if (header?.format !== BACKUP_FORMAT) throw corrupt(file, 'the first line is not a backup header');
  if (header.version !== BACKUP_VERSION)
    throw corrupt(
      file,
      `format version ${String(header.version)} is not supported (this build reads version ${BACKUP_VERSION})`,
    );
  const tablesOk =
    Array.isArray(header.tables) &&
    header.tables.every((table) => typeof table.name === 'string' && isStringArray(table.columns));
  if (!isStringArray(header.migrations) || !tablesOk || typeof header.createdAt !== 'string')
    throw corrupt(file, 'the header lacks its migrations, tables or creation time');
  return header as BackupHeader;
}

/** Parses the trailer line, or null when `line` is not one. */
export function parseTrailer(line: string): BackupTrailer | null {
  if (!line.startsWith('{"end":')) return null;
  const value = JSON.parse(line) as Partial<BackupTrailer>;
  if (value.end !== true || typeof value.rows !== 'object') return null;
  return value as BackupTrailer;
}

/**
 * The lines of a gzip'd file, read as a stream so a large backup never sits in memory whole.
 * A truncated or damaged gzip stream rejects the iteration (zlib checks length and CRC).
 */
export async function* readBackupLines(file: string): AsyncGenerator<string> {
  const input = pipeline(createReadStream(file), createGunzip(), () => undefined);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const lines = (pending + decoder.write(chunk)).split('\n');
      pending = lines.pop() ?? '';
      yield* lines;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    throw corrupt(file, `the file is damaged or cut short (${message})`);
  }
  pending += decoder.end();
  if (pending !== '') yield pending;
}
