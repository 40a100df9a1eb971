import type { ProcessType } from '../entities/roles';
import { ALL_AUDIENCES, Audience, FAMILY } from './audience';

/**
 * Who sees which part of a case's process data (`case_summary.data`, written by the workflows' `syncData`). Stated
 * once, here; the process detail mappers of the api (P2 zorgroute, P4 zorgplicht, P5 OOV, P6 overdracht) and the
 * dossier export read a case's data only through `filterCaseData`, so the screen and the export show the same.
 *
 * A rule is either the audiences that see a value whole, or `{ to, fields }`: the audiences that see the value with
 * only the listed fields (recursively; for a list, of every element), or `{ to, alsoTo, when }`: the audiences `to`
 * see the value, the audiences `alsoTo` only where the object holding it says so (its field `when` is true, e.g. a note
 * the school marked for the family). The school sees all data. For every other audience a key or field that is not
 * listed is left out (fail closed).
 */
export type DataRule =
  | readonly Audience[]
  | { readonly to: readonly Audience[]; readonly fields: Readonly<Record<string, DataRule>> }
  | { readonly to: readonly Audience[]; readonly alsoTo: readonly Audience[]; readonly when: string };

const SF: readonly Audience[] = [Audience.SCHOOL, ...FAMILY];
const SFW: readonly Audience[] = ALL_AUDIENCES;
const S: readonly Audience[] = [Audience.SCHOOL];

/** Every field listed, each seen by `to`. */
const only = (to: readonly Audience[], names: string[], nested: Record<string, DataRule> = {}): DataRule => ({
  to,
  fields: { ...Object.fromEntries(names.map((n) => [n, to])), ...nested },
});

/** Data every process writes (CaseRecorder, common/consent.ts, common/links.ts, mail-watch.ts). */
const COMMON: Record<string, DataRule> = {
  dueDates: SFW,
  openSteps: SFW,
  // The consent requests of the case (the family's own answers); the SWV sees what was asked and its state only.
  consents: {
    to: SFW,
    fields: {
      ...Object.fromEntries(['requestId', 'kind', 'label', 'scope', 'status', 'requestedAt', 'respondBy', 'timeoutAt', 'pupilMayDecide', 'decidedAt', 'withdrawnAt', 'subjectDigest'].map((n) => [n, SFW])),
      ...Object.fromEntries(['giverUserId', 'giverRole', 'method', 'note', 'withdrawalReason', 'timeoutDecision'].map((n) => [n, SF])),
    },
  },
  ledTo: only(SF, ['caseId', 'process', 'at', 'started']),
  mailFailures: S,
  // Documents a process step asked the parents for (common/document-request.ts): the family sees what is asked and
  // its state; the SWV none of it.
  documentRequests: only(SF, ['requestId', 'kind', 'documentKind', 'label', 'description', 'audiences', 'status', 'requestedAt', 'dueDate', 'documentId', 'providedAt', 'providedByRole']),
};

const conversation = only(SF, ['date', 'agreements', 'recordedBy']);

