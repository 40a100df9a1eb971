/**
 * P2 — the process's deterministic rules as plain functions (unit-tested in zorgroute.rules.spec.ts): which steps are
 * open, when the next IZO and ZAT meet, who a ZAT invites and when it may be planned, what the ZAT referral is
 * prefilled with and when it is complete, and the words of the triage, the evaluations and the ZAT outcomes.
 */
import { addCalendarDays, addSchoolDays, isoDayOfWeek, isoWeek, isSchoolDay, type DueDate, type SchoolCalendar } from '@zorgroute/domain/logic';
import type { CaseContext } from '../../activities/case-activities.types';
import { ZORGROUTE_STEP_LABELS, type IzoDiscussionInput, type ZorgrouteStatus, type ZorgrouteStep } from './zorgroute.messages';
import { cleanReferralText as clean } from './zorgroute-form';
import type { AanmeldFormulier, EvaluationRecord, IzoEvaluationOutcome, IzoRound, TriageOutcome, ZatEvaluationOutcome, ZatReferralForm } from './zorgroute.types';

export type ZorgroutePolicy = CaseContext['policies']['zorgroute'];

/** A rule broken, in Dutch for the user and in English for the log. */
export interface Problem {
  nl: string;
  en: string;
}

/** Statuses in which the referral is open to its referrer. */
export const REFERRAL_OPEN: readonly ZorgrouteStatus[] = ['CONCEPT', 'TERUG_NAAR_AANMELDER', 'EERST_EERSTELIJNS_ACTIES'];

/** The open steps while the process waits for `waitingFor` (the referral is open to its referrer in its own statuses). */
export function openStepsWhile(status: ZorgrouteStatus, waitingFor: ZorgrouteStep | null): ZorgrouteStep[] {
  const steps: ZorgrouteStep[] = [];
  if (REFERRAL_OPEN.includes(status)) steps.push('SUBMIT_REFERRAL');
  if (waitingFor && waitingFor !== 'SUBMIT_REFERRAL' && (Object.keys(ZORGROUTE_STEP_LABELS) as string[]).includes(waitingFor)) steps.push(waitingFor);
  return steps;
}

