/**
 * P3 — the process's deterministic rules as plain functions (unit-tested in jos.rules.spec.ts): which needs a case may
 * have, when the hard cap and its warning fall, when each progress evaluation is due and opens, which steps are open in
 * a status, when support ended, and how a case closes.
 */
import { addCalendarDays, addCalendarMonths, addCalendarWeeks } from '@zorgroute/domain/logic';
import type { CaseContext } from '../../activities/case-activities.types';
import { JOS_NEEDS, JOS_SIGNATURE_DECISION_STEP, JOS_SIGNATURE_STEP, type JosNeed, type JosOutcome, type JosReferral, type JosStatus } from './jos.messages';

export type JosPolicy = CaseContext['policies']['jos'];

/** The parents' signature as the consent machinery ends it. */
export type JosSignature = 'GIVEN' | 'REFUSED' | 'TIMED_OUT' | 'CANCELLED';

export const JOS_CLOSED: readonly JosStatus[] = ['AFGEROND', 'DOORVERWEZEN', 'GEEN_TOESTEMMING', 'GESTOPT'];

/** A case names one or more of the six needs, each once. */
export function validJosNeeds(needs: unknown): needs is JosNeed[] {
  return Array.isArray(needs) && needs.length > 0 && needs.length <= JOS_NEEDS.length && needs.every((n) => JOS_NEEDS.includes(n as JosNeed)) && new Set(needs).size === needs.length;
}

/** The hard cap, `maxMonths` after the signature (it cannot be extended), and the warning some weeks before it. */
export function josCap(signedOn: string, policy: Pick<JosPolicy, 'maxMonths' | 'capWarningWeeksBefore'>): { capDate: string; warnDate: string } {
  const capDate = addCalendarMonths(signedOn, policy.maxMonths);
  return { capDate, warnDate: addCalendarWeeks(capDate, -policy.capWarningWeeksBefore) };
}

/** The date progress evaluation `k` counts from: every `everyWeeks` weeks after the start of ACTIEF. */
export function josEvaluationFrom(activeFrom: string, k: number, everyWeeks: number): string {
  return addCalendarWeeks(activeFrom, k * everyWeeks);
}

/** An evaluation can be recorded from halfway its period (not before the start of ACTIEF), so there is one per period. */
export function josEvaluationOpensOn(dueDate: string, everyWeeks: number, activeFrom: string): string {
  const opensOn = addCalendarDays(dueDate, -Math.floor((everyWeeks * 7) / 2));
  return opensOn > activeFrom ? opensOn : activeFrom;
}

/** The steps open in `status`; `waitingFor` tells the signature from the decision after its timeout. */
export function josOpenSteps(status: JosStatus, waitingFor: string | null, evaluationOpen: boolean): string[] {
  switch (status) {
    case 'AANMELDFORMULIER':
      return ['SUBMIT_FORM'];
    case 'STARTGESPREK':
      return ['RECORD_STARTGESPREK'];
    case 'HANDTEKENING_OUDERS':
      // The consent machinery sets waitingFor; before it does, the signature is what is asked.
      return waitingFor === JOS_SIGNATURE_DECISION_STEP ? [JOS_SIGNATURE_DECISION_STEP] : [JOS_SIGNATURE_STEP];
    case 'DOELEN':
      return ['SET_GOALS', 'RECORD_OUTCOME'];
    case 'ACTIEF':
      return ['LOG_CONTACT', ...(evaluationOpen ? ['RECORD_EVALUATION'] : []), 'RECORD_OUTCOME'];
    case 'AFRONDING':
      return ['RECORD_OUTCOME'];
    default:
      return [];
  }
}

/** How support ended: at the cap (on the cap date), or earlier by a recorded outcome (today). */
export function josEndOfSupport(s: { outcome: JosOutcome | null; capReached: boolean; capDate: string | null }, today: string): { endedBy: 'CAP' | 'EARLY'; endDate: string } {
  const endedBy = s.outcome !== null && !s.capReached ? 'EARLY' : 'CAP';
  return { endedBy, endDate: endedBy === 'CAP' ? (s.capDate as string) : today };
}

/** The Dutch name of a referral, as the timeline states it. */
export function josReferralLabel(r: JosReferral | null): string {
  switch (r) {
    case 'SOCIAAL_TEAM':
      return 'het Sociaal Team';
    case 'OOV':
      return 'de onderwijsopvangvoorziening (OOV)';
    case 'BPO':
      return 'de begeleider passend onderwijs (BPO)';
    default:
      return 'een externe partij';
  }
}

/**
 * How a case closes: a withdrawal or a stop before an outcome, no signature (refused, or no answer and the
 * zorgcoördinator stopped asking), else the outcome. The status and the timeline line.
 */
export function josClosing(s: {
  withdrawn: boolean;
  stopReason: string | null;
  outcome: JosOutcome | null;
  referralTo: JosReferral | null;
  signature: JosSignature;
}): { final: JosStatus; description: string } {
  if (s.withdrawn && s.outcome === null) return { final: 'GEEN_TOESTEMMING', description: 'Toestemming ingetrokken door de ouders: de begeleiding door JOS stopt' };
  if (s.stopReason !== null && s.outcome === null) return { final: 'GESTOPT', description: `JOS gestopt: ${s.stopReason}` };
  if (s.signature === 'REFUSED' || s.signature === 'TIMED_OUT') {
    return {
      final: 'GEEN_TOESTEMMING',
      description: s.signature === 'REFUSED' ? 'Ouders hebben niet getekend (geweigerd): geen begeleiding door JOS' : 'Geen handtekening van de ouders: afgesloten zonder toestemming',
    };
  }
  const final = s.outcome === 'DOORVERWEZEN' ? 'DOORVERWEZEN' : 'AFGEROND';
  return { final, description: final === 'AFGEROND' ? 'JOS afgerond' : `JOS afgesloten; leerling doorverwezen naar ${josReferralLabel(s.referralTo)}` };
}
