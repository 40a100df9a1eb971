/**
 * P4 — the process's deterministic rules beside the clock (zorgplicht-clock.ts) as plain functions (unit-tested in
 * zorgplicht.rules.spec.ts): which steps are open, what a decision records (on time or not, the last day to object),
 * and which SWV signal goes out when several are due at once.
 */
import { addCalendarWeeks, type ZorgplichtPolicy } from '@zorgroute/domain/logic';
import { zorgplichtDecidedOnTime, type ZorgplichtClock, type ZorgplichtClockStatus, type ZorgplichtSwvSignal, type ZorgplichtSwvSignalPlan } from './zorgplicht-clock';
import type { ZorgplichtDecision, ZorgplichtDecisionInput, ZorgplichtStatus, ZorgplichtStep } from './zorgplicht.messages';

/** The statuses in which no decision has been taken yet. */
export const ZORGPLICHT_OPEN_STATUSES: readonly ZorgplichtStatus[] = ['ONTVANGEN', 'ONDERZOEK', 'VERLENGD'];

/** The timeline line of each SWV signal. */
export const ZORGPLICHT_SIGNAL_DESCRIPTIONS: Record<ZorgplichtSwvSignal, string> = {
  WEEK_LEFT: 'Nog een week tot het einde van de beslistermijn zonder besluit; SWV-loket geïnformeerd',
  OVERDUE: 'Beslistermijn verstreken zonder besluit; SWV-loket geïnformeerd',
  TEN_WEEKS: '10 weken na ontvangst nog geen besluit (risico thuiszitter); SWV-loket geïnformeerd',
};

/**
 * The open steps while no decision is taken (or being taken): an investigation and the decision always, the extension
 * only while it is allowed and not already under way.
 */
export function zorgplichtOpenSteps(c: { open: boolean; extending: boolean; extensionAllowed: boolean }): ZorgplichtStep[] {
  if (!c.open) return [];
  const steps: ZorgplichtStep[] = ['RECORD_INVESTIGATION'];
  if (!c.extending && c.extensionAllowed) steps.push('EXTEND_TERM');
  steps.push('RECORD_DECISION');
  return steps;
}

/**
 * The decision as the case records it: on time or not against the due date in force, the fields of its outcome only,
 * and (for a decision letter, i.e. every outcome but INGETROKKEN) the last day to object.
 */
export function zorgplichtDecision(
  u: Omit<ZorgplichtDecisionInput, 'actor'>,
  decidedBy: string | null,
  today: string,
  clock: Pick<ZorgplichtClock, 'due'>,
  policy: Pick<ZorgplichtPolicy, 'bezwaarWeeks'>,
): ZorgplichtDecision {
  return {
    outcome: u.outcome,
    decidedOn: today,
    onTime: zorgplichtDecidedOnTime(clock, today),
    motivation: u.motivation?.trim() || null,
    arrangement: u.outcome === 'TOEGELATEN' ? u.arrangement?.trim() || null : null,
    admittingSchoolName: u.outcome === 'PLEK_ELDERS' ? (u.admittingSchoolName?.trim() ?? null) : null,
    admittingSchoolId: u.outcome === 'PLEK_ELDERS' ? (u.admittingSchoolId ?? null) : null,
    agreementDate: u.outcome === 'PLEK_ELDERS' ? (u.agreementDate ?? null) : null,
    agreementNote: u.outcome === 'PLEK_ELDERS' ? u.agreementNote?.trim() || null : null,
    tlvRequestedOn: u.outcome === 'TLV_AANGEVRAAGD' ? (u.tlvRequestedOn ?? null) : null,
    reason: u.outcome === 'INGETROKKEN' ? (u.reason?.trim() ?? null) : null,
    bezwaarUntil: u.outcome !== 'INGETROKKEN' ? addCalendarWeeks(today, policy.bezwaarWeeks) : null,
    decidedBy,
  };
}

/** Several signals due at once (a clock registered late): the most severe goes out (the first of equals), the rest are noted. */
export function zorgplichtSignalToSend(due: readonly ZorgplichtSwvSignalPlan[]): { top: ZorgplichtSwvSignalPlan; covered: ZorgplichtSwvSignalPlan[] } {
  const top = due.reduce((a, b) => (b.severity > a.severity ? b : a));
  return { top, covered: due.filter((p) => p !== top) };
}

/** The days a signal's message names: the days left (WEEK_LEFT) or overdue (OVERDUE); none for TEN_WEEKS. */
export function zorgplichtSignalDays(signal: ZorgplichtSwvSignal, status: Pick<ZorgplichtClockStatus, 'daysRemaining' | 'daysOverdue'>): number | undefined {
  return signal === 'WEEK_LEFT' ? status.daysRemaining : signal === 'OVERDUE' ? status.daysOverdue : undefined;
}
