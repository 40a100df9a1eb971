/**
 * Checks of single values of an import row; each returns a Dutch reason, or null when the value is fine. Names that
 * start with a formula character (=, +, -, @, tab, carriage return) are refused: a spreadsheet opening a later export
 * would run them (CSV injection), and no real name starts with one.
 */
import { assertIsoDate } from '../logic/calendar/iso-date';

const FORMULA_START = /^[=+\-@\t\r]/;
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const CONTROL = /[\u0000-\u001f\u007f]/;
const EMAIL = /^[^\s@",;<>()]+@[^\s@",;<>()]+\.[^\s@",;<>()]{2,}$/;
const SOURCE_ID = /^[A-Za-z0-9._:\-/]{1,100}$/;

export function checkName(label: string, value: string, max = 100): string | null {
  if (!value) return `${label} ontbreekt`;
  if (FORMULA_START.test(value)) return `${label} "${value.slice(0, 40)}" begint met een formuleteken (=, +, -, @); pas de naam aan in de administratie`;
  if (CONTROL.test(value)) return `${label} bevat een stuurteken`;
  if (value.length > max) return `${label} is langer dan ${max} tekens`;
  return null;
}

export function checkEmail(label: string, value: string): string | null {
  if (!value) return `${label} heeft geen e-mailadres`;
  if (value.length > 320 || !EMAIL.test(value) || FORMULA_START.test(value)) return `${label}: "${value.slice(0, 60)}" is geen geldig e-mailadres`;
  return null;
}

export function checkSourceId(label: string, value: string): string | null {
  if (!value) return `${label} ontbreekt`;
  if (!SOURCE_ID.test(value)) return `${label} "${value.slice(0, 40)}" bevat tekens die niet zijn toegestaan (alleen letters, cijfers en . _ : - /)`;
  return null;
}

/** A class name such as "2B" or "H4a": 1–20 characters. */
export function checkClassName(value: string): string | null {
  if (!value) return null;
  if (FORMULA_START.test(value) || CONTROL.test(value)) return `klas "${value.slice(0, 20)}" begint met een formuleteken of bevat een stuurteken`;
  if (value.length > 20) return `klas "${value.slice(0, 30)}" is langer dan 20 tekens`;
  return null;
}

/**
 * A date of birth as YYYY-MM-DD, or as the Dutch DD-MM-YYYY / D-M-YYYY (also with / or .), between 1990-01-01 and
 * today. Returns the ISO date or the Dutch reason.
 */
export function parseBirthDate(value: string, today: string): { date: string } | { reason: string } {
  const v = value.trim();
  let iso: string | null = null;
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  if (isoMatch) iso = v;
  else if (nl) iso = `${nl[3]}-${nl[2].padStart(2, '0')}-${nl[1].padStart(2, '0')}`;
  if (!v) return { reason: 'geboortedatum ontbreekt' };
  if (!iso) return { reason: `geboortedatum "${v.slice(0, 20)}" is geen datum (verwacht DD-MM-JJJJ of JJJJ-MM-DD)` };
  try {
    assertIsoDate(iso);
  } catch {
    return { reason: `geboortedatum "${v}" bestaat niet` };
  }
  if (iso < '1990-01-01' || iso > today) return { reason: `geboortedatum ${v} ligt niet tussen 1990 en vandaag` };
  return { date: iso };
}

/** Gezag: ja/nee (also j/n, true/false, 1/0); empty means ja. */
export function parseGezag(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'ja' || v === 'j' || v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'nee' || v === 'n' || v === 'false' || v === '0' || v === 'no') return false;
  return null;
}
