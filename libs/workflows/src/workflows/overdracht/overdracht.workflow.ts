/**
 * P6 — PO→VO overdracht: the handover of one pupil from his primary school to the secondary school, inside the
 * regional calendar of the school year (PROCESSES.md P6, seed 001:4100-4242, 003:311-317, 002:3109-3212).
 *
 * OKR_IN_VOORBEREIDING (the onderwijskundig rapport of the primary school; for now the secondary school's contact
 * records it) → INZAGE_OUDERS (the parents must consent to the transfer and may add their view, the zienswijze;
 * reminders up to the OSO exchange deadline; without consent nothing is sent: GEEN_TOESTEMMING) → VERZONDEN →
 * ONTVANGEN_VO (the cold handover, for every pupil) → WARME_OVERDRACHT (pupils with support needs: a conversation of
 * both schools with parents and pupil inside the regional window) → PLAATSING (the brugklascoördinator places the
 * pupil and names his mentor) → INFORMATIE_GEDEELD (the mentor confirms he has read the information) →
 * DIRECTE_IZO_AANMELDING (optional: starts P2 for the pupil) → TERUGKOPPELING_PO (feedback to the primary school at
 * the policy's moments) → AFGESLOTEN. GESTOPT when the zorgcoördinator stops the case (e.g. the pupil goes elsewhere).
 *
 * An application for a pupil with support needs starts the zorgplicht clock (P4) as a linked case, once: at the start
 * when the support need is known, or when the OKR or its receipt shows it.
 */
import { condition, defineQuery, defineUpdate, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  addCalendarDays,
  addCalendarWeeks,
  dueInSchoolDays,
  previousSchoolDay,
  schoolDaysBetween,
  toIsoDate,
  zonedInstant,
  ZOMERVAKANTIE,
  type DueDate,
  type OverdrachtRegionalCalendar,
  type TerugkoppelingMoment,
} from '@zorgroute/domain/logic';
import type { CaseSnapshot } from '@zorgroute/domain';
import { CaseRecorder, caseWriters, SYSTEM, type Actor } from '../common/case-recorder';
import { db } from '../common/case-activities.proxy';
import { consentAnswersAfterMove, consentStep, consentTimeoutStep, installConsentHandlers, requireConsent, type ConsentRequestView } from '../common/consent';
import { installAdminHandlers } from '../common/admin-actions';
import { awaitHumanStep } from '../common/human-step';
import { leftStep, untilMovedOn } from '../common/moved-on';
import { startLinkedCase, type LinkedCase } from '../common/links';
import { reject, requireStepInput } from '../common/step-errors';
import { OVERDRACHT_STEPS as STEPS } from '@zorgroute/processes';
import { zorgplichtApplicationRejection, zorgplichtWorkflowId } from '../zorgplicht/zorgplicht-clock';
import type { StartZorgplichtInput } from '../zorgplicht/zorgplicht.workflow';
import { missingReferralFields, type AanmeldFormulier, type StartZorgrouteInput, type ZorgrouteReason } from '../zorgroute/zorgroute.workflow';

export const OVERDRACHT_WORKFLOW = 'overdrachtWorkflow';
/** Step updates answer once the process has moved on (see `movedOnFrom`). */
export const OVERDRACHT_STEP_ANSWERS_AFTER_MOVE_PATCH = 'p6-step-updates-answer-after-move';
/** Consent updates (answer, decision after a timeout) answer once the process has moved on; a withdrawal does not move it. */
export const OVERDRACHT_CONSENT_ANSWERS_AFTER_MOVE_PATCH = 'p6-consent-answers-after-move';

export type OverdrachtStatus =
  | 'OKR_IN_VOORBEREIDING'
  | 'INZAGE_OUDERS'
  | 'VERZONDEN'
  | 'ONTVANGEN_VO'
  | 'WARME_OVERDRACHT'
  | 'PLAATSING'
  | 'INFORMATIE_GEDEELD'
  | 'DIRECTE_IZO_AANMELDING'
  | 'TERUGKOPPELING_PO'
  | 'AFGESLOTEN'
  | 'GEEN_TOESTEMMING'
  | 'GESTOPT';

export type OverdrachtStep =
  | 'OVERDRACHT_RECORD_OKR'
  | 'OVERDRACHT_SEND_OKR'
  | 'OVERDRACHT_CONFIRM_RECEIPT'
  | 'OVERDRACHT_WARM_HANDOVER'
  | 'OVERDRACHT_PLACEMENT'
  | 'OVERDRACHT_MENTOR_READ'
  | 'OVERDRACHT_FEEDBACK';

/** The parents' consent to the transfer of the OKR; the case waits for `CONSENT_OVERDRACHT_OKR` while it is asked. */
export const OVERDRACHT_CONSENT_KIND = 'OVERDRACHT_OKR';
export const OVERDRACHT_CONSENT_STEP = consentStep(OVERDRACHT_CONSENT_KIND);
export const OVERDRACHT_CONSENT_DECISION_STEP = consentTimeoutStep(OVERDRACHT_CONSENT_KIND);

/** The Dutch names of the steps, from the step catalogue (libs/processes/src/overdracht/steps.ts). */
export const OVERDRACHT_STEP_LABELS: Record<OverdrachtStep, string> = {
  OVERDRACHT_RECORD_OKR: STEPS.OVERDRACHT_RECORD_OKR.label,
  OVERDRACHT_SEND_OKR: STEPS.OVERDRACHT_SEND_OKR.label,
  OVERDRACHT_CONFIRM_RECEIPT: STEPS.OVERDRACHT_CONFIRM_RECEIPT.label,
  OVERDRACHT_WARM_HANDOVER: STEPS.OVERDRACHT_WARM_HANDOVER.label,
  OVERDRACHT_PLACEMENT: STEPS.OVERDRACHT_PLACEMENT.label,
  OVERDRACHT_MENTOR_READ: STEPS.OVERDRACHT_MENTOR_READ.label,
  OVERDRACHT_FEEDBACK: STEPS.OVERDRACHT_FEEDBACK.label,
};

