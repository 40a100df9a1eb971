/**
 * P8 — the state of one TLV request and what follows from it: the SWV's checklist for this case, which steps are open,
 * which may be taken any time, the decision term, the one snapshot shown by the query and written to the read model.
 * The handlers (tlv.handlers.ts) and the main flow (tlv.workflow.ts) work on it.
 */
import { workflowInfo } from '@temporalio/workflow';
import { addCalendarWeeks, dueInCalendarWeeks, dueInSchoolDays, toIsoDate, type DueDate, type TlvDossierItem } from '@zorgroute/domain/logic';
import { TLV_DOSSIER_ITEM_OPTIONS, TLV_STEPS as STEPS } from '@zorgroute/processes';
import type { CaseContext } from '../../activities/case-activities.types';
import type { TlvDocumentRef } from '../../activities/tlv-activities.types';
import { caseWriters } from '../common/case-recorder';
import { openCase, type OpenedCase } from '../common/open-case';
import { reject } from '../common/step-errors';
import type {
  StartTlvInput,
  TlvBezwaar,
  TlvCheck,
  TlvChecklistEntry,
  TlvDecision,
  TlvExpert,
  TlvHerindicatieInput,
  TlvRequest,
  TlvState,
  TlvStatus,
  TlvStep,
  TlvTerm,
} from './tlv.messages';

/** Statuses in which the case is closed. */
export const CLOSED: readonly TlvStatus[] = ['VERLOPEN', 'AFGESLOTEN', 'INGETROKKEN', 'GEEN_TOESTEMMING'];
/** Statuses before the commissie's decision (a request may still be withdrawn). */
export const BEFORE_DECISION: readonly TlvStatus[] = ['DOSSIER', 'INGEDIEND', 'ADVIES', 'BESLUIT', 'VERLENGD'];
/** Statuses in which the decision term runs (it may be extended). */
const TERM_RUNS: readonly TlvStatus[] = ['ADVIES', 'BESLUIT', 'VERLENGD'];

const ITEM_LABELS = Object.fromEntries(TLV_DOSSIER_ITEM_OPTIONS.map((o) => [o.value, o.label])) as Record<TlvDossierItem, string>;

export function itemLabel(item: TlvDossierItem): string {
  return ITEM_LABELS[item] ?? item;
}

/** Today in Amsterdam, by the workflow's clock. */
export function todayIso(): string {
  return toIsoDate(Date.now());
}

interface RecordedItem {
  reference: string;
  date: string;
  note: string | null;
  /** The note may be read by the parents and the pupil (else the school and the SWV only). */
  noteForFamily: boolean;
  recordedBy: string | null;
}

export class Tlv {
  readonly c: OpenedCase;
  readonly policy: CaseContext['policies']['tlv'];
  /** The SWV's checklist for this case (the VSO's deskundigheidsverklaring only where it applies). */
  readonly required: readonly TlvDossierItem[];
  /** What happened in this request (everything the snapshot and the messages are made from). */
  readonly state = {
    items: new Map<TlvDossierItem, RecordedItem>(),
    consentGiven: false,
    requests: [] as TlvRequest[],
    checks: [] as TlvCheck[],
    experts: [] as TlvExpert[],
    term: null as TlvTerm | null,
    termDue: null as DueDate | null,
    extensionsUsed: 0,
    /** Set while an extension or a decision handler writes its letter (guards concurrent updates). */
    extending: false,
    deciding: false,
    decision: null as TlvDecision | null,
    documents: [] as TlvDocumentRef[],
    schoolSystemOn: null as string | null,
    bronOn: null as string | null,
    bezwaren: [] as TlvBezwaar[],
    expiry: null as { reminderDate: string; remindedOn: string | null } | null,
    herindicatie: null as { decision: TlvHerindicatieInput['herindicatie']; reason: string; decidedOn: string; caseId: string | null; by: { id: string | null; name: string | null } } | null,
    withdrawn: null as { reason: string; by: string | null } | null,
  };
  readonly recordStep: ReturnType<typeof caseWriters<TlvStatus>>['recordStep'];
  readonly transition: ReturnType<typeof caseWriters<TlvStatus>>['transition'];