const PER_PROCESS: Record<ProcessType, Record<string, DataRule>> = {
  // P1: the goal is the pupil's own (rule 4); sessions with attendance and thermometer, not the coach's notes.
  ONDERSTEUNINGSTRAJECT: {
    goal: SF,
    subGoals: SF,
    coachName: SF,
    sessionSlot: SF,
    weeks: SF,
    startDate: SF,
    endDate: SF,
    extensions: SF,
    sessions: only(SF, ['date', 'attended', 'thermometer']),
  },
  // P2 (rule 8): route, meetings, decisions and agreements; not the referral form, the triage, the safety exception,
  // the conversation reports, the IZO minutes, the ZAT referral or the ZAT's analysis.
  ZORGROUTE: {
    referrer: only(SF, ['name', 'role']),
    source: SF,
    flexZat: SF,
    submissions: SF,
    submittedAt: SF,
    contactPerson: only(SF, ['name']),
    bilateral: conversation,
    voorgesprek: conversation,
    izoMeetingDate: SF,
    izoRounds: only(SF, ['round', 'meetingDate', 'evaluationDate', 'minutesDistributedAt'], {
      decisions: only(SF, ['kind', 'description', 'supportType', 'goal', 'provider', 'startDate', 'frequency', 'duration', 'evaluationDate', 'startProcess']),
      nagesprek: conversation,
    }),
    evaluationDate: SF,
    evaluations: only(SF, ['at', 'by', 'outcome', 'nextEvaluationDate', 'note']),
    zatMeeting: SF,
    zatDiscussion: only(SF, ['meetingDate', 'actions', 'casusregisseur', 'casusregisseurUserId', 'feedbackToFamilyBy', 'feedbackToSchoolBy', 'evaluationDate', 'summary']),
    zatFeedback: conversation,
    zatEvaluations: only(SF, ['at', 'by', 'outcome', 'nextEvaluationDate', 'note']),
    zatConsentRefusals: SF,
  },
  // P3: JOS is done with parents, mentor and pupil; the family sees what the JOS page shows.
  JOS: {
    needs: SF,
    decisionDate: SF,
    mentorId: SF,
    josWorkerId: SF,
    maxMonths: SF,
    form: SF,
    startgesprek: SF,
    plannedStartgesprek: SF,
    signedOn: SF,
    goal: SF,
    goals: SF,
    activeFrom: SF,
    capDate: SF,
    capWarningDate: SF,
    capWarned: SF,
    endDate: SF,
    endedBy: SF,
    evaluationNumber: SF,
    evaluationOpensOn: SF,
    evaluations: SF,
    sessions: SF,
    contactCount: SF,
    outcome: SF,
    referralTo: SF,
    outcomeSummary: SF,
    stopReason: SF,
  },
  // P4: the parents see their application, the clock with the extension's reason (it is in their letter), the
  // investigation steps (not the school's notes) and the decision; the SWV the clock and the outcome only.
  ZORGPLICHT: {
    receivedOn: SFW,
    extraSupportExpected: SFW,
    preferenceSchoolIds: SFW,
    source: SFW,
    clock: {
      to: SFW,
      fields: {
        ...Object.fromEntries(
          ['receivedOn', 'suspendSummerHoliday', 'firstDueDate', 'firstTermExplanation', 'dueDate', 'dueRule', 'dueExplanation', 'dueInputs', 'extended', 'extensionWeeks', 'extendedOn', 'tenWeekDate', 'tenWeekExplanation', 'warnDaysBefore'].map((n) => [n, SFW]),
        ),
        extensionReason: SF,
      },
    },
    swvSignals: [Audience.SCHOOL, Audience.SWV],
    investigations: only(SF, ['kind', 'date']),
    decision: {
      to: SFW,
      fields: {
        ...Object.fromEntries(['outcome', 'decidedOn', 'onTime', 'admittingSchoolName', 'agreementDate', 'tlvRequestedOn', 'bezwaarUntil'].map((n) => [n, SFW])),
        ...Object.fromEntries(['motivation', 'arrangement', 'reason', 'admittingSchoolId', 'agreementNote', 'decidedBy'].map((n) => [n, SF])),
      },
    },
    documents: SF,
  },
  // P5: the SWV sees the request, its decisions, the dates and the outcome; the school's notes (consultations,
  // intake, evaluations, return plan, follow-up) are left out for it.
  OOV: {
    reason: SFW,
    source: SFW,
    enrolment: SFW,
    leerlingbegeleiderId: SFW,
    consultations: { to: SFW, fields: { party: SFW, date: SFW, withWhom: SFW, recordedBy: SFW, summary: SF } },
    requests: SFW,
    decisions: SFW,
    intake: {
      to: SFW,
      fields: { ...Object.fromEntries(['date', 'startDate', 'leerlingbegeleiderPresent', 'zorgcoordinatorPresent', 'oovContact', 'carePartners', 'recordedBy'].map((n) => [n, SFW])), summary: SF },
    },
    periods: SFW,
    arrangement: SFW,
    location: SFW,
    startDate: SFW,
    endDate: SFW,
    evaluations: { to: SFW, fields: { round: SFW, kind: SFW, date: SFW, nextStep: SFW, recordedBy: SFW, summary: SF } },
    extensions: SFW,
    returnPlan: { to: SFW, fields: { returnDate: SFW, handoverDate: SFW, mentorInformed: SFW, recordedBy: SFW, plan: SF, handoverSummary: SF } },
    followUp: { to: SFW, fields: { date: SFW, returnSucceeded: SFW, recordedBy: SFW, summary: SF } },
    followUpDate: SFW,
    vso: SFW,
    stopReason: SFW,
  },
  // P6: parents see what is transferred (right of inspection); the SWV the dates, the placement and whether a
  // zorgplicht clock runs — not the report, the parents' views or the conversation notes.
  OVERDRACHT: {
    schoolYear: SFW,
    calendar: SFW,
    applicationReceivedOn: SFW,
    preferenceSchoolIds: SFW,
    poSchoolName: SFW,
    poContactName: SFW,
    brugklascoordinatorId: SFW,
    supportNeeds: SFW,
    okr: SF,
    zienswijzen: SF,
    sent: SFW,
    received: SFW,
    warmeOverdracht: {
      to: SFW,
      fields: {
        ...Object.fromEntries(['date', 'withinWindow', 'poPresent', 'parentsPresent', 'pupilPresent', 'recordedBy'].map((n) => [n, SFW])),
        ...Object.fromEntries(['development', 'specificNeeds', 'approach', 'attentionPoints', 'parentAlignment', 'aftercare', 'talents', 'summary'].map((n) => [n, SF])),
      },
    },
    placement: { to: SFW, fields: { ...Object.fromEntries(['className', 'level', 'mentorId', 'mentorName', 'placedOn', 'placedBy'].map((n) => [n, SFW])), note: SF } },
    mentorId: SFW,
    mentorRead: { to: SFW, fields: { readOn: SFW, note: SF } },
    // The direct IZO referral is a case of its own (perhaps kept from the parents); the api names it to whoever sees it.
    izoReferral: S,
    feedbackMoments: SFW,
    feedback: { to: SFW, fields: { moment: SFW, momentDate: SFW, date: SFW, sentTo: SFW, recordedBy: SFW, summary: SF } },
    zorgplicht: SFW,
    stopReason: SFW,
  },
  // P7: the family sees the whole plan (it is drawn up with them), the pupil's views and the refusal route. The SWV —
  // only when its policy asks for the OPP (AccessPolicy) — sees per version the uitstroomperspectief, the
  // onderwijsbehoeften and the handelingsdeel with its dates and digest; not the factors, the onderbouwing, the reason of
  // a change, the authors, the pupil's view, the evaluations' reports or a refusal.
  OPP: {
    reason: SF,
    source: SFW,
    sourceCaseId: SF,
    supportStartedOn: SFW,
    versions: {
      to: SFW,
      fields: {
        ...Object.fromEntries(
          ['version', 'drawnUpOn', 'digest', 'status', 'agreedOn', 'onderwijsbehoeften', 'uitstroomperspectief', 'handelingsdeel', 'programmeDeviations', 'parentsConsultedOn'].map((n) => [n, SFW]),
        ),
        ...Object.fromEntries(['drawnUpBy', 'changeReason', 'belemmerendeFactoren', 'bevorderendeFactoren', 'uitstroomOnderbouwing', 'authors', 'consentRequestId', 'notAgreed', 'notAgreedOn'].map((n) => [n, SF])),
      },
    },
    currentVersion: SFW,
    conceptVersion: SF,
    hearings: SF,
    hearingFor: SF,
    evaluations: only(SFW, ['number', 'heldOn', 'concludedOn', 'parentsPresent'], { summary: SF, outcome: SF, recordedBy: SF }),
    nextEvaluation: SFW,
    refusals: SF,
    bron: SFW,
    sharedWithSwv: SFW,
    sharedVersions: SFW,
    stopReason: SF,
  },
  // P8: what is submitted to the SWV is the family's and the SWV's (the parents sign the request); the experts'
  // reports are for the SWV's commissie — the family sees who advised, when and what, not the report.
  TLV: {
    sourceCaseId: SFW,
    flexZatDate: SFW,
    herindicatieOf: SFW,
    deskundigheidsverklaringVso: SFW,
    // The school's note on a dossier item is for the school and the SWV; the family reads it only when the school marked
    // it for them (noteForFamily).
    checklist: {
      to: SFW,
      fields: {
        ...Object.fromEntries(['item', 'label', 'required', 'present', 'reference', 'date', 'noteForFamily', 'recordedBy'].map((n) => [n, SFW])),
        note: { to: [Audience.SCHOOL, Audience.SWV], alsoTo: FAMILY, when: 'noteForFamily' },
      },
    },
    checklistComplete: SFW,
    missingItems: SFW,
    submitted: SFW,
    request: SFW,
    checks: SFW,
    experts: { to: SFW, fields: { ...Object.fromEntries(['slot', 'name', 'discipline', 'dueDate', 'advisedOn', 'advice', 'category'].map((n) => [n, SFW])), summary: [Audience.SCHOOL, Audience.SWV], recordedBy: [Audience.SCHOOL, Audience.SWV] } },
    term: SFW,
    decision: SFW,
    documents: SFW,
    registration: SFW,
    bezwaren: SFW,
    expiry: SFW,
    herindicatie: SFW,
    withdrawnReason: SFW,
    availableSteps: SFW,
  },
};

