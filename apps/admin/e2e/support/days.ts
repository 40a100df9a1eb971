import { addDays as addCalendarDays, differenceInCalendarDays, format, parseISO } from 'date-fns';

/**
 * Calendar days of the browser tests, in the school's time zone: today as the api counts it, and dates relative to it,
 * so a test derives its dates from the day it runs and never fixes one.
 */
export const isoToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/** `date` plus `days` calendar days (negative: before), as yyyy-MM-dd. */
export const addDays = (date: string, days: number): string => format(addCalendarDays(parseISO(date), days), 'yyyy-MM-dd');

/** Calendar days from `from` to `to`. */
export const daysBetween = (from: string, to: string): number => differenceInCalendarDays(parseISO(to), parseISO(from));
