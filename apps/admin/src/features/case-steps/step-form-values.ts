import { holds, type FieldError, type ResolvedField, validateStepInput } from '@zorgroute/processes';

/**
 * Between a step's form (react-hook-form values: text for text and numbers, lines for a text list) and the step's
 * input (what takeStep sends and the catalogue validates). The definitions come from the api (`CaseDetail.stepForms`);
 * validation is the catalogue's own function, so the form refuses exactly what the api and the workflow refuse.
 */
export type FormValue = string | boolean | string[] | FormValues | FormValues[] | null;
export interface FormValues {
  [name: string]: FormValue;
}

/** The form's first values: today for a 'today' date, the definition's initial value, else empty. */
export function initialFormValues(fields: readonly ResolvedField[], today: string): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    if (f.kind === 'boolean') out[f.name] = typeof f.initial === 'boolean' ? f.initial : false;
    else if (f.kind === 'choices' || f.kind === 'schools') out[f.name] = [];
    else if (f.kind === 'group') out[f.name] = initialFormValues(f.fields ?? [], today);
    else if (f.kind === 'list') out[f.name] = (f.min ?? 0) > 0 || f.required === true ? [initialFormValues(f.fields ?? [], today)] : [];
    else if (f.initial === 'today') out[f.name] = today;
    else out[f.name] = f.initial === undefined ? '' : String(f.initial);
  }
  return out;
}

/** The step's input from the form's values: only the fields that apply, numbers as numbers, empty as null. */
export function toStepInput(fields: readonly ResolvedField[], values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (f.showIf && !holds(f.showIf, values as Record<string, unknown>)) continue;
    switch (f.kind) {
      case 'integer':
        input[f.name] = typeof v === 'string' && v.trim() !== '' ? (/^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v) : null;
        break;
      case 'boolean':
        input[f.name] = v === true;
        break;
      case 'textList':
        input[f.name] = typeof v === 'string' ? v.split('\n').map((l) => l.trim()).filter(Boolean) : [];
        break;
      case 'choices':
        input[f.name] = Array.isArray(v) ? v : [];
        break;
      case 'schools':
        input[f.name] = Array.isArray(v) && v.length > 0 ? v : null;
        break;
      case 'group':
        input[f.name] = toStepInput(f.fields ?? [], (v ?? {}) as FormValues);
        break;
      case 'list':
        input[f.name] = Array.isArray(v) ? (v as FormValues[]).map((item) => toStepInput(f.fields ?? [], item)) : [];
        break;
      default:
        input[f.name] = typeof v === 'string' && v.trim() !== '' ? v : null;
    }
  }
  return input;
}

/** The catalogue's errors for these values, by form field path (a text list's line errors go to the list). */
export function formErrors(fields: readonly ResolvedField[], values: FormValues, today: string): Record<string, string> {
  const { errors } = validateStepInput({ fields: fields as never }, toStepInput(fields, values), { policies: {}, today });
  const out: Record<string, string> = {};
  const textLists = new Set(fields.filter((f) => f.kind === 'textList').map((f) => f.name));
  for (const e of errors as FieldError[]) {
    const top = e.field.split('.')[0] as string;
    const path = textLists.has(top) ? top : e.field;
    out[path] ??= e.nl;
  }
  return out;
}
