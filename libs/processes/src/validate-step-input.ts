/**
 * Checks a step's input against its definition: the same function in the workflow's update validator, the api and
 * the admin's form, so all three refuse the same input with the same Dutch message. Pure and deterministic.
 */
import type { Bound, Condition, FieldDefinition, StepDefinition } from './step-definition';
import { RESERVED_FIELDS } from './step-definition';

export interface StepInputContext {
  /** The effective policy of the case's school (to resolve `{ policy: 'a.b' }` bounds). */
  policies: object;
  /** Today in Europe/Amsterdam, YYYY-MM-DD (for `notFuture` / `notPast`). */
  today: string;
}

export interface FieldError {
  /** Path of the field, e.g. `extensionWeeks` or `decisions.0.kind`. */
  field: string;
  nl: string;
  en: string;
}

const TEXT_MAX = 200;
const LONG_TEXT_MAX = 4000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A record id (uuid, or a test's short id). */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Kinds whose value is a list (an empty list is their empty value). */
const LISTS: ReadonlySet<string> = new Set(['list', 'choices', 'textList', 'schools']);

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The number a bound stands for under these policies; throws when a policy key does not exist (a definition bug). */
export function resolveBound(bound: Bound, policies: object): number {
  if (typeof bound === 'number') return bound;
  let value: unknown = policies;
  for (const part of bound.policy.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  if (typeof value !== 'number') throw new Error(`policy ${bound.policy} is not a number`);
  return value;
}

/** Whether a condition holds for these (sibling) values. */
export function holds(condition: Condition, values: Record<string, unknown>): boolean {
  const v = values[condition.field];
  if (condition.isBlank !== undefined && (blank(v) || (Array.isArray(v) && v.length === 0)) !== condition.isBlank) return false;
  if (condition.equals !== undefined && v !== condition.equals) return false;
  if (condition.in && !condition.in.includes(v as never)) return false;
  if (condition.notIn && condition.notIn.includes(v as never)) return false;
  return true;
}

function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= last;
}

/**
 * Validates `input` against the step's fields. Returns the errors (empty when valid) and the normalized value: strings
 * trimmed, empty optional fields as null, fields whose `showIf` does not hold left out. Fields the definition does not
 * declare are refused (the api accepts exactly the declared fields); `actor` is reserved for the api.
 */
export function validateStepInput(step: Pick<StepDefinition, 'fields'>, input: unknown, ctx: StepInputContext): { errors: FieldError[]; value: Record<string, unknown> } {
  const errors: FieldError[] = [];
  const value = validateFields(step.fields, input, ctx, '', errors, true);
  return { errors, value };
}

function validateFields(fields: readonly FieldDefinition[], input: unknown, ctx: StepInputContext, prefix: string, errors: FieldError[], top: boolean, partial = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    errors.push({ field: prefix.replace(/\.$/, '') || '(invoer)', nl: 'Ongeldige invoer', en: 'Invalid input' });
    return out;
  }
  const values = input as Record<string, unknown>;
  const known = new Set(fields.flatMap((f) => (f.nameField ? [f.name, f.nameField] : [f.name])));
  for (const key of Object.keys(values)) {
    if (known.has(key) || (top && RESERVED_FIELDS.includes(key))) continue;
    errors.push({ field: `${prefix}${key}`, nl: `Onbekend veld: ${key}`, en: `Unknown field: ${key}` });
  }
  for (const f of fields) {
    const path = `${prefix}${f.name}`;
    const raw = values[f.name];
    // A patch (a `partial` group) leaves out what the input leaves out.
    if (partial && raw === undefined) continue;
    if (f.showIf && !holds(f.showIf, values)) {
      if (!blank(raw) && raw !== false) errors.push({ field: path, nl: `${f.label} hoort hier niet bij`, en: `${f.name} does not apply here` });
      continue;
    }
    const required = f.required === true || (typeof f.required === 'object' && holds(f.required, values));
    if (blank(raw) || (Array.isArray(raw) && raw.length === 0 && !LISTS.has(f.kind))) {
      if (required && f.kind !== 'boolean' && !LISTS.has(f.kind)) errors.push({ field: path, nl: `Vul in: ${f.label.toLowerCase()}`, en: `${f.name} is required` });
      out[f.name] = f.kind === 'boolean' ? (raw ?? null) : LISTS.has(f.kind) ? (raw === undefined || raw === null ? [] : raw) : null;
      if (f.kind === 'boolean' && required && typeof raw !== 'boolean') errors.push({ field: path, nl: `Kies ja of nee: ${f.label.toLowerCase()}`, en: `${f.name} must be true or false` });
      if (LISTS.has(f.kind) && required) {
        const min = f.min === undefined ? 1 : resolveBound(f.min, ctx.policies);
        if (min > 0) errors.push({ field: path, nl: `Vul in: ${f.label.toLowerCase()}`, en: `${f.name} is required` });
      }
      continue;
    }
    out[f.name] = checkValue(f, raw, ctx, path, errors);
    if (f.nameField && values[f.nameField] !== undefined) {
      out[f.nameField] = checkText({ ...f, name: f.nameField, maxLength: 200 }, values[f.nameField], `${prefix}${f.nameField}`, errors, false);
    }
  }
  return out;
}

