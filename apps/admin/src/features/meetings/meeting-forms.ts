import { z } from 'zod';
import { optionalTimeOfDaySchema } from '../../shared/time-of-day';
import { MEETING_KINDS } from './meetings.graphql';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The api's bound of a meeting's place (MEETING_LOCATION_MAX). */
export const LOCATION_MAX = 120;

/** What the "Overleg plannen" and "Overleg wijzigen" forms check before the api does (it checks the school day). */
export const meetingFormSchema = (today: string) =>
  z.object({
    kind: z.enum(MEETING_KINDS, { message: 'Kies het soort overleg' }),
    date: z
      .string()
      .regex(DATE, 'Vul de datum in')
      .refine((d) => !DATE.test(d) || d >= today, 'De datum ligt in het verleden'),
    /** A text field, 24 hours (not the browser's locale of `<input type=time>`); sent as HH:mm. */
    time: optionalTimeOfDaySchema,
    location: z.string().trim().max(LOCATION_MAX, `Hoogstens ${LOCATION_MAX} tekens`),
  });

export type MeetingFormValues = z.infer<ReturnType<typeof meetingFormSchema>>;

/** The minutes form: the minutes, and an optional short note per case (lands in that case's logboek). */
export const minutesFormSchema = z.object({
  minutes: z.string().trim().min(1, 'Schrijf het verslag').max(20000, 'Hoogstens 20000 tekens'),
  notes: z.record(z.string(), z.string().trim().max(1900, 'Hoogstens 1900 tekens')),
});

export type MinutesFormValues = z.infer<typeof minutesFormSchema>;

export const cancelFormSchema = z.object({
  reason: z.string().trim().min(3, 'Geef een reden (minstens 3 tekens)').max(500, 'Hoogstens 500 tekens'),
});

export type CancelFormValues = z.infer<typeof cancelFormSchema>;
