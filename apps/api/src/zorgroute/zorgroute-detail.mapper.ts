import { missingReferralFields, type AanmeldFormulier, type ConversationRecord, type IzoRound, type TriageRecord, type ZatDiscussion, type ZatMeeting, type ZatReferralForm } from '@zorgroute/workflows';
import type { LinkedCaseModel, ZorgrouteConversationModel, ZorgrouteDetailModel, ZorgrouteEvaluationModel } from './models/zorgroute.model';

/** The P2 part of the read-model data, as the workflow writes it (see zorgroute.workflow.ts `syncData`). */
interface ZorgrouteData {
  referrer?: { id: string | null; name: string | null; role: string };
  source?: string;
  flexZat?: boolean;
  form?: AanmeldFormulier;
  submissions?: number;
  triages?: TriageRecord[];
  parentsException?: { reason: string; approvedBy: string | null } | null;
  parentsExceptionLifted?: { at: string; by: string | null; reason: string } | null;
  contactPerson?: { id: string | null; name: string | null } | null;
  bilateral?: ConversationRecord | null;
  voorgesprek?: ConversationRecord | null;
  izoMeetingDate?: string | null;
  izoRounds?: IzoRound[];
  evaluationDate?: string | null;
  evaluations?: ZorgrouteEvaluationModel[];
  zatReferral?: ZatReferralForm | null;
  zatMeeting?: ZatMeeting | null;
  zatDiscussion?: ZatDiscussion | null;
  zatFeedback?: ConversationRecord | null;
  zatEvaluations?: ZorgrouteEvaluationModel[];
  zatConsentRefusals?: { at: string; outcome: string; note: string | null }[];
  ledTo?: LinkedCaseModel[];
}

const n = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

function conversation(c: Partial<ConversationRecord> | null | undefined): ZorgrouteConversationModel | null {
  if (!c) return null;
  return { date: c.date ?? '', parentsReport: n(c.parentsReport), pupilReport: n(c.pupilReport), agreements: n(c.agreements), recordedBy: n(c.recordedBy) };
}

/**
 * Maps the caller's share of a P2 case's read-model data (AudiencePolicy.caseData: what each audience sees is stated
 * in libs/domain/src/audience/case-data-audience.ts) to the GraphQL detail. Rule 8 (privacy): parents and the pupil
 * see the route, dates, decisions and agreements, but not the referral form, the triage, the safety exception, the
 * reports or the IZO/ZAT notes — those parts are not in their share, so they map to null or empty here.
 */