function bad(errors: FieldError[], path: string, nl: string, en: string): undefined {
  errors.push({ field: path, nl, en });
  return undefined;
}

function checkText(f: FieldDefinition, raw: unknown, path: string, errors: FieldError[], long: boolean): string | undefined {
  if (typeof raw !== 'string') return bad(errors, path, `${f.label} moet tekst zijn`, `${f.name} must be text`);
  const v = raw.trim();
  const min = f.minLength ?? 1;
  const max = f.maxLength ?? (long ? LONG_TEXT_MAX : TEXT_MAX);
  if (v.length < min || v.length > max) return bad(errors, path, `${f.label} moet ${min} tot ${max} tekens lang zijn`, `${f.name} must be ${min} to ${max} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v)) return bad(errors, path, `${f.label} bevat ongeldige tekens`, `${f.name} contains invalid characters`);
  if (!long && /[\r\n]/.test(v)) return bad(errors, path, `${f.label} is één regel tekst`, `${f.name} is a single line`);
  if (f.pattern && !new RegExp(`^(?:${f.pattern.regex})$`).test(v)) return bad(errors, path, f.pattern.nl, f.pattern.en);
  return v;
}

function itemCount(f: FieldDefinition, n: number, ctx: StepInputContext, path: string, errors: FieldError[], unit: string): boolean {
  const min = f.min === undefined ? 0 : resolveBound(f.min, ctx.policies);
  const max = f.max === undefined ? 100 : resolveBound(f.max, ctx.policies);
  if (n < min || n > max) {
    bad(errors, path, `${f.label}: ${min === max ? min : `${min} tot ${max}`} ${unit}`, `${f.name}: ${min} to ${max} items`);
    return false;
  }
  return true;
}

function checkValue(f: FieldDefinition, raw: unknown, ctx: StepInputContext, path: string, errors: FieldError[]): unknown {
  switch (f.kind) {
    case 'text':
      return checkText(f, raw, path, errors, false);
    case 'longText':
      return checkText(f, raw, path, errors, true);
    case 'date': {
      if (typeof raw !== 'string' || !isRealDate(raw)) return bad(errors, path, `${f.label} is geen geldige datum (jjjj-mm-dd)`, `${f.name} is not a valid date (YYYY-MM-DD)`);
      if (f.notFuture && raw > ctx.today) return bad(errors, path, `${f.label} kan niet in de toekomst liggen`, `${f.name} cannot be in the future`);
      if (f.notPast && raw < ctx.today) return bad(errors, path, `${f.label} kan niet in het verleden liggen`, `${f.name} cannot be in the past`);
      return raw;
    }
    case 'time':
      if (typeof raw !== 'string' || !TIME.test(raw)) return bad(errors, path, `${f.label} is een tijdstip als uu:mm, bijvoorbeeld 10:15`, `${f.name} is a time HH:mm, e.g. 10:15`);
      return raw;
    case 'integer': {
      const n = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
      if (typeof n !== 'number' || !Number.isInteger(n)) return bad(errors, path, `${f.label} moet een geheel getal zijn`, `${f.name} must be a whole number`);
      if (f.options && !f.options.some((o) => Number(o.value) === n)) {
        return bad(errors, path, `Kies een geldige waarde voor ${f.label.toLowerCase()}`, `${f.name} must be one of ${f.options.map((o) => o.value).join(', ')}`);
      }
      const min = f.min === undefined ? undefined : resolveBound(f.min, ctx.policies);
      const max = f.max === undefined ? undefined : resolveBound(f.max, ctx.policies);
      if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
        const range = min !== undefined && max !== undefined ? `van ${min} tot en met ${max}` : min !== undefined ? `van minstens ${min}` : `van hoogstens ${max}`;
        const rangeEn = min !== undefined && max !== undefined ? `${min} to ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
        return bad(errors, path, `${f.label} moet een getal ${range} zijn`, `${f.name} must be ${rangeEn}`);
      }
      return n;
    }
    case 'boolean':
      if (typeof raw !== 'boolean') return bad(errors, path, `Kies ja of nee: ${f.label.toLowerCase()}`, `${f.name} must be true or false`);
      return raw;
    case 'choice': {
      if (typeof raw !== 'string' || !(f.options ?? []).some((o) => o.value === raw)) {
        return bad(errors, path, `Kies een geldige waarde voor ${f.label.toLowerCase()}`, `${f.name} must be one of ${(f.options ?? []).map((o) => o.value).join(', ')}`);
      }
      return raw;
    }
    case 'choices': {
      if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string' || !(f.options ?? []).some((o) => o.value === x))) {
        return bad(errors, path, `Kies geldige waarden voor ${f.label.toLowerCase()}`, `${f.name} must be values of ${(f.options ?? []).map((o) => o.value).join(', ')}`);
      }
      const unique = [...new Set(raw as string[])];
      return itemCount(f, unique.length, ctx, path, errors, 'keuzes') ? unique : undefined;
    }
    case 'staff':
      if (typeof raw !== 'string' || !ID.test(raw)) return bad(errors, path, `Kies een persoon voor ${f.label.toLowerCase()}`, `${f.name} must be a user id`);
      return raw;
    case 'pupil':
      if (typeof raw !== 'string' || !ID.test(raw)) return bad(errors, path, `Kies een leerling voor ${f.label.toLowerCase()}`, `${f.name} must be a pupil id`);
      return raw;
    case 'schools': {
      if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string' || !ID.test(x))) return bad(errors, path, `Kies scholen voor ${f.label.toLowerCase()}`, `${f.name} must be a list of school ids`);
      if (new Set(raw).size !== raw.length) return bad(errors, path, `${f.label}: een school staat er meer dan één keer in`, `${f.name} contains a school more than once`);
      return itemCount(f, raw.length, ctx, path, errors, 'scholen') ? raw : undefined;
    }
    case 'textList': {
      if (!Array.isArray(raw)) return bad(errors, path, `${f.label} moet een lijst zijn`, `${f.name} must be a list`);
      const items = raw.map((x, i) => checkText({ ...f, label: `${f.label} ${i + 1}` }, x, `${path}.${i}`, errors, false)).filter((x): x is string => x !== undefined);
      return itemCount(f, items.length, ctx, path, errors, 'regels') ? items : undefined;
    }
    case 'group':
      return validateFields(f.fields ?? [], raw, ctx, `${path}.`, errors, false, f.partial === true);
    case 'list': {
      if (!Array.isArray(raw)) return bad(errors, path, `${f.label} moet een lijst zijn`, `${f.name} must be a list`);
      if (!itemCount(f, raw.length, ctx, path, errors, 'items')) return undefined;
      return raw.map((item, i) => validateFields(f.fields ?? [], item, ctx, `${path}.${i}.`, errors, false));
    }
  }
}

/** The first error as the Dutch and English message of a BAD_USER_INPUT answer. */
export function firstError(errors: readonly FieldError[]): { nl: string; en: string } | null {
  const e = errors[0];
  return e ? { nl: e.nl, en: e.en } : null;
}
