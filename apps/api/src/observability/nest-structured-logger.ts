import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import type { LogFields, StructuredLogger } from '@zorgroute/domain';

/**
 * Nest's logger interface on the structured log (libs/domain/src/logging/logger.ts): every `new Logger('Context')` of
 * the api, and Nest's own start-up lines, become one JSON line each with `context` set to the Nest context (`component` stays `api`). Plain-object
 * parameters (e.g. `{ event, coveredUntil }`) become fields of the line; a stack passed to `error` becomes `stack`.
 */
export class NestStructuredLogger implements LoggerService {
  private readonly children = new Map<string, StructuredLogger>();

  constructor(private readonly root: StructuredLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  setLogLevels(levels: NestLogLevel[]): void {
    // The level comes from LOG_LEVEL (logConfigFromEnv); Nest's own list is ignored.
    void levels;
  }

  private write(level: 'debug' | 'info' | 'warn' | 'error', message: unknown, params: unknown[]): void {
    const rest = [...params];
    // Nest passes the context last (a Logger created with one) — a string after the optional parameters.
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: LogFields = {};
    for (const p of rest) {
      if (typeof p === 'string' && level === 'error' && /\n\s+at /.test(p)) fields.stack = p;
      else if (p && typeof p === 'object' && !Array.isArray(p) && !(p instanceof Error)) Object.assign(fields, p);
    }
    const logger = context ? this.child(context) : this.root;
    const text = message instanceof Error ? `${message.name}: ${message.message}` : typeof message === 'string' ? message : JSON.stringify(message);
    logger[level](fields, text);
  }

  private child(context: string): StructuredLogger {
    let child = this.children.get(context);
    if (!child) {
      child = this.root.child({ context });
      this.children.set(context, child);
    }
    return child;
  }
}
