import { HOLIDAY_IMPORT_MAX_CHARS } from '@zorgroute/domain';
import { AppError } from '../common/app-error';

/** Longest text any argument may carry; each input class sets tighter limits of its own. */
export const MAX_TEXT = 10_000;
/**
 * Top-level arguments that carry a whole file's text, with their own longest length: `content`, the ministry's school
 * holiday file (several school years; the file reader checks the same limit with its own message).
 */
const FILE_TEXT_MAX: Readonly<Record<string, number>> = { content: HOLIDAY_IMPORT_MAX_CHARS };
/** Identifier arguments (`id`, `caseId`, `…Id`): workflow ids and UUIDs, nothing else. */
const IDENTIFIER = /^[A-Za-z0-9_.:-]{1,260}$/;
const ID_KEY = /(^id$|Id$)/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_ITEMS = 100;

function bad(problem: string): AppError {
  return new AppError('BAD_USER_INPUT', `Ongeldige invoer: ${problem}`, `Invalid input: ${problem}`, { problems: [problem] });
}

/** A real calendar day (2026-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * A second line of input validation in front of every operation, whatever its input class says:
 * no text longer than MAX_TEXT, no control characters, identifiers shaped like identifiers, every
 * ISO date a real calendar day, no list longer than MAX_ITEMS. Throws BAD_USER_INPUT; nothing runs.
 */
export function assertSafeArgs(value: unknown, path = ''): void {
  if (typeof value === 'string') {
    const key = path.split('.').pop() ?? '';
    const max = Object.prototype.hasOwnProperty.call(FILE_TEXT_MAX, path) ? (FILE_TEXT_MAX[path] as number) : MAX_TEXT;
    if (value.length > max) throw bad(`${path} is te lang (maximaal ${max} tekens)`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value)) throw bad(`${path} bevat ongeldige tekens`);
    if (ID_KEY.test(key) && !IDENTIFIER.test(value)) throw bad(`${path} is geen geldige id`);
    if (ISO_DATE.test(value) && !isCalendarDate(value)) throw bad(`${path} is geen bestaande datum`);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_ITEMS) throw bad(`${path} heeft te veel elementen (maximaal ${MAX_ITEMS})`);
    value.forEach((v, i) => assertSafeArgs(v, `${path}[${i}]`));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) assertSafeArgs(v, path ? `${path}.${k}` : k);
  }
}
