// Console output helpers: every line the scripts print starts with `[zorgroute]`, and errors
// that stop a script are `ZorgrouteError`s, printed without a stack trace.

const useColor = process.stdout.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';

const codes = { reset: 0, bold: 1, dim: 2, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90 };

/** Wrap text in an ANSI colour when stdout is a terminal. */
export function color(name, text) {
  if (!useColor || !(name in codes)) return text;
  return `\u001b[${codes[name]}m${text}\u001b[0m`;
}

export const PREFIX = '[zorgroute]';

/** A progress line. */
export function log(message) {
  process.stdout.write(`${color('cyan', PREFIX)} ${message}\n`);
}

/** A warning line (stdout, so it stays in order with the progress lines). */
export function warn(message) {
  process.stdout.write(`${color('yellow', `${PREFIX} WARNING:`)} ${message}\n`);
}

/** An error line (stderr). */
export function logError(message) {
  process.stderr.write(`${color('red', `${PREFIX} ERROR:`)} ${message}\n`);
}

/** An expected failure: printed as a clear message with an optional hint, never as a stack trace. */
export class ZorgrouteError extends Error {
  /**
   * @param {string} message what could not be done or obtained
   * @param {{ hint?: string, details?: string, cause?: unknown }} [options]
   */
  constructor(message, options = {}) {
    super(message, options.cause ? { cause: options.cause } : undefined);
    this.name = 'ZorgrouteError';
    this.hint = options.hint;
    this.details = options.details;
  }
}

/** Print any error thrown by a script in a readable way. Stack traces only with ZR_DEBUG=1. */
export function reportError(error) {
  if (error instanceof ZorgrouteError) {
    logError(error.message);
    if (error.details) process.stderr.write(`${error.details.replace(/\s+$/, '')}\n`);
    if (error.hint) process.stderr.write(`${color('yellow', `${PREFIX} hint:`)} ${error.hint}\n`);
    if (process.env.ZR_DEBUG === '1' && error.stack) process.stderr.write(`${error.stack}\n`);
  } else {
    logError(error instanceof Error ? error.message : String(error));
    if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  }
}

/** Format a duration in milliseconds for humans. */
export function formatDuration(ms) {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes} min ${seconds} s`;
}

/** Print lines in a box (for the "everything is running" summary). Empty string: blank line. */
export function box(lines) {
  // eslint-disable-next-line no-control-regex
  const visible = (s) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
  const width = Math.max(...lines.map(visible));
  const out = [`┌${'─'.repeat(width + 2)}┐`];
  for (const line of lines) out.push(`│ ${line}${' '.repeat(width - visible(line))} │`);
  out.push(`└${'─'.repeat(width + 2)}┘`);
  process.stdout.write(`${out.join('\n')}\n`);
}
