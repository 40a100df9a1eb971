import { z } from 'zod';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** What a Dutch user types for a time: "14:30", "14.30" (as in "14.30 uur"), "9:30". */
const TYPED = /^(\d{1,2})[:.](\d{2})$/;

export const TIME_OF_DAY_MESSAGES = {
  format: 'Vul de tijd in als UU:MM, bijvoorbeeld 14:30',
  twelveHour: 'Gebruik de 24-uursnotatie zonder AM of PM, bijvoorbeeld 14:30 voor 2:30 PM',
  outOfRange: 'Die tijd bestaat niet: uren van 00 tot en met 23, minuten van 00 tot en met 59',
} as const;

/** "14.30" and "9:30" as the api takes them ("14:30", "09:30"); anything else unchanged. */
export function normalizeTimeOfDay(typed: string): string {
  const m = TYPED.exec(typed.trim());
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : typed.trim();
}

/**
 * An optional time of day in a text field, 24 hours (HH:mm, what the api stores): empty, or "14:30", "14.30", "9:30"
 * — sent as "14:30", "14:30", "09:30". A browser's `<input type=time>` follows the browser's locale (an English or
 * headless browser shows 2:30 PM), so the forms use a text field with this check: "2:30 PM" and "25:00" get a Dutch
 * message that says what is wrong.
 */
export const optionalTimeOfDaySchema = z
  .string()
  .transform(normalizeTimeOfDay)
  .superRefine((value, ctx) => {
    if (value === '' || HH_MM.test(value)) return;
    const message = /[ap]\.?\s?m\.?$/i.test(value) ? TIME_OF_DAY_MESSAGES.twelveHour : TYPED.test(value) ? TIME_OF_DAY_MESSAGES.outOfRange : TIME_OF_DAY_MESSAGES.format;
    ctx.addIssue({ code: 'custom', message });
  });