  constructor(
    readonly input: StartTlvInput,
    readonly ctx: CaseContext,
  ) {
    this.policy = ctx.policies.tlv;
    this.required = this.policy.requiredDossierItems.filter((i) => i !== 'DESKUNDIGHEIDSVERKLARING_VSO' || input.deskundigheidsverklaringVso);
    this.c = openCase(
      {
        caseId: workflowInfo().workflowId,
        process: 'TLV',
        schoolId: input.schoolId,
        pupilId: input.pupilId,
        status: 'DOSSIER',
        policyVersion: ctx.policyVersion,
        originCaseId: input.herindicatieOf ?? input.sourceCaseId ?? null,
        participantIds: [],
        data: {},
        startedAt: new Date().toISOString(),
      },
      ctx,
      // The decision term is the SWV's legal clock: extended with its own step and notice, not by an admin.
      { admin: { extendDueDate: false } },
    );
    this.c.rec.addParticipant(input.startedBy.id);
    const writers = caseWriters<TlvStatus>(this.c.rec, () => this.syncData());
    this.recordStep = writers.recordStep;
    this.transition = writers.transition;
  }

  get rec() {
    return this.c.rec;
  }

  status(): TlvStatus {
    return this.c.snapshot.status as TlvStatus;
  }

  /** Withdrawn, or closed by an admin: every wait ends. */
  ended(): boolean {
    return this.state.withdrawn !== null || this.c.admin.closed;
  }

  due(from: string, schoolDays: number, rule: string): DueDate {
    return dueInSchoolDays(from, schoolDays, this.ctx.calendar, rule);
  }

  /** An item counts as present when recorded, or — the parents' signature — when the parents agreed in Zorgroute. */
  present(item: TlvDossierItem): boolean {
    return this.state.items.has(item) || (item === 'HANDTEKENING_OUDERS' && this.state.consentGiven);
  }

  missingItems(): TlvDossierItem[] {
    return this.required.filter((i) => !this.present(i));
  }

  checklist(): TlvChecklistEntry[] {
    const items = TLV_DOSSIER_ITEM_OPTIONS.map((o) => o.value as TlvDossierItem).filter((i) => this.required.includes(i) || this.present(i));
    return items.map((item) => {
      const r = this.state.items.get(item);
      const viaConsent = !r && item === 'HANDTEKENING_OUDERS' && this.state.consentGiven;
      return {
        item,
        label: itemLabel(item),
        required: this.required.includes(item),
        present: this.present(item),
        reference: r?.reference ?? (viaConsent ? 'Akkoord van de ouders in Zorgroute' : null),
        date: r?.date ?? null,
        note: r?.note ?? null,
        noteForFamily: r?.noteForFamily === true,
        recordedBy: r?.recordedBy ?? null,
      };
    });
  }

  expert(slot: 1 | 2): TlvExpert | undefined {
    return this.state.experts.find((e) => e.slot === slot);
  }

  /** Why the term cannot be extended now (null: it can). */
  extensionRefusal(): { nl: string; en: string } | null {
    if (!TERM_RUNS.includes(this.status()) || !this.state.term || this.state.decision || this.state.deciding) {
      return { nl: 'De beslistermijn loopt nu niet', en: 'The decision term is not running now' };
    }
    if (this.state.extending) return { nl: 'De beslistermijn wordt al verlengd', en: 'The term is already being extended' };
    if (this.state.extensionsUsed >= this.policy.maxExtensions) return { nl: 'De beslistermijn is al verlengd; dat kan maar één keer', en: 'The term was already extended; that is possible once' };
    if (todayIso() > this.state.term.dueDate) return { nl: `De beslistermijn is al verstreken (${this.state.term.dueDate}); verlengen kan alleen vóór het einde`, en: `The term has already passed (${this.state.term.dueDate}); it can only be extended before it ends` };
    return null;
  }

  /** The decision term from the complete dossier (calendar weeks, the SWV's policy). */
  startTerm(completeOn: string): void {
    const due = dueInCalendarWeeks(completeOn, this.policy.decisionWeeks, 'tlv.decisionWeeks');
    this.state.termDue = due;
    this.state.term = { completeOn, firstDueDate: due.date, dueDate: due.date, explanation: due.explanation, extended: false, extensionWeeks: null, extendedOn: null, extensionReason: null };
  }

  extendTerm(weeks: number, reason: string): DueDate {
    const term = this.state.term as TlvTerm;
    const date = addCalendarWeeks(term.firstDueDate, weeks);
    const due: DueDate = {
      date,
      rule: 'tlv.extensionMaxWeeks',
      inputs: { completeOn: term.completeOn, firstDueDate: term.firstDueDate, weeks },
      explanation: `Uiterlijk ${date}: de termijn tot ${term.firstDueDate} is eenmalig met ${weeks === 1 ? '1 week' : `${weeks} weken`} verlengd.`,
    };
    this.state.termDue = due;
    this.state.term = { ...term, dueDate: date, explanation: due.explanation, extended: true, extensionWeeks: weeks, extendedOn: todayIso(), extensionReason: reason };
    this.state.extensionsUsed += 1;
    return due;
  }

