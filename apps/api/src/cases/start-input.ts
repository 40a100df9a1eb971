import { toIsoDate } from '@zorgroute/domain/logic';
import { validateStepInput, type StartDefinition } from '@zorgroute/processes';
import { AppError } from '../common/app-error';

/**
 * Checks a start mutation's input against the process's start definition in the catalogue (libs/processes): the same
 * fields, labels, bounds and conditions the admin's start dialog checks, with the catalogue's Dutch message (and the
 * paths of every field in error) as BAD_USER_INPUT. Fields the definition does not declare are api-only (an admin's
 * `schoolId`, `originCaseId`, `requestKey`) and keep their own checks in the use case; GraphQL refuses any other field.
 * Bounds named by a policy key (P1's length) are the school's: pass its effective policies.
 * Returns the declared fields, normalized (texts trimmed, empty optional fields null).
 */
export function checkStartInput(definition: StartDefinition, input: object, policies: object = {}): Record<string, unknown> {
  const declared = new Set(definition.fields.map((f) => f.name));
  const own = Object.fromEntries(Object.entries(input).filter(([key]) => declared.has(key)));
  const { errors, value } = validateStepInput(definition, own, { policies, today: toIsoDate(Date.now()) });
  if (errors.length) throw new AppError('BAD_USER_INPUT', errors[0].nl, errors[0].en, { fields: errors.map((e) => e.field) });
  return value;
}