const WEEKDAYS = ['', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'];

/** The next IZO meeting from `today`: the school's weekday, every N weeks, leaving time to send the information beforehand. */
export function nextIzoMeeting(today: string, policy: ZorgroutePolicy, calendar: SchoolCalendar): DueDate {
  const earliest = addSchoolDays(today, policy.izoInfoBeforeSchoolDays, calendar);
  let d = earliest;
  for (let i = 0; i < 400; i++, d = addCalendarDays(d, 1)) {
    if (isoDayOfWeek(d) !== policy.izoWeekday || !isSchoolDay(d, calendar)) continue;
    if (policy.izoEveryWeeks > 1 && isoWeek(d).week % policy.izoEveryWeeks !== 0) continue;
    break;
  }
  return {
    date: d,
    rule: 'P2.izoWeekday',
    inputs: { from: today, izoWeekday: policy.izoWeekday, izoEveryWeeks: policy.izoEveryWeeks, izoInfoBeforeSchoolDays: policy.izoInfoBeforeSchoolDays },
    explanation: `Eerstvolgend IZO op ${d}: het IZO komt ${policy.izoEveryWeeks === 1 ? 'wekelijks' : `om de ${policy.izoEveryWeeks} weken`} op ${WEEKDAYS[policy.izoWeekday]} bijeen; de leden ontvangen de informatie minstens ${policy.izoInfoBeforeSchoolDays} schooldag(en) vooraf (regio ${calendar.region}).`,
  };
}

/** The next date of the school's ZAT calendar from `today` that still leaves time to send the agenda. */
export function nextZatCalendarDate(today: string, policy: Pick<ZorgroutePolicy, 'zatAgendaBeforeSchoolDays' | 'zatMeetingDates'>, calendar: SchoolCalendar): string | null {
  const earliest = addSchoolDays(today, policy.zatAgendaBeforeSchoolDays, calendar);
  return [...policy.zatMeetingDates].sort().find((d) => d >= earliest && isSchoolDay(d, calendar)) ?? null;
}

/**
 * The IZO discussion as a caller sends it: each JOS decision's `mentorId` is added by the api (the pupil's mentor from
 * the pupil record, who fills in the JOS form), never by the caller, so it is not a field of the catalogue.
 */
export function izoDiscussionAsSent(u: IzoDiscussionInput): unknown {
  if (!Array.isArray(u.decisions)) return u;
  const decisions = u.decisions.map((d: unknown) => (d && typeof d === 'object' ? Object.fromEntries(Object.entries(d).filter(([k]) => k !== 'mentorId')) : d));
  return { ...u, decisions };
}

/** Who a ZAT meeting invites: a Flex-ZAT always parents, pupil, mentor, Sociaal Team and SWV [003:1235-1243]; a ZAT the mentor; plus whom the zorgcoördinator adds. */
export function zatInvitees(flex: boolean, extra: readonly string[] | null | undefined): string[] {
  return [...new Set([...(flex ? ['OUDERS', 'LEERLING', 'MENTOR', 'SOCIAAL_TEAM', 'SWV'] : ['MENTOR']), ...(extra ?? []).map((x) => x.trim()).filter(Boolean)])];
}

/**
 * Why a ZAT cannot meet on `meetingDate`, or null: it meets on a school day; a Flex-ZAT within N school days of the
 * start of its planning [003:1228-1255]; a ZAT late enough to send the agenda N school days before [001:3888].
 */
export function zatMeetingDateProblem(
  meetingDate: string,
  today: string,
  planFrom: string | null,
  policy: Pick<ZorgroutePolicy, 'flexZat' | 'flexZatWithinSchoolDays' | 'zatAgendaBeforeSchoolDays'>,
  calendar: SchoolCalendar,
): Problem | null {
  if (!isSchoolDay(meetingDate, calendar)) return { nl: 'De bespreking moet op een schooldag zijn', en: 'The meeting must be on a school day' };
  if (policy.flexZat) {
    const latest = addSchoolDays(planFrom ?? today, policy.flexZatWithinSchoolDays, calendar);
    if (meetingDate > latest) {
      return {
        nl: `Een Flex-ZAT wordt binnen ${policy.flexZatWithinSchoolDays} schooldagen belegd (uiterlijk ${latest})`,
        en: `A Flex-ZAT is convened within ${policy.flexZatWithinSchoolDays} school days (by ${latest})`,
      };
    }
    return null;
  }
  const earliest = addSchoolDays(today, policy.zatAgendaBeforeSchoolDays, calendar);
  if (meetingDate < earliest) {
    return {
      nl: `De agenda moet minstens ${policy.zatAgendaBeforeSchoolDays} schooldagen vooraf verstuurd worden: kies ${earliest} of later`,
      en: `The agenda must go out ${policy.zatAgendaBeforeSchoolDays} school days before: choose ${earliest} or later`,
    };
  }
  return null;
}

/** The ZAT referral prefilled from the IZO case: the aanmeldformulier, the IZO rounds and the last evaluation [001:3833-3834]. */
export function prefilledZatReferral(f: AanmeldFormulier, rounds: readonly IzoRound[], evaluations: readonly Pick<EvaluationRecord, 'note'>[]): ZatReferralForm {
  const lastRound = rounds.at(-1);
  return {
    problem: f.problem ?? null,
    factors: [f.hinderingFactors, f.functioningAtHome].filter(Boolean).join('\n') || null,
    needs: lastRound?.minutes?.educationalNeeds ?? null,
    schoolCareer: f.schoolCareer ?? null,
    functioning: [f.socialEmotional, f.workAttitude, f.wellbeing, f.attendance].filter(Boolean).join('\n') || null,
    internalSupportDone: rounds.flatMap((r) => r.decisions.map((d) => `${d.description}${d.goal ? ` (doel: ${d.goal})` : ''}`)).join('\n') || null,
    homeSituation: f.functioningAtHome ?? null,
    earlierCareContacts: f.earlierCareContacts ?? null,
    helpQuestion: [f.pupilHelpQuestion, f.parentsHelpQuestion, f.mentorSupportQuestion].filter(Boolean).join('\n') || null,
    strengths: f.strengths ?? null,
    questionToZat: lastRound?.minutes?.zatQuestion ?? evaluations.at(-1)?.note ?? null,
  };
}

/** The ZAT referral with what the zorgcoördinator sent: each field sent replaces the prefilled one (blank: cleared). */
export function mergeZatReferral(current: ZatReferralForm | null, sent: ZatReferralForm): ZatReferralForm {
  const merged: ZatReferralForm = { ...(current ?? {}) };
  for (const [k, v] of Object.entries(sent) as [keyof ZatReferralForm, string | null | undefined][]) if (v !== undefined) merged[k] = clean(v);
  return merged;
}

/** What the ZAT referral still lacks with what was sent: the two questions of at least 3 characters. */
export function missingZatReferralParts(current: ZatReferralForm | null, sent: ZatReferralForm): string[] {
  const merged = { ...(current ?? {}), ...sent };
  return [...((clean(merged.helpQuestion) ?? '').length < 3 ? ['hulpvraag van leerling, ouders en school'] : []), ...((clean(merged.questionToZat) ?? '').length < 3 ? ['vraag aan het ZAT'] : [])];
}

/** The timeline line of a triage outcome. */
export function triageDescription(outcome: TriageOutcome, recheckDate: string | null | undefined): string {
  const labels: Record<TriageOutcome, string> = {
    TERUG_NAAR_AANMELDER: 'Aanmelding onvolledig: terug naar de aanmelder',
    EERST_EERSTELIJNS_ACTIES: `Eerst acties in de eerste lijn; opnieuw bekijken op ${recheckDate ?? ''}`,
    BILATERAAL: 'Een bilateraal overleg volstaat',
    GEACCEPTEERD: 'Aanmelding geaccepteerd voor het IZO',
  };
  return labels[outcome];
}

/** The timeline line of an IZO evaluation. */
export function izoEvaluationDescription(outcome: IzoEvaluationOutcome, nextEvaluationDate: string | null): string {
  const text: Record<IzoEvaluationOutcome, string> = {
    DOEL_BEREIKT: 'Evaluatie: doel bereikt',
    VOORTZETTEN: `Evaluatie: voortzetten, volgende evaluatie op ${nextEvaluationDate ?? ''}`,
    VERWIJZING_ZAT: 'Evaluatie: onvoldoende voortgang, verwijzing naar het ZAT',
  };
  return text[outcome];
}

/** The closing line of a ZAT evaluation that ends the case (`note`: where the pupil was referred, what was asked of the SWV). */
export function zatOutcomeDescription(outcome: ZatEvaluationOutcome | string, note: string | null): string {
  const labels: Record<string, string> = {
    VOORLOPIG_AFGESLOTEN: 'Voorlopig afgesloten na het ZAT',
    AFGESLOTEN: 'Afgesloten na het ZAT',
    EXTERN_VERWEZEN: `Extern verwezen${note ? ` (${note})` : ''}`,
    SWV_VOORZIENING_AANGEVRAAGD: `Voorziening van het samenwerkingsverband aangevraagd${note ? ` (${note})` : ''}`,
    LEERPLICHT: 'Leerplichtambtenaar ingeschakeld',
  };
  return labels[outcome] ?? outcome;
}