export const TERUGKOPPELING_LABELS: Record<TerugkoppelingMoment, string> = {
  NA_EERSTE_RAPPORT: 'na het eerste rapport',
  EINDE_LEERJAAR_1: 'aan het einde van leerjaar 1',
};

export interface StartOverdrachtInput {
  /** The secondary school the pupil applied to. */
  schoolId: string;
  pupilId: string;
  /** The secondary school's contact who runs the handover (for now he also records the primary school's side). */
  startedBy: Actor;
  /** The school year the pupil enters secondary school, e.g. `2027-2028`: its regional calendar applies. */
  schoolYear: string;
  /** Date the written application (aanmelding) was received at this school. */
  applicationReceivedOn: string;
  /** The parents' order of preference (school ids); default this school only. */
  preferenceSchoolIds?: string[] | null;
  /** The primary school and its contact (intern begeleider or teacher of group 8). */
  poSchoolName: string;
  poContactName?: string | null;
  /** Support needs already known at the application: the zorgplicht clock starts at once. */
  supportNeedsExpected: boolean;
  /** The brugklascoördinator who places the pupil (default the zorgcoördinator). */
  brugklascoordinatorId?: string | null;
  originCaseId?: string | null;
}

/** The onderwijskundig rapport (cold handover file, F24) with the final school advice. */
export interface OkrInput {
  actor: Actor;
  /** Definitief schooladvies, e.g. "havo/vwo". */
  schooladvies: string;
  taalLezen?: string | null;
  rekenen?: string | null;
  sociaalEmotioneel?: string | null;
  werkhouding?: string | null;
  /** Whether the pupil gets external care or support, and which. */
  externeZorg?: string | null;
  /** A pupil with support needs ("zorgleerling"): warm handover, and the zorgplicht clock. */
  supportNeeds: boolean;
  supportNeedsDescription?: string | null;
}

export interface ZienswijzeInput {
  /** The parent who adds his view. */
  actor: Actor;
  text: string;
}

export interface OkrSentInput {
  actor: Actor;
  sentOn: string;
  /** How it was sent: through OSO (default) or otherwise. */
  via?: 'OSO' | 'ANDERS' | null;
}

export interface OkrReceivedInput {
  actor: Actor;
  receivedOn: string;
  /** The secondary school's own reading of the file: support needs (may differ from the OKR). */
  supportNeeds?: boolean | null;
  note?: string | null;
}

/** The warm handover conversation (F23). */
export interface WarmeOverdrachtInput {
  actor: Actor;
  date: string;
  poPresent: boolean;
  parentsPresent: boolean;
  pupilPresent: boolean;
  development?: string | null;
  specificNeeds?: string | null;
  approach?: string | null;
  attentionPoints?: string | null;
  parentAlignment?: string | null;
  aftercare?: string | null;
  talents?: string | null;
  summary: string;
}

export interface PlacementInput {
  actor: Actor;
  className: string;
  /** The mentor (user id) who receives the information. */
  mentorId: string;
  mentorName?: string | null;
  /** Level of the (dakpan)class, e.g. "havo/vwo". */
  level?: string | null;
  note?: string | null;
}

export interface MentorReadInput {
  actor: Actor;
  note?: string | null;
}

export interface IzoReferralInput {
  actor: Actor;
  reasons: ZorgrouteReason[];
  pupilHelpQuestion: string;
  mentorSupportQuestion: string;
  problem?: string | null;
  parentsInformed: boolean;
}

export interface FeedbackInput {
  actor: Actor;
  summary: string;
  /** Who at the primary school received it. */
  sentTo?: string | null;
}

export interface StopOverdrachtInput {
  actor: Actor;
  reason: string;
}

export interface Okr extends Omit<OkrInput, 'actor'> {
  recordedOn: string;
  recordedBy: string | null;
}

export interface Zienswijze {
  parentUserId: string | null;
  parentName: string | null;
  text: string;
  addedOn: string;
}

export interface OverdrachtFeedback {
  moment: TerugkoppelingMoment;
  momentDate: string;
  date: string;
  summary: string;
  sentTo: string | null;
  recordedBy: string | null;
}

export interface OverdrachtState {
  case: CaseSnapshot;
  openSteps: string[];
  schoolYear: string;
  calendar: OverdrachtRegionalCalendar;
  applicationReceivedOn: string;
  poSchoolName: string;
  poContactName: string | null;
  supportNeeds: boolean;
  okr: Okr | null;
  zienswijzen: Zienswijze[];
  consent: ConsentRequestView | null;
  sent: { sentOn: string; via: string; recordedBy: string | null } | null;
  received: { receivedOn: string; note: string | null; recordedBy: string | null } | null;
  warmeOverdracht: (Omit<WarmeOverdrachtInput, 'actor'> & { withinWindow: boolean; recordedBy: string | null }) | null;
  placement: (Omit<PlacementInput, 'actor'> & { placedOn: string; placedBy: string | null }) | null;
  mentorRead: { readOn: string; note: string | null } | null;
  izoReferral: (Omit<IzoReferralInput, 'actor'> & { requestedOn: string; requestedBy: string | null; caseId: string | null }) | null;
  feedbackMoments: { moment: TerugkoppelingMoment; date: string; explanation: string }[];
  feedback: OverdrachtFeedback[];
  zorgplicht: { caseId: string; started: boolean; reason: string | null } | null;
  ledTo: LinkedCase[];
  stopReason: string | null;
}