function applyRule(value: unknown, rule: DataRule, audience: Audience, holder: Record<string, unknown>): { keep: boolean; value?: unknown } {
  if (Array.isArray(rule)) return (rule as readonly Audience[]).includes(audience) ? { keep: true, value } : { keep: false };
  if ('when' in rule) return rule.to.includes(audience) || (rule.alsoTo.includes(audience) && holder[rule.when] === true) ? { keep: true, value } : { keep: false };
  const r = rule as { to: readonly Audience[]; fields: Record<string, DataRule> };
  if (!r.to.includes(audience)) return { keep: false };
  return { keep: true, value: project(value, r.fields, audience) };
}

function project(value: unknown, fields: Record<string, DataRule>, audience: Audience): unknown {
  if (Array.isArray(value)) return value.map((v) => project(v, fields, audience));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const rule = fields[key];
    if (!rule) continue;
    const r = applyRule(v, rule, audience, value as Record<string, unknown>);
    if (r.keep) out[key] = r.value;
  }
  return out;
}

/**
 * Rules about which elements of a list an audience sees, where the field rules above (which decide per key) cannot
 * say it: the SWV sees only the OPP versions that were shared with it (agreed versions, when its policy asks for the
 * OPP), never a concept under way or a version the parents did not agree to.
 */
