import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isIsoDate, toIsoDate } from '@zorgroute/domain/logic';

/** The earliest birth date Zorgroute accepts: pupils of secondary schools (and those just past them) are younger. */
export const EARLIEST_BIRTH_DATE = '1990-01-01';

/** True for a real calendar date (YYYY-MM-DD) from {@link EARLIEST_BIRTH_DATE} up to today (Europe/Amsterdam). */
export function isPlausibleBirthDate(value: unknown, today: string = toIsoDate(Date.now())): boolean {
  return isIsoDate(value) && value >= EARLIEST_BIRTH_DATE && value <= today;
}

/** class-validator: a birth date between {@link EARLIEST_BIRTH_DATE} and today. */
export function IsBirthDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isBirthDate', validator: { validate: (value: unknown) => isPlausibleBirthDate(value) } }, options);
}