export const recordOverdrachtOkr = defineUpdate<OverdrachtState, [OkrInput]>('recordOverdrachtOkr');
export const addOverdrachtZienswijze = defineUpdate<OverdrachtState, [ZienswijzeInput]>('addOverdrachtZienswijze');
export const recordOverdrachtSent = defineUpdate<OverdrachtState, [OkrSentInput]>('recordOverdrachtSent');
export const confirmOverdrachtReceived = defineUpdate<OverdrachtState, [OkrReceivedInput]>('confirmOverdrachtReceived');
export const recordWarmeOverdracht = defineUpdate<OverdrachtState, [WarmeOverdrachtInput]>('recordWarmeOverdracht');
export const placeOverdrachtPupil = defineUpdate<OverdrachtState, [PlacementInput]>('placeOverdrachtPupil');
export const confirmOverdrachtRead = defineUpdate<OverdrachtState, [MentorReadInput]>('confirmOverdrachtRead');
export const referOverdrachtToIzo = defineUpdate<OverdrachtState, [IzoReferralInput]>('referOverdrachtToIzo');
export const recordOverdrachtFeedback = defineUpdate<OverdrachtState, [FeedbackInput]>('recordOverdrachtFeedback');
export const stopOverdracht = defineUpdate<OverdrachtState, [StopOverdrachtInput]>('stopOverdracht');
export const getOverdrachtState = defineQuery<OverdrachtState>('getOverdrachtState');

const CLOSED: OverdrachtStatus[] = ['AFGESLOTEN', 'GEEN_TOESTEMMING', 'GESTOPT'];
/** From the receipt on, the zorgcoördinator may refer the pupil straight to the IZO [001:4227-4228]. */
export const OVERDRACHT_IZO_STATUSES: OverdrachtStatus[] = ['ONTVANGEN_VO', 'WARME_OVERDRACHT', 'PLAATSING', 'INFORMATIE_GEDEELD', 'DIRECTE_IZO_AANMELDING', 'TERUGKOPPELING_PO'];

/** The regional calendar of a school year, or null when the SWV (or school) has not set it. */
export function overdrachtCalendarFor(calendars: readonly OverdrachtRegionalCalendar[], schoolYear: string): OverdrachtRegionalCalendar | null {
  return calendars.find((c) => c.schoolYear === schoolYear) ?? null;
}

function todayIso(): string {
  return toIsoDate(Date.now());
}

function clean(value: string | null | undefined): string | null {
  const v = typeof value === 'string' ? value.trim() : '';
  return v ? v : null;
}

