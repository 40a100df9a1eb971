/**
 * P4 — Aanmelding and zorgplicht: the school of first preference decides within 6 weeks of receiving
 * the written application, once extendable by at most 4 weeks (PROCESSES.md P4, seed 003:287-307).
 *
 * ONTVANGEN (receipt recorded, the clock runs from the date of receipt, which may lie in the past)
 * → ONDERZOEK (information from parents and previous school, OSO dossier, intake, observation: each
 * recorded) → VERLENGD (once, before the first term ends, with a written notice to the parents
 * stating the reason) → BESLUIT (the decision letter with how to object) → TOEGELATEN |
 * PLEK_ELDERS | TLV_AANGEVRAAGD, or INGETROKKEN when the parents withdraw.
 *
 * Beside the decision step (owner: the zorgcoördinator, with the reminder ladder), a watcher tells
 * the SWV loket when a week remains without a decision, when the term is overdue and at 10 weeks
 * after receipt without a decision. Letters are PDFs stored with the case; the parents get an
 * e-mail with a link, never the letter itself.
 */
import { allHandlersFinished, condition, defineQuery, defineUpdate, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { addCalendarWeeks, toIsoDate, zonedInstant, type DueDate } from '@zorgroute/domain/logic';
import type { CaseSnapshot } from '@zorgroute/domain';
import type { CaseDocumentRef, ZorgplichtActivities } from '../../activities/zorgplicht-activities.types';
import { CaseRecorder, caseWriters, type Actor } from '../common/case-recorder';
import { db } from '../common/case-activities.proxy';
import { awaitHumanStep } from '../common/human-step';
import { installAdminHandlers } from '../common/admin-actions';
import { reject, requireStepInput } from '../common/step-errors';
import { ZORGPLICHT_INVESTIGATION_OPTIONS, ZORGPLICHT_STEPS as STEPS } from '@zorgroute/processes';
import {
  zorgplichtApplicationRejection,
  zorgplichtClockStatus,
  zorgplichtDecidedOnTime,
  extendZorgplichtClock,
  zorgplichtExtensionRejection,
  startZorgplichtClock,
  zorgplichtSwvSignalPlan,
  type ZorgplichtSwvSignal,
  type ZorgplichtSwvSignalPlan,
  type ZorgplichtClock,
  type ZorgplichtOutcome,
} from './zorgplicht-clock';

export const ZORGPLICHT_WORKFLOW = 'zorgplichtWorkflow';

export type ZorgplichtStatus = 'ONTVANGEN' | 'ONDERZOEK' | 'VERLENGD' | 'BESLUIT' | ZorgplichtOutcome;
export type ZorgplichtStep = 'RECORD_INVESTIGATION' | 'EXTEND_TERM' | 'RECORD_DECISION';

/** What the school did to investigate the support need (P4.1 ONDERZOEK), as the step catalogue names it. */
export type ZorgplichtInvestigationKind = (typeof ZORGPLICHT_INVESTIGATION_OPTIONS)[number]['value'];
export const ZORGPLICHT_INVESTIGATION_KINDS: readonly ZorgplichtInvestigationKind[] = ZORGPLICHT_INVESTIGATION_OPTIONS.map((o) => o.value);

export const ZORGPLICHT_INVESTIGATION_LABELS = Object.fromEntries(ZORGPLICHT_INVESTIGATION_OPTIONS.map((o) => [o.value, o.label])) as Record<ZorgplichtInvestigationKind, string>;

export interface StartZorgplichtInput {
  /** The school that received the application; it must be the parents' first preference. */
  schoolId: string;
  pupilId: string;
  startedBy: Actor;
  /** Date of receipt of the written application (YYYY-MM-DD; may lie in the past, not in the future). */
  receivedOn: string;
  /** Whether the school expects the pupil to need extra support. */
  extraSupportExpected: boolean;
  /** The parents' order of preference (school ids); the first holds the zorgplicht. */
  preferenceSchoolIds: string[];
  /** How the application came in: directly, or from the PO→VO overdracht (P6). */
  source?: 'AANMELDING' | 'OVERDRACHT' | null;
  /** The case this one was started from (e.g. the P6 overdracht), if any. */
  originCaseId?: string | null;
  /** The caller's idempotency key (kept in the case data). */
  requestKey?: string | null;
}

export interface ZorgplichtInvestigationInput {
  actor: Actor;
  kind: ZorgplichtInvestigationKind;
  date: string;
  /** Short internal note for the school (never shown to the SWV, never in an e-mail). */
  summary?: string | null;
}

export interface ZorgplichtExtendInput {
  actor: Actor;
  /** 1 to the policy's maximum (default 4). */
  weeks: number;
  /** Stated in the written notice to the parents. */
  reason: string;
}

export interface ZorgplichtDecisionInput {
  actor: Actor;
  outcome: ZorgplichtOutcome;
  /** Why: required for every outcome except INGETROKKEN; stated in the decision letter. */
  motivation?: string | null;
  /** TOEGELATEN: the extra support (arrangement); empty = admitted without an arrangement. */
  arrangement?: string | null;
  /** PLEK_ELDERS: the admitting school (name required; id when it is a Zorgroute school) and the date it agreed. */
  admittingSchoolName?: string | null;
  admittingSchoolId?: string | null;
  agreementDate?: string | null;
  agreementNote?: string | null;
  /** TLV_AANGEVRAAGD: the date the TLV was requested from the SWV. */
  tlvRequestedOn?: string | null;
  /** INGETROKKEN: the parents' reason or how they withdrew. */
  reason?: string | null;
}

export interface ZorgplichtInvestigationRecord {
  kind: ZorgplichtInvestigationKind;
  date: string;
  summary: string | null;
  recordedBy: string | null;
}

export interface ZorgplichtDecision {
  outcome: ZorgplichtOutcome;
  decidedOn: string;
  /** On or before the due date in force. */
  onTime: boolean;
  motivation: string | null;
  arrangement: string | null;
  admittingSchoolName: string | null;
  admittingSchoolId: string | null;
  agreementDate: string | null;
  agreementNote: string | null;
  tlvRequestedOn: string | null;
  reason: string | null;
  /** The last day to object (decision letters only). */
  bezwaarUntil: string | null;
  decidedBy: string | null;
}

export interface ZorgplichtSwvSignalRecord {
  key: string;
  signal: ZorgplichtSwvSignal;
  on: string;
  /** Signals that were due at the same moment and are covered by this one (e.g. a clock registered late). */
  covers: string[];
}

export interface ZorgplichtState {
  case: CaseSnapshot;
  openSteps: ZorgplichtStep[];
  clock: ZorgplichtClock;
  extensionsUsed: number;
  investigations: ZorgplichtInvestigationRecord[];
  decision: ZorgplichtDecision | null;
  documents: CaseDocumentRef[];
  swvSignals: ZorgplichtSwvSignalRecord[];
}

export const recordZorgplichtInvestigation = defineUpdate<ZorgplichtState, [ZorgplichtInvestigationInput]>('recordZorgplichtInvestigation');
export const extendZorgplichtTerm = defineUpdate<ZorgplichtState, [ZorgplichtExtendInput]>('extendZorgplichtTerm');
export const recordZorgplichtDecision = defineUpdate<ZorgplichtState, [ZorgplichtDecisionInput]>('recordZorgplichtDecision');
export const getZorgplichtState = defineQuery<ZorgplichtState>('getZorgplichtState');

export const ZORGPLICHT_STEP_LABELS: Record<ZorgplichtStep, string> = {
  RECORD_INVESTIGATION: STEPS.RECORD_INVESTIGATION.label,
  EXTEND_TERM: STEPS.EXTEND_TERM.label,
  RECORD_DECISION: STEPS.RECORD_DECISION.label,
};

const OPEN: ZorgplichtStatus[] = ['ONTVANGEN', 'ONDERZOEK', 'VERLENGD'];
const SIGNAL_DESCRIPTIONS: Record<ZorgplichtSwvSignal, string> = {
  WEEK_LEFT: 'Nog een week tot het einde van de beslistermijn zonder besluit; SWV-loket geïnformeerd',
  OVERDUE: 'Beslistermijn verstreken zonder besluit; SWV-loket geïnformeerd',
  TEN_WEEKS: '10 weken na ontvangst nog geen besluit (risico thuiszitter); SWV-loket geïnformeerd',
};

/** Letters: rendering and storing a PDF may take a moment; retried until it is stored (keyed, so once). */
const letters = proxyActivities<ZorgplichtActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

function todayIso(): string {
  return toIsoDate(Date.now());
}

export async function zorgplichtWorkflow(input: StartZorgplichtInput): Promise<ZorgplichtState> {
  const ctx = await db.loadCaseContext({ schoolId: input.schoolId });
  const policy = ctx.policies.zorgplicht;
  const policies = ctx.policies;
  // Only the school of first preference holds the zorgplicht; the api refuses other applications
  // before starting, and the workflow refuses them too, so no path starts a clock elsewhere.
  const refused = zorgplichtApplicationRejection({ schoolId: input.schoolId, receivedOn: input.receivedOn, preferenceSchoolIds: input.preferenceSchoolIds, today: todayIso() });
  if (refused) reject('BAD_USER_INPUT', refused.nl, refused.en);

  const rec = new CaseRecorder(
    {
      caseId: workflowInfo().workflowId,
      process: 'ZORGPLICHT',
      schoolId: input.schoolId,
      pupilId: input.pupilId,
      status: 'ONTVANGEN',
      policyVersion: ctx.policyVersion,
      originCaseId: input.originCaseId ?? null,
      participantIds: [],
      data: {},
      startedAt: new Date().toISOString(),
    },
    ctx,
  );
  const s = rec.snapshot;
  // The decision term is a legal clock: it is extended with its own step (P4), not by an admin.
  const admin = installAdminHandlers(rec, { extendDueDate: false });
  rec.addParticipant(input.startedBy.id);
  const owner = ctx.zorgcoordinatorId ?? input.startedBy.id;

  const state = {
    clock: startZorgplichtClock(input.receivedOn, policy, ctx.calendar),
    extensionsUsed: 0,
    /** Set when an extension or decision handler has passed its validator (guards concurrent updates). */
    extending: false,
    deciding: false,
    investigations: [] as ZorgplichtInvestigationRecord[],
    decision: null as ZorgplichtDecision | null,
    documents: [] as CaseDocumentRef[],
    swvSignals: [] as ZorgplichtSwvSignalRecord[],
  };

  const status = () => s.status as ZorgplichtStatus;
  const isOpen = () => OPEN.includes(status()) && !state.deciding && state.decision === null;
  const openSteps = (): ZorgplichtStep[] => {
    if (!isOpen()) return [];
    const steps: ZorgplichtStep[] = ['RECORD_INVESTIGATION'];
    if (!state.extending && zorgplichtExtensionRejection(state.clock, state.extensionsUsed, todayIso(), policy) === null) steps.push('EXTEND_TERM');
    steps.push('RECORD_DECISION');
    return steps;
  };
  const view = (): ZorgplichtState => ({
    case: { ...s, data: { ...s.data }, participantIds: [...s.participantIds] },
    openSteps: openSteps(),
    clock: { ...state.clock },
    extensionsUsed: state.extensionsUsed,
    investigations: [...state.investigations],
    decision: state.decision && { ...state.decision },
    documents: [...state.documents],
    swvSignals: [...state.swvSignals],
  });
  const syncData = () => {
    const c = state.clock;
    rec.setData({
      receivedOn: c.receivedOn,
      extraSupportExpected: input.extraSupportExpected,
      preferenceSchoolIds: [...input.preferenceSchoolIds],
      source: input.source ?? 'AANMELDING',
      requestKey: input.requestKey ?? null,
      clock: {
        receivedOn: c.receivedOn,
        suspendSummerHoliday: c.suspendSummerHoliday,
        firstDueDate: c.firstTerm.date,
        firstTermExplanation: c.firstTerm.explanation,
        dueDate: c.due.date,
        dueRule: c.due.rule,
        dueExplanation: c.due.explanation,
        dueInputs: c.due.inputs,
        extended: c.extension !== null,
        extensionWeeks: c.extension?.weeks ?? null,
        extendedOn: c.extension?.extendedOn ?? null,
        extensionReason: c.extension?.reason ?? null,
        tenWeekDate: c.tenWeekMark.date,
        tenWeekExplanation: c.tenWeekMark.explanation,
        warnDaysBefore: policy.swvWarnDaysBefore,
      },
      swvSignals: state.swvSignals.map((x) => ({ signal: x.signal, on: x.on })),
      investigations: state.investigations,
      decision: state.decision,
      documents: state.documents,
      openSteps: openSteps(),
    });
    rec.upsertDueDate('FIRST_TERM', state.clock.firstTerm);
    rec.upsertDueDate('TEN_WEEK_MARK', state.clock.tenWeekMark);
  };
  const { recordStep, transition: close } = caseWriters<ZorgplichtStatus>(rec, () => syncData());
  const requireOpen = (step: ZorgplichtStep) => {
    if (!OPEN.includes(status()) || state.decision !== null || state.deciding) {
      reject('CASE_CLOSED', 'Over deze aanmelding is al beslist', 'A decision on this application has already been recorded');
    }
    if (step === 'EXTEND_TERM' && state.extending) {
      reject('STEP_NOT_ALLOWED', 'De beslistermijn wordt al verlengd', 'The term is already being extended');
    }
  };

  setHandler(getZorgplichtState, view);

  setHandler(
    recordZorgplichtInvestigation,
    async (u) => {
      state.investigations.push({ kind: u.kind, date: u.date, summary: u.summary?.trim() || null, recordedBy: u.actor.name });
      state.investigations.sort((a, b) => a.date.localeCompare(b.date));
      await recordStep(u.actor, 'INVESTIGATION_RECORDED', `${ZORGPLICHT_INVESTIGATION_LABELS[u.kind]} (${u.date})`);
      if (status() === 'ONTVANGEN') {
        s.status = 'ONDERZOEK';
        await recordStep(u.actor, 'STATUS_ONDERZOEK', 'Onderzoek naar de ondersteuningsbehoefte gestart');
      }
      return view();
    },
    {
      validator: (u) => {
        requireOpen('RECORD_INVESTIGATION');
        requireStepInput(STEPS.RECORD_INVESTIGATION, u, policies);
      },
    },
  );

  setHandler(
    extendZorgplichtTerm,
    async (u) => {
      state.extending = true;
      const today = todayIso();
      const extended = extendZorgplichtClock(state.clock, { weeks: u.weeks, reason: u.reason.trim(), extendedOn: today }, ctx.calendar);
      // The written notice to the parents, stating the reason, is generated before the extension takes effect.
      const doc = await letters.createZorgplichtLetter({
        docKey: `${rec.caseId}:ZORGPLICHT_VERLENGING:${s.seq}`,
        caseId: rec.caseId,
        schoolId: s.schoolId,
        pupilId: s.pupilId,
        kind: 'ZORGPLICHT_VERLENGING',
        letterDate: today,
        receivedOn: state.clock.receivedOn,
        signedByUserId: ctx.zorgcoordinatorId ?? u.actor.id,
        extension: { firstDueDate: state.clock.firstTerm.date, weeks: u.weeks, newDueDate: extended.due.date, reason: u.reason.trim() },
      });
      state.clock = extended;
      state.extensionsUsed += 1;
      state.documents.push(doc);
      s.status = 'VERLENGD';
      await recordStep(u.actor, 'TERM_EXTENDED', `Beslistermijn verlengd met ${u.weeks} ${u.weeks === 1 ? 'week' : 'weken'} tot ${extended.due.date}; verlengingsbrief aan de ouders`, u.reason);
      rec.notifyLater({
        key: `${rec.caseId}:letter:${doc.documentId}:parents`,
        recipients: { parentsOfPupil: s.pupilId },
        kind: 'LETTER_AVAILABLE',
        stepLabel: 'Verlenging van de beslistermijn',
        dueDate: extended.due.date,
        document: { id: doc.documentId, letter: 'ZORGPLICHT_VERLENGING' },
      });
      state.extending = false;
      return view();
    },
    {
      validator: (u) => {
        requireOpen('EXTEND_TERM');
        // The statutory rules first (at most once, only up to the last day of the first term), then the weeks within
        // 1 and the policy's maximum (the catalogue).
        const refusal = zorgplichtExtensionRejection(state.clock, state.extensionsUsed, todayIso(), policy);
        if (refusal) reject(refusal.code, refusal.nl, refusal.en);
        requireStepInput(STEPS.EXTEND_TERM, u, policies);
      },
    },
  );

  setHandler(
    recordZorgplichtDecision,
    async (u) => {
      state.deciding = true;
      const today = todayIso();
      const withLetter = u.outcome !== 'INGETROKKEN';
      const bezwaarUntil = withLetter ? addCalendarWeeks(today, policy.bezwaarWeeks) : null;
      const decision: ZorgplichtDecision = {
        outcome: u.outcome,
        decidedOn: today,
        onTime: zorgplichtDecidedOnTime(state.clock, today),
        motivation: u.motivation?.trim() || null,
        arrangement: u.outcome === 'TOEGELATEN' ? u.arrangement?.trim() || null : null,
        admittingSchoolName: u.outcome === 'PLEK_ELDERS' ? (u.admittingSchoolName?.trim() ?? null) : null,
        admittingSchoolId: u.outcome === 'PLEK_ELDERS' ? (u.admittingSchoolId ?? null) : null,
        agreementDate: u.outcome === 'PLEK_ELDERS' ? (u.agreementDate ?? null) : null,
        agreementNote: u.outcome === 'PLEK_ELDERS' ? u.agreementNote?.trim() || null : null,
        tlvRequestedOn: u.outcome === 'TLV_AANGEVRAAGD' ? (u.tlvRequestedOn ?? null) : null,
        reason: u.outcome === 'INGETROKKEN' ? (u.reason?.trim() ?? null) : null,
        bezwaarUntil,
        decidedBy: u.actor.name,
      };
      let doc: CaseDocumentRef | null = null;
      if (withLetter && bezwaarUntil) {
        doc = await letters.createZorgplichtLetter({
          docKey: `${rec.caseId}:ZORGPLICHT_BESLUIT:${s.seq}`,
          caseId: rec.caseId,
          schoolId: s.schoolId,
          pupilId: s.pupilId,
          kind: 'ZORGPLICHT_BESLUIT',
          letterDate: today,
          receivedOn: state.clock.receivedOn,
          signedByUserId: ctx.zorgcoordinatorId ?? u.actor.id,
          decision: {
            outcome: u.outcome as 'TOEGELATEN' | 'PLEK_ELDERS' | 'TLV_AANGEVRAAGD',
            motivation: decision.motivation ?? '',
            arrangement: decision.arrangement,
            admittingSchoolName: decision.admittingSchoolName,
            agreementDate: decision.agreementDate,
            tlvRequestedOn: decision.tlvRequestedOn,
            bezwaarWeeks: policy.bezwaarWeeks,
            bezwaarUntil,
          },
        });
        state.documents.push(doc);
      }
      state.decision = decision;
      const timing = decision.onTime ? 'op tijd' : `te laat (termijn ${state.clock.due.date})`;
      await recordStep(
        u.actor,
        'DECISION_RECORDED',
        u.outcome === 'INGETROKKEN' ? 'Aanmelding ingetrokken door de ouders' : `Besluit: ${u.outcome} (${timing}); besluitbrief aan de ouders`,
        u.outcome === 'INGETROKKEN' ? decision.reason : null,
      );
      if (doc) {
        rec.notifyLater({
          key: `${rec.caseId}:letter:${doc.documentId}:parents`,
          recipients: { parentsOfPupil: s.pupilId },
          kind: 'LETTER_AVAILABLE',
          stepLabel: 'Besluit over de aanmelding',
          dueDate: bezwaarUntil as string,
          document: { id: doc.documentId, letter: 'ZORGPLICHT_BESLUIT' },
        });
      }
      return view();
    },
    {
      validator: (u) => {
        requireOpen('RECORD_DECISION');
        requireStepInput(STEPS.RECORD_DECISION, u, policies);
        if (u.outcome === 'PLEK_ELDERS' && u.admittingSchoolId != null && u.admittingSchoolId === s.schoolId) {
          reject('BAD_USER_INPUT', 'De school die de leerling toelaat moet een andere school zijn', 'The admitting school must be another school');
        }
      },
    },
  );

  // The SWV watcher (P4.3): runs beside the decision step until there is a decision.
  const decided = () => state.decision !== null || admin.closed;
  const signalAt = (p: ZorgplichtSwvSignalPlan) => Date.parse(zonedInstant(p.date, ctx.policies.ladder.sendAtHour, ctx.policies.ladder.sendAtMinute));
  const fired = new Set<string>();
  const fireSignal = async (top: ZorgplichtSwvSignalPlan, covered: ZorgplichtSwvSignalPlan[]) => {
    const today = todayIso();
    const st = zorgplichtClockStatus(state.clock, today);
    const calendarDays = top.signal === 'WEEK_LEFT' ? st.daysRemaining : top.signal === 'OVERDUE' ? st.daysOverdue : undefined;
    state.swvSignals.push({ key: top.key, signal: top.signal, on: today, covers: covered.map((c) => c.key) });
    rec.notifyLater({
      key: `${rec.caseId}:swv:${top.key}`,
      recipients: { swvLoketOfSchool: s.schoolId },
      kind: 'ZORGPLICHT_TERMIJN',
      stepLabel: ZORGPLICHT_STEP_LABELS.RECORD_DECISION,
      dueDate: state.clock.due.date,
      zorgplicht: { signal: top.signal, receivedOn: state.clock.receivedOn, extended: state.clock.extension !== null, ...(calendarDays ? { calendarDays } : {}) },
    });
    syncData();
    await rec.record({ actorId: null, actorName: 'Zorgroute', action: `SWV_${top.signal}`, description: SIGNAL_DESCRIPTIONS[top.signal] });
  };
  const watchSwv = async () => {
    while (!decided()) {
      const plan = zorgplichtSwvSignalPlan(state.clock, policy).filter((p) => !fired.has(p.key));
      if (!plan.length) {
        await condition(decided);
        return;
      }
      const now = Date.now();
      const due = plan.filter((p) => signalAt(p) <= now);
      if (due.length) {
        // Several signals due at once (a clock registered late): send the most severe, note the rest.
        const top = due.reduce((a, b) => (b.severity > a.severity ? b : a));
        due.forEach((p) => fired.add(p.key));
        await fireSignal(top, due.filter((p) => p !== top));
        continue;
      }
      const extension = state.clock.extension;
      await condition(() => decided() || state.clock.extension !== extension, Math.max(signalAt(plan[0]) - now, 1));
    }
  };

  // ONTVANGEN: the clock runs from the date of receipt.
  syncData();
  await rec.record({
    actorId: input.startedBy.id,
    actorName: input.startedBy.name,
    action: 'CASE_STARTED',
    description: `Schriftelijke aanmelding ontvangen op ${input.receivedOn}; besluit uiterlijk ${state.clock.due.date}${input.source === 'OVERDRACHT' ? ' (vanuit de PO-VO-overdracht)' : ''}`,
  });
  const watcher = watchSwv();

  // The decision step, with the reminder ladder on the due date in force; an extension restarts it on the new date.
  while (!decided()) {
    const extension = state.clock.extension;
    const due: DueDate = state.clock.due;
    await awaitHumanStep(
      rec,
      { step: 'RECORD_DECISION', label: ZORGPLICHT_STEP_LABELS.RECORD_DECISION, ownerUserId: owner, due },
      decided,
      () => state.clock.extension !== extension,
    );
  }
  await watcher;
  if (admin.closed) return admin.end(view);

  // BESLUIT → closed with the outcome.
  const decision = state.decision as ZorgplichtDecision;
  if (decision.outcome !== 'INGETROKKEN') await close('BESLUIT', `Besluit genomen op ${decision.decidedOn}${decision.onTime ? ' (binnen de termijn)' : ` (na de termijn van ${state.clock.due.date})`}`);
  s.outcome = decision.outcome;
  s.closedAt = new Date().toISOString();
  s.waitingFor = null;
  s.nextDueDate = null;
  await close(decision.outcome, `Aanmelding afgesloten: ${decision.outcome}`);
  await rec.drain();
  await condition(allHandlersFinished);
  return view();
}
