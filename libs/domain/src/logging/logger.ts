import pino, { type DestinationStream, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';

/**
 * The structured log of the api and the worker (pino): one JSON object per line and event, with `level`, `time`
 * (ISO 8601), `component` (`api` or `worker`; `context` names the part, e.g. `GraphQL` or `Activity`), `msg` and, for
 * the events an operator counts, `event` plus ids (case, workflow, delivery kind…). **No personal data**: never a name,
 * an e-mail address or text someone typed — ids, codes and counts only. Errors go through `describeError` (safe-log.ts).
 *
 * LOG_FORMAT=pretty prints a readable line instead (development; `npm start` sets it); LOG_LEVEL chooses the level
 * (`debug`, `info` — the default —, `warn`, `error`).
 */
export type LogFormat = 'json' | 'pretty';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogConfig {
  format: LogFormat;
  level: LogLevel;
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** LOG_FORMAT (`json` | `pretty`, default json) and LOG_LEVEL (default info); anything else is refused at start-up. */
export function logConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LogConfig {
  const format = (env.LOG_FORMAT || 'json').toLowerCase();
  if (format !== 'json' && format !== 'pretty') throw new Error(`LOG_FORMAT must be json or pretty (is "${env.LOG_FORMAT}")`);
  const level = (env.LOG_LEVEL || 'info').toLowerCase() as LogLevel;
  if (!LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')} (is "${env.LOG_LEVEL}")`);
  return { format, level };
}

/** Fields of a log line besides the message: ids, codes, counts and durations only (no names, e-mails or free text). */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export type StructuredLogger = Logger;

/**
 * The process's logger for `component`. Lines go to stdout through `process.stdout.write` (so a test can read them),
 * unless `destination` is given.
 */
export function createLogger(component: string, config: LogConfig = logConfigFromEnv(), destination?: DestinationStream): StructuredLogger {
  const out: DestinationStream = destination ?? { write: (line: string) => void process.stdout.write(line) };
  let stream = out;
  if (config.format === 'pretty') {
    const prettify = prettyFactory({ colorize: false, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,component,context', messageFormat: '[{component}{if context}/{context}{end}] {msg}' });
    stream = { write: (line: string) => out.write(prettify(line)) };
  }
  return pino(
    {
      level: config.level,
      base: { component },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
}
