import type { Logger as TemporalLogger, LogLevel, LogMetadata } from '@temporalio/common';
import type { LogFields, StructuredLogger } from '@zorgroute/domain';

const LEVEL: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

/**
 * The Temporal SDK's log (worker state, workflow task failures, activity retries, Core's own lines) on the structured
 * log, context `Temporal`. Its metadata (workflow and activity ids and types, task queue, attempt) becomes fields; an
 * error in it is reduced to its class name — SDK messages about a failed activity or workflow task carry the failure's
 * message, which may hold case data.
 */
export class TemporalLogAdapter implements TemporalLogger {
  private readonly logger: StructuredLogger;

  constructor(root: StructuredLogger) {
    this.logger = root.child({ context: 'Temporal' });
  }

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    this.logger[LEVEL[level] ?? 'info'](fieldsOf(meta), message);
  }

  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }

  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }

  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }

  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }

  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}

/** Metadata keys that may carry a failure's text or payloads: left out. */
const WITHHELD = new Set(['failure', 'message', 'stack', 'stackTrace', 'details', 'args', 'result', 'cause']);

export function fieldsOf(meta: LogMetadata | undefined): LogFields {
  const fields: LogFields = {};
  for (const [key, value] of Object.entries(meta ?? {})) {
    if (WITHHELD.has(key)) continue;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value as string | number | boolean | null;
    else if (value instanceof Error) fields[key] = value.name;
    else if (typeof value === 'bigint') fields[key] = Number(value);
  }
  return fields;
}
