import type { Logger as TypeormLogger, LoggerOptions } from 'typeorm';

/**
 * Logging without personal data. Database errors and their statements reach the logs only through these functions:
 * never the statement's parameters, literal values in the SQL replaced by `?`, and quoted values in error messages
 * (PostgreSQL writes the offending value into messages such as `invalid input syntax for type uuid: "…"`) replaced
 * by `…`. Names of tables, columns and constraints stay: they are what an operator needs.
 */

const MAX_SQL = 600;
const MAX_MESSAGE = 300;

/** The SQL text with every literal (strings, dollar-quoted strings, numbers) replaced by `?`, on one line. */
export function redactSql(sql: string): string {
  const text = sql
    .replace(/\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$/g, '?') // dollar-quoted strings
    .replace(/\b[Ee]'(?:[^'\\]|\\.|'')*'/g, '?') // E'…' (backslash escapes)
    .replace(/(?:\b(?:[BbXx]|[Uu]&))?'(?:[^']|'')*'/g, '?') // '…', B'…', X'…', U&'…'
    .replace(/(?<![\w$"])-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b/g, '?') // numbers, not inside identifiers or $1
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > MAX_SQL ? `${text.slice(0, MAX_SQL)}…` : text;
}

/** An error message with quoted values, JSON-like criteria and long digit runs removed. */
export function redactMessage(message: string): string {
  const text = message
    .split('\n')[0]
    .replace(/'(?:[^']|'')*'/g, "'…'")
    .replace(/(:|near|value|token|for) "(?:[^"\\]|\\.|"")*"/g, '$1 "…"')
    .replace(/(matching|criteria|where|with)\s*:?\s*\{[\s\S]*\}/gi, '$1 {…}')
    .replace(/\b\d{4,}\b/g, '…');
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/**
 * One line for the log about an error: its name, its SQLSTATE (database errors), its redacted message and where it
 * happened (the stack frames, which hold file names, not data) — never the message's values, parameters or details.
 */
export function describeError(error: unknown, options: { frames?: number } = {}): string {
  if (!(error instanceof Error)) return `non-Error thrown (${typeof error})`;
  const sqlState = (error as { code?: unknown }).code;
  const state = typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState) ? ` [SQLSTATE ${sqlState}]` : '';
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, options.frames ?? 8);
  return [`${error.name}${state}: ${redactMessage(error.message)}`, ...frames].join('\n');
}

type Write = (line: string) => void;

/**
 * TypeORM's logger for every DataSource of Zorgroute (`dataSourceOptions`): a failed statement is logged with its
 * SQLSTATE, the redacted message and the redacted SQL — TypeORM's own loggers print every parameter of it. Query
 * logging (when switched on for debugging) is redacted the same way. `logging` chooses what is logged, as in TypeORM.
 */
export class SafeTypeormLogger implements TypeormLogger {
  constructor(
    private readonly logging: LoggerOptions = ['error', 'migration'],
    private readonly write: Write = (line) => process.stderr.write(`${line}\n`),
  ) {}

  logQuery(query: string): void {
    if (this.enabled('query')) this.write(`[db] query: ${redactSql(query)}`);
  }

  logQueryError(error: string | Error, query: string): void {
    if (!this.enabled('error')) return;
    const reason = typeof error === 'string' ? redactMessage(error) : describeError(error, { frames: 0 });
    this.write(`[db] query failed: ${reason} — in: ${redactSql(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    if (this.enabled('warn')) this.write(`[db] slow query (${time} ms): ${redactSql(query)}`);
  }

  logSchemaBuild(message: string): void {
    if (this.enabled('schema')) this.write(`[db] ${message}`);
  }

  logMigration(message: string): void {
    if (this.enabled('migration')) this.write(`[db] ${message}`);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (this.enabled(level)) this.write(`[db] ${level}: ${redactMessage(String(message))}`);
  }

  private enabled(level: 'query' | 'error' | 'warn' | 'schema' | 'migration' | 'log' | 'info'): boolean {
    const l = this.logging;
    return l === 'all' || l === true || (Array.isArray(l) && l.includes(level));
  }
}