export function toZorgrouteDetail(data: Record<string, unknown>): ZorgrouteDetailModel {
  const d = data as ZorgrouteData;
  const form = d.form;
  return {
    referrerName: d.referrer?.name ?? null,
    referrerRole: d.referrer?.role ?? '',
    source: d.source ?? '',
    flexZat: d.flexZat ?? false,
    submissions: d.submissions ?? 0,
    form: !form
      ? null
      : {
          reasons: form.reasons ?? [],
          parentsInformed: n(form.parentsInformed),
          parentsNotInformedReason: n(form.parentsNotInformedReason),
          problem: n(form.problem),
          problemSince: n(form.problemSince),
          hinderingFactors: n(form.hinderingFactors),
          functioningAtHome: n(form.functioningAtHome),
          strengths: n(form.strengths),
          pupilHelpQuestion: n(form.pupilHelpQuestion),
          parentsHelpQuestion: n(form.parentsHelpQuestion),
          mentorSupportQuestion: n(form.mentorSupportQuestion),
          supportNeeded: form.supportNeeded ?? [],
          supportNeededOther: n(form.supportNeededOther),
          firstLineActions: n(form.firstLineActions),
          earlierCareContacts: n(form.earlierCareContacts),
          earlierDiscussed: n(form.earlierDiscussed),
          earlierAssessment: n(form.earlierAssessment),
          diagnosedDisorder: n(form.diagnosedDisorder),
          schoolCareer: n(form.schoolCareer),
          results: n(form.results),
          developmentPerspective: n(form.developmentPerspective),
          socialEmotional: n(form.socialEmotional),
          workAttitude: n(form.workAttitude),
          wellbeing: n(form.wellbeing),
          attendance: n(form.attendance),
          otherRemarks: n(form.otherRemarks),
          missing: missingReferralFields(form),
        },
    triages: (d.triages ?? []).map((t) => ({
          at: t.at,
          by: t.by,
          outcome: t.outcome,
          ...t.checks,
          missingInformation: t.missingInformation,
          firstLineActions: t.firstLineActions,
          recheckDate: t.recheckDate,
          bilateralWith: t.bilateralWith,
          note: t.note,
        })),
    parentsExceptionReason: d.parentsException?.reason ?? null,
    parentsExceptionApprovedBy: d.parentsException?.approvedBy ?? null,
    parentsExceptionActive: !!d.parentsException && !d.parentsExceptionLifted,
    parentsExceptionLiftedAt: d.parentsExceptionLifted?.at ?? null,
    parentsExceptionLiftedBy: d.parentsExceptionLifted?.by ?? null,
    parentsExceptionLiftReason: d.parentsExceptionLifted?.reason ?? null,
    contactPersonName: d.contactPerson?.name ?? null,
    bilateral: conversation(d.bilateral),
    voorgesprek: conversation(d.voorgesprek),
    izoMeetingDate: n(d.izoMeetingDate),
    izoRounds: (d.izoRounds ?? []).map((r) => ({
      round: r.round,
      meetingDate: r.meetingDate,
      minutes: !r.minutes
        ? null
        : {
            analysis: n(r.minutes.analysis),
            pupilHelpQuestion: n(r.minutes.pupilHelpQuestion),
            mentorSupportQuestion: n(r.minutes.mentorSupportQuestion),
            alreadyDone: n(r.minutes.alreadyDone),
            developmentPerspective: n(r.minutes.developmentPerspective),
            educationalNeeds: n(r.minutes.educationalNeeds),
            groupOffer: n(r.minutes.groupOffer),
            pupilSupport: n(r.minutes.pupilSupport),
            mentorCoaching: n(r.minutes.mentorCoaching),
            zatQuestion: n(r.minutes.zatQuestion),
            parentAlignment: n(r.minutes.parentAlignment),
            summary: r.minutes.summary,
          },
      decisions: (r.decisions ?? []).map((x) => ({
        kind: x.kind,
        description: x.description,
        supportType: n(x.supportType),
        goal: n(x.goal),
        provider: n(x.provider),
        startDate: n(x.startDate),
        frequency: n(x.frequency),
        duration: n(x.duration),
        evaluationDate: n(x.evaluationDate),
        startProcess: n(x.startProcess),
      })),
      evaluationDate: r.evaluationDate,
      minutesDistributedAt: r.minutesDistributedAt,
      nagesprek: conversation(r.nagesprek),
    })),
    evaluationDate: n(d.evaluationDate),
    evaluations: (d.evaluations ?? []).map((e) => ({ ...e, summary: e.summary ?? '' })),
    zatReferral: !d.zatReferral ? null : { problem: null, factors: null, needs: null, schoolCareer: null, functioning: null, internalSupportDone: null, homeSituation: null, earlierCareContacts: null, helpQuestion: null, strengths: null, questionToZat: null, ...d.zatReferral },
    zatMeeting: d.zatMeeting ?? null,
    zatDiscussion: d.zatDiscussion
      ? {
          ...d.zatDiscussion,
          analysis: n(d.zatDiscussion.analysis),
          needs: n(d.zatDiscussion.needs),
          solutionsPupil: n(d.zatDiscussion.solutionsPupil),
          solutionsFamily: n(d.zatDiscussion.solutionsFamily),
          solutionsSchool: n(d.zatDiscussion.solutionsSchool),
        }
      : null,
    zatFeedback: conversation(d.zatFeedback),
    zatEvaluations: (d.zatEvaluations ?? []).map((e) => ({ ...e, summary: e.summary ?? '' })),
    zatConsentRefusals: d.zatConsentRefusals ?? [],
  };
}

export function linkedCases(data: Record<string, unknown>): LinkedCaseModel[] {
  // The family's share has no reason (an IZO decision's wording): an empty reason then.
  return ((data as ZorgrouteData).ledTo ?? []).map((l) => ({ caseId: l.caseId, process: l.process, at: l.at, reason: l.reason ?? '', started: l.started }));
}
