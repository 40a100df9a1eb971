/**
 * P4 — the state of one zorgplicht case and what follows from it: the clock, which steps are open, the one snapshot
 * shown by the query and written to the read model (with the clock's due dates). The handlers (zorgplicht.handlers.ts),
 * the SWV watcher (zorgplicht.parallel.ts) and the main flow (zorgplicht.workflow.ts) work on it.
 */
import { workflowInfo } from '@temporalio/workflow';
import { toIsoDate, type ZorgplichtPolicy } from '@zorgroute/domain/logic';
import type { CaseContext } from '../../activities/case-activities.types';
import type { CaseDocumentRef } from '../../activities/zorgplicht-activities.types';
import { caseWriters } from '../common/case-recorder';
import { openCase, type OpenedCase } from '../common/open-case';
import { reject } from '../common/step-errors';
import { startZorgplichtClock, zorgplichtExtensionRejection, type ZorgplichtClock } from './zorgplicht-clock';
import type {
  StartZorgplichtInput,
  ZorgplichtDecision,
  ZorgplichtInvestigationRecord,
  ZorgplichtState,
  ZorgplichtStatus,
  ZorgplichtStep,
  ZorgplichtSwvSignalRecord,
} from './zorgplicht.messages';
import { ZORGPLICHT_OPEN_STATUSES, zorgplichtOpenSteps } from './zorgplicht.rules';

/** Today in Amsterdam, by the workflow's clock. */
export function todayIso(): string {
  return toIsoDate(Date.now());
}

/** What happened in a case (everything the snapshot is made from). */
export interface ZorgplichtCaseState {
  clock: ZorgplichtClock;
  extensionsUsed: number;
  /** Set when an extension or decision handler has passed its validator (guards concurrent updates). */
  extending: boolean;
  deciding: boolean;
  investigations: ZorgplichtInvestigationRecord[];
  decision: ZorgplichtDecision | null;
  documents: CaseDocumentRef[];
  swvSignals: ZorgplichtSwvSignalRecord[];
}

export class ZorgplichtCase {
  readonly c: OpenedCase;
  readonly policy: ZorgplichtPolicy;
  /** The zorgcoördinator who owns the decision (the starter when the school has none). */
  readonly owner: string | null;
  readonly state: ZorgplichtCaseState;
  readonly recordStep: ReturnType<typeof caseWriters<ZorgplichtStatus>>['recordStep'];
  readonly transition: ReturnType<typeof caseWriters<ZorgplichtStatus>>['transition'];

  constructor(
    readonly input: StartZorgplichtInput,
    readonly ctx: CaseContext,
  ) {
    this.policy = ctx.policies.zorgplicht;
    this.c = openCase(
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
      // The decision term is a legal clock: it is extended with its own step (P4), not by an admin.
      { admin: { extendDueDate: false } },
    );
    this.rec.addParticipant(input.startedBy.id);
    this.owner = ctx.zorgcoordinatorId ?? input.startedBy.id;
    this.state = {
      clock: startZorgplichtClock(input.receivedOn, this.policy, ctx.calendar),
      extensionsUsed: 0,
      extending: false,
      deciding: false,
      investigations: [],
      decision: null,
      documents: [],
      swvSignals: [],
    };
    const writers = caseWriters<ZorgplichtStatus>(this.rec, () => this.syncData());
    this.recordStep = writers.recordStep;
    this.transition = writers.transition;
  }

  get rec() {
    return this.c.rec;
  }

  status(): ZorgplichtStatus {
    return this.c.snapshot.status as ZorgplichtStatus;
  }

  /** Decided (or closed by an admin): the decision step and the SWV watcher end. */
  decided(): boolean {
    return this.state.decision !== null || this.c.admin.closed;
  }

  openSteps(): ZorgplichtStep[] {
    const { state, policy } = this;
    return zorgplichtOpenSteps({
      open: ZORGPLICHT_OPEN_STATUSES.includes(this.status()) && !state.deciding && state.decision === null,
      extending: state.extending,
      extensionAllowed: zorgplichtExtensionRejection(state.clock, state.extensionsUsed, todayIso(), policy) === null,
    });
  }

  /** The one snapshot: the query's answer (the read model's row is written from the same state by syncData). */
  view(): ZorgplichtState {
    const s = this.c.snapshot;
    const state = this.state;
    return {
      case: { ...s, data: { ...s.data }, participantIds: [...s.participantIds] },
      openSteps: this.openSteps(),
      clock: { ...state.clock },
      extensionsUsed: state.extensionsUsed,
      investigations: [...state.investigations],
      decision: state.decision && { ...state.decision },
      documents: [...state.documents],
      swvSignals: [...state.swvSignals],
    };
  }

  /** The read model's process data and the clock's due dates, from the same state. */
  syncData(): void {
    const { state, input, rec } = this;
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
        warnDaysBefore: this.policy.swvWarnDaysBefore,
      },
      swvSignals: state.swvSignals.map((x) => ({ signal: x.signal, on: x.on })),
      investigations: state.investigations,
      decision: state.decision,
      documents: state.documents,
      openSteps: this.openSteps(),
    });
    rec.upsertDueDate('FIRST_TERM', state.clock.firstTerm);
    rec.upsertDueDate('TEN_WEEK_MARK', state.clock.tenWeekMark);
  }

  /** A step is refused before anything is written once a decision is taken (or being taken), or while extending. */
  requireOpen(step: ZorgplichtStep): void {
    const { state } = this;
    if (!ZORGPLICHT_OPEN_STATUSES.includes(this.status()) || state.decision !== null || state.deciding) {
      reject('CASE_CLOSED', 'Over deze aanmelding is al beslist', 'A decision on this application has already been recorded');
    }
    if (step === 'EXTEND_TERM' && state.extending) {
      reject('STEP_NOT_ALLOWED', 'De beslistermijn wordt al verlengd', 'The term is already being extended');
    }
  }
}