  openSteps(): TlvStep[] {
    const s = this.state;
    const extend: TlvStep[] = this.extensionRefusal() === null ? ['TLV_EXTEND_TERM'] : [];
    switch (this.status()) {
      case 'DOSSIER':
        return s.consentGiven ? ['TLV_SUBMIT_REQUEST'] : [];
      case 'INGEDIEND':
        return ['TLV_CHECK_DOSSIER'];
      case 'ADVIES':
      case 'BESLUIT':
      case 'VERLENGD': {
        if (s.decision || s.deciding) return [];
        const advice: TlvStep[] = [];
        if (this.expert(1)?.advisedOn === null) advice.push('TLV_EXPERT_ADVICE_1');
        if (this.expert(2)?.advisedOn === null) advice.push('TLV_EXPERT_ADVICE_2');
        return advice.length ? [...advice, ...extend] : ['TLV_DECISION', ...extend];
      }
      case 'AFGEGEVEN':
      case 'AFLOPEND': {
        const steps: TlvStep[] = [];
        if (s.schoolSystemOn === null) steps.push('TLV_RECORD_SCHOOL_SYSTEM');
        else if (s.bronOn === null) steps.push('TLV_RECORD_BRON');
        if (this.status() === 'AFLOPEND' && s.herindicatie === null) steps.push('TLV_DECIDE_HERINDICATIE');
        return steps;
      }
      default:
        return [];
    }
  }

  /** Steps that may be taken now although no one waits for them (the case page offers them next to the open steps). */
  availableSteps(): TlvStep[] {
    if (CLOSED.includes(this.status()) || this.ended()) return [];
    if (this.state.decision) return ['TLV_RECORD_BEZWAAR'];
    const withdraw: TlvStep[] = this.state.deciding ? [] : ['TLV_WITHDRAW'];
    return this.status() === 'DOSSIER' ? ['TLV_RECORD_DOSSIER_ITEM', ...withdraw] : withdraw;
  }

  /** The one snapshot: the query's answer (the read model's row is written from the same state by syncData). */
  view(): TlvState {
    const s = this.state;
    return {
      case: this.rec.view(),
      openSteps: this.openSteps(),
      availableSteps: this.availableSteps(),
      checklist: this.checklist(),
      missingItems: this.missingItems(),
      requests: [...s.requests],
      checks: [...s.checks],
      experts: s.experts.map((e) => ({ ...e })),
      term: s.term && { ...s.term },
      decision: s.decision && { ...s.decision },
      documents: [...s.documents],
      registration: { schoolSystemOn: s.schoolSystemOn, bronOn: s.bronOn },
      bezwaren: [...s.bezwaren],
      expiry: s.expiry && { ...s.expiry },
      herindicatie: s.herindicatie && { decision: s.herindicatie.decision, reason: s.herindicatie.reason, decidedOn: s.herindicatie.decidedOn, caseId: s.herindicatie.caseId },
      withdrawnReason: s.withdrawn?.reason ?? null,
    };
  }

  /** The read model's process data, from the same state. */
  syncData(): void {
    const v = this.view();
    this.rec.setData({
      sourceCaseId: this.input.sourceCaseId,
      flexZatDate: this.input.flexZatDate ?? null,
      herindicatieOf: this.input.herindicatieOf ?? null,
      deskundigheidsverklaringVso: this.input.deskundigheidsverklaringVso,
      checklist: v.checklist,
      checklistComplete: v.missingItems.length === 0,
      missingItems: v.missingItems,
      submitted: v.requests.length > 0,
      request: v.requests.at(-1) ?? null,
      checks: v.checks,
      experts: v.experts,
      term: v.term,
      decision: v.decision,
      documents: v.documents,
      registration: v.registration,
      bezwaren: v.bezwaren,
      expiry: v.expiry,
      herindicatie: v.herindicatie,
      withdrawnReason: v.withdrawnReason,
      openSteps: v.openSteps,
      availableSteps: v.availableSteps,
    });
    if (this.state.termDue) this.rec.upsertDueDate('TLV_DECISION_TERM', this.state.termDue);
  }

  /** A step that is not open now is refused before anything is written. */
  requireOpen(step: TlvStep): void {
    if (CLOSED.includes(this.status()) || this.ended()) reject('CASE_CLOSED', 'Deze TLV-aanvraag is afgesloten', 'This TLV request is closed');
    if (!this.openSteps().includes(step) && !this.availableSteps().includes(step)) {
      reject('STEP_NOT_ALLOWED', `"${STEPS[step].label}" kan nu niet (status ${this.status()})`, `"${step}" is not allowed now (status ${this.status()})`);
    }
  }
}
