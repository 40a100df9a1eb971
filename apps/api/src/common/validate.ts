import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { AppError } from './app-error';

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((m) => `${prefix}${m}`),
    ...flatten(e.children ?? [], `${prefix}${e.property}.`),
  ]);
}

/**
 * Validates a plain object against a class-validator class; throws BAD_USER_INPUT listing every
 * problem (nothing is written when input is bad). Returns the typed instance.
 */
export function validateOrThrow<T extends object>(cls: new () => T, plain: object): T {
  const instance = plainToInstance(cls, plain);
  const errors = validateSync(instance, { whitelist: true, forbidUnknownValues: true });
  if (errors.length) {
    const problems = flatten(errors);
    throw new AppError('BAD_USER_INPUT', `Ongeldige invoer: ${problems.join('; ')}`, `Invalid input: ${problems.join('; ')}`, { problems });
  }
  return instance;
}