const ELEMENT_RULES: Partial<Record<string, Partial<Record<Audience, (data: Record<string, unknown>) => Record<string, unknown>>>>> = {
  OPP: {
    [Audience.SWV]: (data) => {
      const shared = new Set(Array.isArray(data.sharedVersions) ? (data.sharedVersions as unknown[]) : []);
      const versions = Array.isArray(data.versions) ? (data.versions as { version?: unknown }[]).filter((v) => shared.has(v?.version)) : data.versions;
      return { ...data, versions, currentVersion: shared.has(data.currentVersion) ? data.currentVersion : null };
    },
  },
};

/** The rules of a process's data (the common keys included). */
export function caseDataRules(process: ProcessType | string): Record<string, DataRule> {
  return { ...COMMON, ...(PER_PROCESS[process as ProcessType] ?? {}) };
}

/**
 * The part of a case's process data this audience may see: everything for the school, the declared parts for the
 * family and the SWV, nothing for an unknown audience.
 */
export function filterCaseData(process: ProcessType | string, data: Record<string, unknown> | null | undefined, audience: Audience | null): Record<string, unknown> {
  if (!data || audience === null) return {};
  if (audience === Audience.SCHOOL) return data;
  const elements = ELEMENT_RULES[process]?.[audience];
  return project(elements ? elements(data) : data, caseDataRules(process), audience) as Record<string, unknown>;
}
