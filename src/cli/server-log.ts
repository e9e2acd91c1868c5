import pretty from 'pino-pretty';

/**
 * How `catchball serve` writes its log, so that one output never mixes two formats:
 * - `silent` (LOG_LEVEL=silent): no request log; the start-up lines as plain text.
 * - `pretty` (a terminal, unless LOG_FORMAT=json): request lines made readable, start-up lines as text.
 * - `json` (anything else: a container, systemd, a pipe; or LOG_FORMAT=json): one JSON object a line,
 *   the start-up lines included, for a log collector to parse.
 */
export type LogFormat = 'silent' | 'pretty' | 'json';

/** The format for this environment; `isTerminal` is whether stdout is a TTY. */
export function resolveLogFormat(env: NodeJS.ProcessEnv, isTerminal: boolean): LogFormat {
  if (env.LOG_LEVEL === 'silent') return 'silent';
  if (env.LOG_FORMAT === 'json') return 'json';
  if (env.LOG_FORMAT === 'pretty') return 'pretty';
  return isTerminal ? 'pretty' : 'json';
}

/** Fastify's `logger` option for a format. */
export function loggerOptions(
  format: LogFormat,
  env: NodeJS.ProcessEnv,
): false | { level: string; stream?: { write(line: string): void } } {
  const level = env.LOG_LEVEL ?? 'info';
  if (format === 'silent') return false;
  if (format === 'json') return { level };
  return { level, stream: pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }) };
}

/** Writes a start-up line in the format: text, or a JSON log entry through the server's logger. */
export function announcer(
  format: LogFormat,
  logger: { info(fields: object, message: string): void },
): (line: string) => void {
  if (format !== 'json') return (line) => console.log(line);
  return (line) => logger.info({ startup: true }, line.trim());
}
