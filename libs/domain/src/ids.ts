import { isUUID } from 'class-validator';

/**
 * True for a string in the shape of a UUID (8-4-4-4-12 hexadecimal digits, either case), whatever its version and
 * variant: the ids PostgreSQL's uuid columns hold. An id that is not one names no row, so a lookup answers NOT_FOUND
 * (or BAD_USER_INPUT) without sending it to PostgreSQL, which would refuse it with an error of its own.
 * class-validator's 'loose' check (not 'all', which since validator 13.15 wants versions 1–8 and the RFC variant, as
 * the DTOs' `@IsUUID('all')` do). Anything that is not a string is false.
 */
export function isUuid(value: unknown): value is string {
  return isUUID(value, 'loose');
}