export async function overdrachtWorkflow(input: StartOverdrachtInput): Promise<OverdrachtState> {
  const answerWhenMovedOn = patched(OVERDRACHT_STEP_ANSWERS_AFTER_MOVE_PATCH);
  const consentAnswersWhenMovedOn = patched(OVERDRACHT_CONSENT_ANSWERS_AFTER_MOVE_PATCH);
  const ctx = await db.loadCaseContext({ schoolId: input.schoolId, pupilId: input.pupilId });
  const policies = ctx.policies;
  const policy = ctx.policies.overdracht;
  const ladder = ctx.policies.ladder;
  const caseId = workflowInfo().workflowId;
  const found = overdrachtCalendarFor(policy.regionalCalendars, input.schoolYear);
  if (!found) {
    reject('BAD_USER_INPUT', `Er is geen regionale overdrachtskalender voor schooljaar ${input.schoolYear}`, `There is no regional transfer calendar for school year ${input.schoolYear}`);
  }
  const cal: OverdrachtRegionalCalendar = found;
  const preferenceSchoolIds = input.preferenceSchoolIds?.length ? [...input.preferenceSchoolIds] : [input.schoolId];

  const rec = new CaseRecorder(
    {
      caseId,
      process: 'OVERDRACHT',
      schoolId: input.schoolId,
      pupilId: input.pupilId,
      status: 'OKR_IN_VOORBEREIDING',
      policyVersion: ctx.policyVersion,
      originCaseId: input.originCaseId ?? null,
      participantIds: [],
      data: { schoolYear: input.schoolYear, calendar: cal },
      startedAt: new Date().toISOString(),
    },
    ctx,
  );
  const s = rec.snapshot;
  const admin = installAdminHandlers(rec);
  const contact = input.startedBy;
  const zc = ctx.zorgcoordinatorId ?? contact.id;
  const brugklas = input.brugklascoordinatorId ?? zc;
  rec.addParticipant(contact.id);
  rec.addParticipant(input.brugklascoordinatorId);

  const state = {
    supportNeeds: input.supportNeedsExpected,
    okr: null as Okr | null,
    zienswijzen: [] as Zienswijze[],
    sent: null as OverdrachtState['sent'],
    received: null as OverdrachtState['received'],
    warmeOverdracht: null as OverdrachtState['warmeOverdracht'],
    placement: null as OverdrachtState['placement'],
    mentorRead: null as OverdrachtState['mentorRead'],
    izoReferral: null as OverdrachtState['izoReferral'],
    feedbackMoments: [] as OverdrachtState['feedbackMoments'],
    feedback: [] as OverdrachtFeedback[],
    openMoment: null as { moment: TerugkoppelingMoment; date: string } | null,
    zorgplicht: null as OverdrachtState['zorgplicht'],
    stopReason: null as string | null,
  };
  const consents = installConsentHandlers(rec);

  const status = () => s.status as OverdrachtStatus;
  const stopped = () => state.stopReason !== null || admin.closed;
  /**
   * Answers a step's update once the process has moved on, so the next step can be taken at once (moved-on.ts); in
   * TERUGKOPPELING_PO the process waits for the next feedback moment without an open step. Decided once per case by a
   * patch: cases started before this change answer as they did.
   */
  const movedOnFrom = async (step: OverdrachtStep, orElse: () => boolean = () => false) => {
    const left = leftStep(rec, step, ['TERUGKOPPELING_PO']);
    if (answerWhenMovedOn) await untilMovedOn(rec, () => left() || orElse(), () => CLOSED.includes(s.status as OverdrachtStatus) || stopped());
  };
  if (consentAnswersWhenMovedOn) {
    consents.answerAfter(consentAnswersAfterMove(rec, { ended: () => CLOSED.includes(s.status as OverdrachtStatus) || stopped(), parked: ['TERUGKOPPELING_PO'] }));
  }
  const izoPending = () => state.izoReferral !== null && state.izoReferral.caseId === null;

  const openSteps = (): string[] => {
    if (CLOSED.includes(status())) return [];
    const steps: string[] = [];
    if (s.waitingFor) steps.push(s.waitingFor);
    if (OVERDRACHT_IZO_STATUSES.includes(status()) && state.izoReferral === null) steps.push('OVERDRACHT_IZO_REFERRAL');
    return steps;
  };
  const view = (): OverdrachtState => ({
    case: { ...s, data: { ...s.data }, participantIds: [...s.participantIds] },
    openSteps: openSteps(),
    schoolYear: input.schoolYear,
    calendar: cal,
    applicationReceivedOn: input.applicationReceivedOn,
    poSchoolName: input.poSchoolName,
    poContactName: input.poContactName ?? null,
    supportNeeds: state.supportNeeds,
    okr: state.okr,
    zienswijzen: [...state.zienswijzen],
    consent: consents.latest(OVERDRACHT_CONSENT_KIND),
    sent: state.sent,
    received: state.received,
    warmeOverdracht: state.warmeOverdracht,
    placement: state.placement,
    mentorRead: state.mentorRead,
    izoReferral: state.izoReferral,
    feedbackMoments: [...state.feedbackMoments],
    feedback: [...state.feedback],
    zorgplicht: state.zorgplicht,
    ledTo: [...((s.data.ledTo as LinkedCase[] | undefined) ?? [])],
    stopReason: state.stopReason,
  });
  const syncData = () =>
    rec.setData({
      schoolYear: input.schoolYear,
      calendar: cal,
      applicationReceivedOn: input.applicationReceivedOn,
      preferenceSchoolIds,
      poSchoolName: input.poSchoolName,
      poContactName: input.poContactName ?? null,
      brugklascoordinatorId: brugklas,
      supportNeeds: state.supportNeeds,
      okr: state.okr,
      zienswijzen: state.zienswijzen,
      sent: state.sent,
      received: state.received,
      warmeOverdracht: state.warmeOverdracht,
      placement: state.placement,
      mentorId: state.placement?.mentorId ?? null,
      mentorRead: state.mentorRead,
      izoReferral: state.izoReferral,
      feedbackMoments: state.feedbackMoments,
      feedback: state.feedback,
      zorgplicht: state.zorgplicht,
      stopReason: state.stopReason,
      openSteps: openSteps(),
    });
  const requireNotClosed = () => {
    if (CLOSED.includes(status()) || stopped()) reject('CASE_CLOSED', 'Deze overdracht is afgesloten', 'This transfer is closed');
  };
  const requireWaiting = (step: OverdrachtStep) => {
    requireNotClosed();
    if (s.waitingFor !== step) {
      reject('STEP_NOT_ALLOWED', `"${OVERDRACHT_STEP_LABELS[step]}" kan nu niet (status ${status()})`, `"${step}" is not allowed now (status ${status()})`);
    }
  };
  const { recordStep, transition } = caseWriters<OverdrachtStatus>(rec, () => syncData());
  const due = (from: string, schoolDays: number, rule: string): DueDate => dueInSchoolDays(from, schoolDays, ctx.calendar, rule);
  /**
   * A due date from the regional calendar; when that date has already passed (a case opened late), N school days from
   * today instead, saying so.
   */
  const regional = (date: string, what: string, rule: string, lateSchoolDays: number): DueDate => {
    const today = todayIso();
    if (date >= today) {
      const d = due(date, 0, rule);
      return { ...d, explanation: `${d.explanation} ${what} (regionale overdrachtskalender ${cal.schoolYear}: ${date}).` };
    }
    const d = due(today, lateSchoolDays, `${rule}.late`);
    return { ...d, explanation: `${d.explanation} ${what}: de regionale datum ${date} (kalender ${cal.schoolYear}) was al voorbij, daarom ${lateSchoolDays} schooldagen na vandaag.` };
  };
  const step = (name: OverdrachtStep, ownerUserId: string | null, dueDate: DueDate, isDone: () => boolean, label?: string) => {
    // The read model's open steps include the step from the write that opens it.
    s.waitingFor = name;
    syncData();
    return awaitHumanStep(rec, { step: name, label: label ?? OVERDRACHT_STEP_LABELS[name], ownerUserId, due: dueDate }, isDone, stopped);
  };
  /** Waits (durably) until the start of `date` in the school's time zone, or until `wake()`. Returns true if woken. */
  const waitUntilDate = async (date: string, wake: () => boolean): Promise<boolean> => {
    const at = Date.parse(zonedInstant(date, ladder.sendAtHour, ladder.sendAtMinute));
    if (at <= Date.now()) return wake();
    return condition(wake, at - Date.now());
  };

  /** The feedback moments of the policy, with their dates from the regional calendar (or the documented default). */
  const feedbackMoments = (): OverdrachtState['feedbackMoments'] => {
    const start = cal.startSchoolYear;
    const summer = ctx.calendar.holidays
      .filter((h) => h.name === ZOMERVAKANTIE && h.from > start)
      .sort((a, b) => a.from.localeCompare(b.from))[0];
    return [...policy.terugkoppelingMoments]
      .map((moment) => {
        if (moment === 'NA_EERSTE_RAPPORT') {
          const set = cal.terugkoppeling?.naEersteRapport;
          const date = set ?? addCalendarWeeks(start, 16);
          return { moment, date, explanation: set ? `Terugkoppeling na het eerste rapport op ${date} (regionale kalender).` : `Terugkoppeling na het eerste rapport: 16 weken na de start van het schooljaar (${start}), ${date}.` };
        }
        const set = cal.terugkoppeling?.eindeLeerjaar1;
        const date = set ?? (summer ? previousSchoolDay(addCalendarDays(summer.from, -1), ctx.calendar) : addCalendarWeeks(start, 44));
        return {
          moment,
          date,
          explanation: set ? `Terugkoppeling aan het einde van leerjaar 1 op ${date} (regionale kalender).` : `Terugkoppeling aan het einde van leerjaar 1: de laatste schooldag vóór de zomervakantie, ${date}.`,
        };
      })
      .sort((a, b) => a.date.localeCompare(b.date));
  };

  /** Starts the zorgplicht clock (P4) once, for a pupil with support needs, from the date the application was received. */
  const startZorgplicht = async (why: string) => {
    if (state.zorgplicht !== null) return;
    const zpId = zorgplichtWorkflowId(input.pupilId, input.applicationReceivedOn);
    const refusal = zorgplichtApplicationRejection({ schoolId: input.schoolId, receivedOn: input.applicationReceivedOn, preferenceSchoolIds, today: todayIso() });
    if (refusal) {
      state.zorgplicht = { caseId: zpId, started: false, reason: refusal.nl };
      await recordStep(SYSTEM, 'ZORGPLICHT_NOT_STARTED', `Geen zorgplichttermijn gestart: ${refusal.nl}`);
      return;
    }
    const args: StartZorgplichtInput = {
      schoolId: input.schoolId,
      pupilId: input.pupilId,
      startedBy: contact,
      receivedOn: input.applicationReceivedOn,
      extraSupportExpected: true,
      preferenceSchoolIds,
      source: 'OVERDRACHT',
      originCaseId: caseId,
    };
    const link = await startLinkedCase(rec, { workflowType: 'zorgplichtWorkflow', workflowId: zpId, process: 'ZORGPLICHT', args: [args], reason: `Aanmelding van een leerling met ondersteuningsbehoefte (${why})` });
    state.zorgplicht = { caseId: zpId, started: link.started, reason: link.started ? null : 'Er loopt of liep al een zorgplichttermijn voor deze aanmelding' };
    await recordStep(
      SYSTEM,
      link.started ? 'ZORGPLICHT_STARTED' : 'ZORGPLICHT_NOT_STARTED',
      link.started ? `Zorgplichttermijn gestart (aanmelding ontvangen op ${input.applicationReceivedOn})` : 'Zorgplichttermijn niet gestart: er bestaat al een termijn voor deze aanmelding',
    );
  };

  /** A direct IZO referral (P2), prefilled from the handover. */
  const startIzoReferral = async () => {
    const r = state.izoReferral;
    if (!r || r.caseId !== null) return;
    const previous = status();
    await transition('DIRECTE_IZO_AANMELDING', 'Leerling direct aangemeld bij het intern zorgoverleg (IZO)');
    const okr = state.okr;
    const wo = state.warmeOverdracht;
    const form: AanmeldFormulier = {
      reasons: [...r.reasons],
      parentsInformed: r.parentsInformed,
      problem: r.problem ?? okr?.supportNeedsDescription ?? null,
      pupilHelpQuestion: r.pupilHelpQuestion,
      mentorSupportQuestion: r.mentorSupportQuestion,
      strengths: wo?.talents ?? null,
      socialEmotional: okr?.sociaalEmotioneel ?? null,
      workAttitude: okr?.werkhouding ?? null,
      earlierCareContacts: okr?.externeZorg ?? null,
      schoolCareer: `Basisschool ${input.poSchoolName}; schooladvies ${okr?.schooladvies ?? 'onbekend'}`,
      otherRemarks: wo ? `Warme overdracht ${wo.date}: ${wo.summary}` : null,
    };
    const p2: StartZorgrouteInput = {
      schoolId: input.schoolId,
      pupilId: input.pupilId,
      startedBy: { id: zc, name: r.requestedBy },
      referrerRole: 'ZORGCOORDINATOR',
      source: 'PO_VO_INSTROOM',
      form,
      submit: missingReferralFields(form).length === 0,
      originCaseId: caseId,
    };
    const link = await startLinkedCase(rec, { workflowType: 'zorgrouteWorkflow', workflowId: `zorgroute-from-${caseId}`, process: 'ZORGROUTE', args: [p2], reason: 'Directe IZO-aanmelding vanuit de PO-VO-overdracht' });
    r.caseId = link.caseId;
    await recordStep(SYSTEM, link.started ? 'LINKED_CASE_STARTED' : 'LINKED_CASE_NOT_STARTED', link.started ? 'IZO-aanmelding gestart vanuit de overdracht' : 'IZO-aanmelding kon niet worden gestart (bestaat al)');
    if (previous !== 'DIRECTE_IZO_AANMELDING') await transition(previous, 'Overdracht loopt verder');
  };

  setHandler(getOverdrachtState, view);

  // --- OKR_IN_VOORBEREIDING ---
  setHandler(
    recordOverdrachtOkr,
    async (u) => {
      state.okr = {
        schooladvies: u.schooladvies.trim(),
        taalLezen: clean(u.taalLezen),
        rekenen: clean(u.rekenen),
        sociaalEmotioneel: clean(u.sociaalEmotioneel),
        werkhouding: clean(u.werkhouding),
        externeZorg: clean(u.externeZorg),
        supportNeeds: u.supportNeeds,
        supportNeedsDescription: clean(u.supportNeedsDescription),
        recordedOn: todayIso(),
        recordedBy: u.actor.name,
      };
      if (u.supportNeeds) state.supportNeeds = true;
      // The timeline is visible to the SWV too: no content of the report in the description.
      await recordStep(u.actor, 'OKR_RECORDED', `Onderwijskundig rapport van ${input.poSchoolName} vastgelegd`);
      await movedOnFrom('OVERDRACHT_RECORD_OKR');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('OVERDRACHT_RECORD_OKR');
        requireStepInput(STEPS.OVERDRACHT_RECORD_OKR, u, policies);
      },
    },
  );

  // --- INZAGE_OUDERS: the parents' view, before the OKR is sent ---
  setHandler(
    addOverdrachtZienswijze,
    async (u) => {
      const entry: Zienswijze = { parentUserId: u.actor.id, parentName: u.actor.name, text: u.text.trim(), addedOn: todayIso() };
      const i = state.zienswijzen.findIndex((z) => z.parentUserId === u.actor.id);
      if (i >= 0) state.zienswijzen[i] = entry;
      else state.zienswijzen.push(entry);
      await recordStep(u.actor, 'ZIENSWIJZE_ADDED', i >= 0 ? 'Zienswijze van de ouder aangepast' : 'Zienswijze van de ouder toegevoegd aan het OKR');
      return view();
    },
    {
      validator: (u) => {
        requireNotClosed();
        // While the OKR is open for inspection: asked or consented, not yet sent (not after the request expired).
        if (status() !== 'INZAGE_OUDERS' || state.sent !== null || s.waitingFor === OVERDRACHT_CONSENT_DECISION_STEP) {
          reject('STEP_NOT_ALLOWED', 'Een zienswijze kan alleen worden toegevoegd zolang het OKR ter inzage ligt en nog niet is verzonden', 'A view can only be added while the OKR is open for inspection and not yet sent');
        }
        requireStepInput(STEPS.OVERDRACHT_ZIENSWIJZE, u, policies);
        if (state.zienswijzen.length >= 4 && !state.zienswijzen.some((z) => z.parentUserId === u.actor.id)) reject('BAD_USER_INPUT', 'Maximaal 4 zienswijzen', 'At most 4 views');
      },
    },
  );

  setHandler(
    recordOverdrachtSent,
    async (u) => {
      state.sent = { sentOn: u.sentOn, via: u.via ?? 'OSO', recordedBy: u.actor.name };
      await recordStep(u.actor, 'OKR_SENT', `OKR verzonden op ${u.sentOn} (${u.via === 'ANDERS' ? 'buiten OSO' : 'via OSO'})${state.zienswijzen.length ? ', met de zienswijze van de ouders' : ''}`);
      await movedOnFrom('OVERDRACHT_SEND_OKR');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('OVERDRACHT_SEND_OKR');
        requireStepInput(STEPS.OVERDRACHT_SEND_OKR, u, policies);
      },
    },
  );

  // --- ONTVANGEN_VO ---
  setHandler(
    confirmOverdrachtReceived,
    async (u) => {
      state.received = { receivedOn: u.receivedOn, note: clean(u.note), recordedBy: u.actor.name };
      if (u.supportNeeds === true) state.supportNeeds = true;
      await recordStep(u.actor, 'OKR_RECEIVED', `OKR ontvangen op ${u.receivedOn}${u.supportNeeds === true ? '; leerling met ondersteuningsbehoefte' : ''}`);
      await movedOnFrom('OVERDRACHT_CONFIRM_RECEIPT');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('OVERDRACHT_CONFIRM_RECEIPT');
        requireStepInput(STEPS.OVERDRACHT_CONFIRM_RECEIPT, u, policies);
        if (state.sent && u.receivedOn < state.sent.sentOn) reject('BAD_USER_INPUT', 'Het OKR kan niet vóór verzending zijn ontvangen', 'The OKR cannot be received before it was sent');
      },
    },
  );

  setHandler(
    recordWarmeOverdracht,
    async (u) => {
      const withinWindow = u.date >= cal.warmeOverdracht.from && u.date <= cal.warmeOverdracht.to;
      state.warmeOverdracht = {
        date: u.date,
        poPresent: u.poPresent,
        parentsPresent: u.parentsPresent,
        pupilPresent: u.pupilPresent,
        development: clean(u.development),
        specificNeeds: clean(u.specificNeeds),
        approach: clean(u.approach),
        attentionPoints: clean(u.attentionPoints),
        parentAlignment: clean(u.parentAlignment),
        aftercare: clean(u.aftercare),
        talents: clean(u.talents),
        summary: u.summary.trim(),
        withinWindow,
        recordedBy: u.actor.name,
      };
      await recordStep(u.actor, 'WARME_OVERDRACHT_RECORDED', `Warme overdracht gehouden op ${u.date}${withinWindow ? '' : ' (buiten de regionale periode)'}`);
      await movedOnFrom('OVERDRACHT_WARM_HANDOVER');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('OVERDRACHT_WARM_HANDOVER');
        requireStepInput(STEPS.OVERDRACHT_WARM_HANDOVER, u, policies);
        if (!u.poPresent) reject('BAD_USER_INPUT', 'Een warme overdracht is een gesprek van beide scholen: de basisschool is erbij', 'A warm handover is a conversation of both schools: the primary school takes part');
      },
    },
  );

  // --- PLAATSING → INFORMATIE_GEDEELD ---
  setHandler(
    placeOverdrachtPupil,
    async (u) => {
      state.placement = { className: u.className.trim(), mentorId: u.mentorId, mentorName: clean(u.mentorName), level: clean(u.level), note: clean(u.note), placedOn: todayIso(), placedBy: u.actor.name };
      rec.addParticipant(u.mentorId);
      await recordStep(u.actor, 'PUPIL_PLACED', `Geplaatst in ${u.className.trim()}${clean(u.level) ? ` (${clean(u.level)})` : ''}; mentor ${clean(u.mentorName) ?? ''}`.trim());
      await movedOnFrom('OVERDRACHT_PLACEMENT');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('OVERDRACHT_PLACEMENT');
        requireStepInput(STEPS.OVERDRACHT_PLACEMENT, u, policies);
      },
    },
  );

  setHandler(
    confirmOverdrachtRead,
    async (u) => {
      state.mentorRead = { readOn: todayIso(), note: clean(u.note) };
      await recordStep(u.actor, 'MENTOR_READ', 'De mentor heeft de overdrachtsinformatie gelezen');
      await movedOnFrom('OVERDRACHT_MENTOR_READ');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('OVERDRACHT_MENTOR_READ');
        if (u.actor.id !== state.placement?.mentorId) reject('STEP_NOT_ALLOWED', 'Alleen de mentor van de leerling bevestigt dat hij de informatie heeft gelezen', 'Only the pupil’s mentor confirms that he has read the information');
        requireStepInput(STEPS.OVERDRACHT_MENTOR_READ, u, policies);
      },
    },
  );

  setHandler(
    referOverdrachtToIzo,
    async (u) => {
      state.izoReferral = {
        reasons: [...u.reasons],
        pupilHelpQuestion: u.pupilHelpQuestion.trim(),
        mentorSupportQuestion: u.mentorSupportQuestion.trim(),
        problem: clean(u.problem),
        parentsInformed: u.parentsInformed,
        requestedOn: todayIso(),
        requestedBy: u.actor.name,
        caseId: null,
      };
      await recordStep(u.actor, 'IZO_REFERRAL_REQUESTED', 'Directe aanmelding bij het IZO gevraagd');
      return view();
    },
    {
      validator: (u) => {
        requireNotClosed();
        if (!OVERDRACHT_IZO_STATUSES.includes(status())) {
          reject('STEP_NOT_ALLOWED', 'Een directe IZO-aanmelding kan vanaf de ontvangst van het OKR', 'A direct IZO referral is possible once the OKR has been received');
        }
        if (state.izoReferral !== null) reject('STEP_NOT_ALLOWED', 'De leerling is al direct aangemeld bij het IZO', 'The pupil has already been referred to the IZO');
        requireStepInput(STEPS.OVERDRACHT_IZO_REFERRAL, u, policies);
      },
    },
  );

  // --- TERUGKOPPELING_PO ---
  setHandler(
    recordOverdrachtFeedback,
    async (u) => {
      const m = state.openMoment as { moment: TerugkoppelingMoment; date: string };
      state.feedback.push({ moment: m.moment, momentDate: m.date, date: todayIso(), summary: u.summary.trim(), sentTo: clean(u.sentTo), recordedBy: u.actor.name });
      await recordStep(u.actor, 'FEEDBACK_RECORDED', `Terugkoppeling aan ${input.poSchoolName} ${TERUGKOPPELING_LABELS[m.moment]}`);
      // The next moment may be due at once: its feedback step is then open again, which is moving on too.
      await movedOnFrom('OVERDRACHT_FEEDBACK', () => s.waitingFor === 'OVERDRACHT_FEEDBACK' && state.openMoment !== null && state.openMoment.moment !== m.moment);
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('OVERDRACHT_FEEDBACK');
        if (state.openMoment === null) reject('STEP_NOT_ALLOWED', 'Er staat nu geen terugkoppeling open', 'No feedback is open now');
        requireStepInput(STEPS.OVERDRACHT_FEEDBACK, u, policies);
      },
    },
  );

  setHandler(
    stopOverdracht,
    async (u) => {
      state.stopReason = u.reason.trim();
      await recordStep(u.actor, 'STOP_REQUESTED', 'Overdracht gestopt', u.reason);
      return view();
    },
    {
      validator: (u) => {
        requireNotClosed();
        requireStepInput(STEPS.STOP_OVERDRACHT, u, policies);
      },
    },
  );

  // ----------------------------------------------------------------------------------------------
  // Main flow.
  const finish = async (final: OverdrachtStatus, outcome: string, description: string): Promise<OverdrachtState> => {
    await rec.closeWith(outcome, () => transition(final, description));
    return view();
  };
  const finishStopped = () => (admin.closed ? admin.end(view) : finish('GESTOPT', 'GESTOPT', `Overdracht gestopt: ${state.stopReason ?? ''}`));

  state.feedbackMoments = feedbackMoments();
  for (const [key, d] of [
    ['SCHOOLADVIES', cal.schooladviesBy],
    ['AANMELDWEEK', cal.aanmeldweek.to],
    ['OSO_DEADLINE', cal.osoDeadline],
    ['START_SCHOOLJAAR', cal.startSchoolYear],
  ] as const) {
    rec.upsertDueDate(key, { date: d, rule: `P6.calendar.${key}`, inputs: { schoolYear: cal.schoolYear }, explanation: `Regionale overdrachtskalender ${cal.schoolYear}: ${d}.` });
  }
  syncData();
  await rec.record({ actorId: contact.id, actorName: contact.name, action: 'CASE_STARTED', description: `Overdracht van ${input.poSchoolName} gestart (aanmelding ontvangen op ${input.applicationReceivedOn})` });
  if (state.supportNeeds) await startZorgplicht('bekend bij de aanmelding');

  // OKR_IN_VOORBEREIDING: ready by the end of the aanmeldweek (a late case: within N school days), never past the OSO deadline.
  const today = todayIso();
  let okrDue = regional(cal.aanmeldweek.to, 'Het OKR is klaar aan het einde van de aanmeldweek', 'P6.okrByAanmeldweek', policy.okrWithinSchoolDays);
  if (okrDue.date > cal.osoDeadline && cal.osoDeadline >= today) okrDue = regional(cal.osoDeadline, 'Het OKR is uiterlijk op de OSO-uitwisseldatum klaar', 'P6.okrByOsoDeadline', policy.okrWithinSchoolDays);
  await step('OVERDRACHT_RECORD_OKR', contact.id, okrDue, () => state.okr !== null);
  if (stopped()) return finishStopped();
  if (state.supportNeeds) await startZorgplicht('volgens het onderwijskundig rapport');

  // INZAGE_OUDERS: no transfer without the parents' consent; reminders up to the OSO exchange deadline.
  await transition('INZAGE_OUDERS', 'Het OKR ligt ter inzage bij de ouders; zij geven toestemming voor de overdracht en kunnen hun zienswijze toevoegen');
  const askedOn = todayIso();
  const untilDeadline = schoolDaysBetween(askedOn, cal.osoDeadline, ctx.calendar);
  const timeoutSchoolDays = untilDeadline > 0 ? untilDeadline : ctx.policies.consent.timeoutSchoolDays;
  const consent = await requireConsent(rec, {
    kind: OVERDRACHT_CONSENT_KIND,
    label: 'Overdracht van het onderwijskundig rapport naar de VO-school',
    scope: `De basisschool (${input.poSchoolName}) draagt het onderwijskundig rapport van uw kind over aan ${ctx.schoolName}. U kunt het rapport inzien en uw zienswijze toevoegen; zonder uw toestemming wordt het niet verzonden.`,
    pupilDecidesFrom16: true,
    timeoutSchoolDays,
    respondWithinSchoolDays: Math.min(ctx.policies.consent.respondWithinSchoolDays, timeoutSchoolDays),
    followUpUserId: contact.id,
    requestedBy: contact,
    decisionLabel: 'Geen toestemming voor de overdracht vóór de uitwisseldatum: opnieuw vragen of afsluiten',
    isCancelled: stopped,
  });
  if (stopped()) return finishStopped();
  if (consent.outcome !== 'GIVEN') {
    return finish(
      'GEEN_TOESTEMMING',
      consent.outcome === 'REFUSED' ? 'GEWEIGERD' : 'GEEN_ANTWOORD',
      consent.outcome === 'REFUSED'
        ? 'Ouders geven geen toestemming voor de overdracht: het OKR wordt niet verzonden'
        : 'Geen toestemming van de ouders voor de overdracht vóór de uitwisseldatum: het OKR wordt niet verzonden',
    );
  }

  // VERZONDEN → ONTVANGEN_VO: the cold handover, for every pupil.
  const sendDue = cal.osoDeadline >= todayIso() ? dueInSchoolDays(todayIso(), policy.sendWithinSchoolDays, ctx.calendar, 'P6.sendWithinSchoolDays') : null;
  await step(
    'OVERDRACHT_SEND_OKR',
    contact.id,
    sendDue && sendDue.date <= cal.osoDeadline ? sendDue : regional(cal.osoDeadline, 'Het OKR is uiterlijk op de OSO-uitwisseldatum verzonden', 'P6.sendByOsoDeadline', policy.sendWithinSchoolDays),
    () => state.sent !== null,
  );
  if (stopped()) return finishStopped();
  await transition('VERZONDEN', `OKR verzonden op ${state.sent?.sentOn ?? ''}`);
  await step('OVERDRACHT_CONFIRM_RECEIPT', zc, due(state.sent?.sentOn ?? todayIso(), policy.receiptWithinSchoolDays, 'P6.receiptWithinSchoolDays'), () => state.received !== null);
  if (stopped()) return finishStopped();
  await transition('ONTVANGEN_VO', `Koude overdracht: OKR ontvangen op ${state.received?.receivedOn ?? ''}`);
  if (state.supportNeeds) await startZorgplicht('bij ontvangst van het OKR');

  // WARME_OVERDRACHT for pupils with support needs, inside the regional window.
  if (state.supportNeeds) {
    await transition('WARME_OVERDRACHT', `Warme overdracht met basisschool, ouders en leerling tussen ${cal.warmeOverdracht.from} en ${cal.warmeOverdracht.to}`);
    await step(
      'OVERDRACHT_WARM_HANDOVER',
      brugklas,
      regional(cal.warmeOverdracht.to, `Warme overdracht binnen de regionale periode ${cal.warmeOverdracht.from} tot en met ${cal.warmeOverdracht.to}`, 'P6.warmeOverdracht', policy.receiptWithinSchoolDays),
      () => state.warmeOverdracht !== null,
    );
    if (stopped()) return finishStopped();
  }

  // PLAATSING by the brugklascoördinator, before the summer (the last school day before the new school year).
  await transition('PLAATSING', 'De brugklascoördinator plaatst de leerling');
  await step(
    'OVERDRACHT_PLACEMENT',
    brugklas,
    regional(previousSchoolDay(addCalendarDays(cal.startSchoolYear, -1), ctx.calendar), `Plaatsing vóór de start van het schooljaar (${cal.startSchoolYear})`, 'P6.placementBeforeStartSchoolYear', policy.receiptWithinSchoolDays),
    () => state.placement !== null,
  );
  if (stopped()) return finishStopped();

  // INFORMATIE_GEDEELD: the mentor gets the information and confirms he has read it.
  const placement = state.placement as NonNullable<OverdrachtState['placement']>;
  await transition('INFORMATIE_GEDEELD', `De overdrachtsinformatie is gedeeld met de mentor (${placement.mentorName ?? 'mentor'}) en de docenten`);
  const readFrom = cal.startSchoolYear > todayIso() ? cal.startSchoolYear : todayIso();
  const readDue = due(readFrom, policy.mentorReadWithinSchoolDays, 'P6.mentorReadWithinSchoolDays');
  await step('OVERDRACHT_MENTOR_READ', placement.mentorId, { ...readDue, explanation: `${readDue.explanation} De mentor leest de informatie direct na de instroom (start schooljaar ${cal.startSchoolYear}).` }, () => state.mentorRead !== null);
  if (stopped()) return finishStopped();

  // DIRECTE_IZO_AANMELDING (optional) and TERUGKOPPELING_PO at the policy's moments.
  if (izoPending()) await startIzoReferral();
  const feedbackOwner = placement.mentorId ?? zc;
  for (const m of state.feedbackMoments) {
    await transition('TERUGKOPPELING_PO', `Terugkoppeling aan ${input.poSchoolName} ${TERUGKOPPELING_LABELS[m.moment]} (${m.date})`);
    rec.upsertDueDate(`FEEDBACK_${m.moment}`, { date: m.date, rule: `P6.terugkoppeling.${m.moment}`, inputs: { date: m.date }, explanation: m.explanation });
    s.nextDueDate = m.date;
    s.ownerUserId = feedbackOwner;
    syncData();
    await rec.record();
    while (await waitUntilDate(m.date, () => stopped() || izoPending())) {
      if (stopped()) return finishStopped();
      await startIzoReferral();
    }
    if (stopped()) return finishStopped();
    state.openMoment = { moment: m.moment, date: m.date };
    const d = due(m.date, policy.feedbackWithinSchoolDays, 'P6.feedbackWithinSchoolDays');
    await step(
      'OVERDRACHT_FEEDBACK',
      feedbackOwner,
      { ...d, explanation: `${d.explanation} ${m.explanation}` },
      () => state.feedback.some((f) => f.moment === m.moment),
      `${OVERDRACHT_STEP_LABELS.OVERDRACHT_FEEDBACK} ${TERUGKOPPELING_LABELS[m.moment]}`,
    );
    state.openMoment = null;
    if (stopped()) return finishStopped();
    if (izoPending()) await startIzoReferral();
  }
  if (izoPending()) await startIzoReferral();
  return finish('AFGESLOTEN', 'AFGEROND', `Overdracht afgerond: de leerling is ingestroomd${state.feedback.length ? ` en ${input.poSchoolName} heeft terugkoppeling gekregen` : ''}`);
}
