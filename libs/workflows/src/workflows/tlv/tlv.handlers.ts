/**
 * P8 — the human steps' updates. Each is registered from its definition in the step catalogue
 * (libs/processes/src/tlv/steps.ts: fields, bounds, Dutch messages, audit action); only the process's own rules are
 * code here: is the step open now, the SWV's checklist met before a submission, the term extended once and only before
 * it ends, a TLV valid for at least the policy's months.
 */
import { proxyActivities, setHandler } from '@temporalio/workflow';
import { addCalendarDays, addCalendarMonths, addCalendarWeeks } from '@zorgroute/domain/logic';
import { TLV_CATEGORY_OPTIONS, TLV_STEPS as STEPS } from '@zorgroute/processes';
import type { TlvActivities, TlvDocumentRef } from '../../activities/tlv-activities.types';
import { stepHandler } from '../common/open-case';
import { reject } from '../common/step-errors';
import { itemLabel, todayIso, type Tlv } from './tlv.case';
import {
  checkTlvDossier,
  decideTlvHerindicatie,
  extendTlvTerm,
  getTlvState,
  recordTlvBezwaar,
  recordTlvBron,
  recordTlvDecision,
  recordTlvDossierItem,
  recordTlvFirstExpertAdvice,
  recordTlvSchoolSystem,
  recordTlvSecondExpertAdvice,
  submitTlvRequest,
  withdrawTlvRequest,
  type TlvCategory,
  type TlvExpertAdviceInput,
  type TlvState,
} from './tlv.messages';

/** Letters: rendering and storing a PDF may take a moment; retried until it is stored (keyed, so once). */
const letters = proxyActivities<TlvActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

const CATEGORY = Object.fromEntries(TLV_CATEGORY_OPTIONS.map((o) => [o.value, o.label.toLowerCase()])) as Record<TlvCategory, string>;

export function installTlvHandlers(t: Tlv): void {
  setHandler(getTlvState, () => t.view());
  dossierHandlers(t);
  decisionHandlers(t);
  afterDecisionHandlers(t);
}

/** DOSSIER and ADVIES: the dossier items, its submission to the SWV, the SWV's check and the two experts' advice. */
function dossierHandlers(t: Tlv): void {
  const { rec } = t;
  const state = t.state;
  const s = rec.snapshot;
  const view = (): TlvState => t.view();
  const sync = () => t.syncData();


  stepHandler(
    rec,
    recordTlvDossierItem,
    {
      step: STEPS.TLV_RECORD_DOSSIER_ITEM,
      check: () => t.requireOpen('TLV_RECORD_DOSSIER_ITEM'),
      apply: (u) => {
        state.items.set(u.item, { reference: u.reference.trim(), date: u.date, note: u.note?.trim() || null, noteForFamily: u.noteForFamily === true, recordedBy: u.actor.name });
        return { description: `Dossierstuk vastgelegd: ${itemLabel(u.item)} (${u.reference.trim()})` };
      },
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    submitTlvRequest,
    {
      step: STEPS.TLV_SUBMIT_REQUEST,
      check: () => {
        t.requireOpen('TLV_SUBMIT_REQUEST');
        // "Een compleet dossier" [003:1646-1661]: the SWV's checklist is met before the request goes.
        const missing = t.missingItems();
        if (missing.length) {
          reject('STEP_NOT_ALLOWED', `Het dossier is niet compleet; nog nodig: ${missing.map(itemLabel).join(', ')}`, `The dossier is not complete; still needed: ${missing.join(', ')}`);
        }
      },
      apply: (u) => {
        state.requests.push({ round: state.requests.length + 1, submittedOn: todayIso(), submittedBy: u.actor.name, requestedCategory: u.requestedCategory, vsoSchool: u.vsoSchool?.trim() || null, motivation: u.motivation.trim() });
        return { description: `TLV-aanvraag ingediend bij het samenwerkingsverband (gevraagd: ${CATEGORY[u.requestedCategory]})` };
      },
      movedOn: () => rec.idle && s.waitingFor === 'TLV_CHECK_DOSSIER',
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    checkTlvDossier,
    {
      step: STEPS.TLV_CHECK_DOSSIER,
      check: () => t.requireOpen('TLV_CHECK_DOSSIER'),
      apply: (u) => {
        const today = todayIso();
        const round = state.requests.length;
        state.checks.push({ round, on: today, outcome: u.outcome, missingItems: u.missingItems ?? [], note: u.note?.trim() || null, by: u.actor.name });
        if (u.outcome === 'ONVOLLEDIG') {
          // What the SWV misses is no longer counted as present: the school adds it again before a new submission.
          for (const item of u.missingItems ?? []) state.items.delete(item);
          return { description: `Dossier onvolledig; terug naar de school: ${(u.missingItems ?? []).map(itemLabel).join(', ')}`, reason: u.note ?? null };
        }
        t.startTerm(today);
        const adviceDue = t.due(today, t.policy.adviceWithinSchoolDays, 'tlv.adviceWithinSchoolDays');
        const expert = (slot: 1 | 2, name: string, discipline: string) => ({ slot, name: name.trim(), discipline, dueDate: adviceDue.date, advisedOn: null, advice: null, category: null, summary: null, recordedBy: null });
        state.experts = [expert(1, u.firstExpertName as string, u.firstExpertDiscipline as string), expert(2, u.secondExpertName as string, u.secondExpertDiscipline as string)];
        return { description: `Dossier compleet; besluit uiterlijk ${state.term?.dueDate}. Advies van ${state.experts[0].name} en ${state.experts[1].name}`, reason: u.note ?? null };
      },
      movedOn: () => rec.idle && (s.waitingFor === 'TLV_SUBMIT_REQUEST' || rec.hasSideStep('TLV_EXPERT_ADVICE_2')),
      answer: view,
    },
    sync,
  );

  const adviceStep = (slot: 1 | 2) => ({
    step: slot === 1 ? STEPS.TLV_EXPERT_ADVICE_1 : STEPS.TLV_EXPERT_ADVICE_2,
    check: () => t.requireOpen(slot === 1 ? 'TLV_EXPERT_ADVICE_1' : 'TLV_EXPERT_ADVICE_2'),
    apply: (u: TlvExpertAdviceInput) => {
      const e = t.expert(slot);
      if (e) Object.assign(e, { advisedOn: u.date, advice: u.advice, category: u.advice === 'TOEKENNEN' ? (u.category ?? null) : null, summary: u.summary.trim(), recordedBy: u.actor.name });
      return { description: `Advies van ${e?.name ?? `deskundige ${slot}`}: ${u.advice === 'TOEKENNEN' ? `toekennen (${CATEGORY[u.category as TlvCategory]})` : 'afwijzen'}` };
    },
    answer: view,
  });
  stepHandler(rec, recordTlvFirstExpertAdvice, adviceStep(1), sync);
  stepHandler(rec, recordTlvSecondExpertAdvice, adviceStep(2), sync);
}

/** BESLUIT: the commissie's term extended once (with its letter) and the decision (with its letter). */
function decisionHandlers(t: Tlv): void {
  const { rec } = t;
  const state = t.state;
  const s = rec.snapshot;
  const view = (): TlvState => t.view();
  const sync = () => t.syncData();

  stepHandler(
    rec,
    extendTlvTerm,
    {
      step: STEPS.TLV_EXTEND_TERM,
      check: () => {
        if (t.ended()) reject('CASE_CLOSED', 'Deze TLV-aanvraag is afgesloten', 'This TLV request is closed');
        const refusal = t.extensionRefusal();
        if (refusal) reject('STEP_NOT_ALLOWED', refusal.nl, refusal.en);
      },
      apply: async (u) => {
        state.extending = true;
        const term = state.term;
        if (!term) throw new Error('term missing');
        const newDue = addCalendarWeeks(term.firstDueDate, u.weeks);
        // The written notice to the parents, stating the reason, is generated before the extension takes effect.
        const doc = await letters.createTlvLetter({
          docKey: `${rec.caseId}:TLV_VERLENGING:${s.seq}`,
          caseId: rec.caseId,
          schoolId: s.schoolId,
          pupilId: s.pupilId,
          kind: 'TLV_VERLENGING',
          letterDate: todayIso(),
          completeOn: term.completeOn,
          signedByUserId: u.actor.id,
          extension: { firstDueDate: term.firstDueDate, weeks: u.weeks, newDueDate: newDue, reason: u.reason.trim() },
        });
        t.extendTerm(u.weeks, u.reason.trim());
        state.documents.push(doc);
        notifyLetter(t, doc, 'Verlenging van de beslistermijn TLV', newDue);
        state.extending = false;
        return { description: `Beslistermijn verlengd met ${u.weeks === 1 ? '1 week' : `${u.weeks} weken`} tot ${newDue}; brief aan de ouders`, reason: u.reason };
      },
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    recordTlvDecision,
    {
      step: STEPS.TLV_DECISION,
      check: () => t.requireOpen('TLV_DECISION'),
      checkInput: (u) => {
        if (u.decision !== 'TOEGEKEND') return;
        const start = u.startDate as string;
        const end = u.endDate as string;
        const min = t.policy.minValidityMonths;
        if (end < addCalendarDays(addCalendarMonths(start, min), -1)) {
          reject('BAD_USER_INPUT', `Een TLV geldt minstens ${min} maanden: de einddatum ligt op of na ${addCalendarDays(addCalendarMonths(start, min), -1)}`, `A TLV is valid for at least ${min} months: the end date is on or after ${addCalendarDays(addCalendarMonths(start, min), -1)}`);
        }
      },
      apply: async (u) => {
        state.deciding = true;
        const today = todayIso();
        const term = state.term;
        const bezwaarUntil = addCalendarWeeks(today, t.policy.bezwaarWeeks);
        const granted = u.decision === 'TOEGEKEND';
        const decision = {
          decision: u.decision,
          category: granted ? (u.category ?? null) : null,
          startDate: granted ? (u.startDate ?? null) : null,
          endDate: granted ? (u.endDate ?? null) : null,
          motivation: u.motivation.trim(),
          decidedOn: today,
          onTime: term ? today <= term.dueDate : true,
          bezwaarUntil,
          decidedBy: u.actor.name,
        };
        const doc = await letters.createTlvLetter({
          docKey: `${rec.caseId}:TLV_BESLUIT:${s.seq}`,
          caseId: rec.caseId,
          schoolId: s.schoolId,
          pupilId: s.pupilId,
          kind: 'TLV_BESLUIT',
          letterDate: today,
          completeOn: term?.completeOn ?? today,
          signedByUserId: u.actor.id,
          decision: { decision: u.decision, category: decision.category, startDate: decision.startDate, endDate: decision.endDate, motivation: decision.motivation, bezwaarWeeks: t.policy.bezwaarWeeks, bezwaarUntil },
        });
        state.documents.push(doc);
        state.decision = decision;
        state.deciding = false;
        notifyLetter(t, doc, 'Besluit over de toelaatbaarheidsverklaring', bezwaarUntil);
        const timing = decision.onTime ? 'binnen de termijn' : `na de termijn van ${term?.dueDate}`;
        return {
          description: granted
            ? `TLV afgegeven: categorie ${CATEGORY[decision.category as TlvCategory]}, geldig van ${decision.startDate} tot en met ${decision.endDate} (${timing}); besluitbrief aan de ouders`
            : `TLV-aanvraag afgewezen (${timing}); besluitbrief aan de ouders`,
          reason: decision.motivation,
        };
      },
      movedOn: () => rec.idle && (t.status() === 'AFGEWEZEN' || (s.waitingFor !== null && s.waitingFor !== 'TLV_DECISION')),
      answer: view,
    },
    sync,
  );
}

/** After the decision: school system, BRON, bezwaar, herindicatie; and a request withdrawn. */
function afterDecisionHandlers(t: Tlv): void {
  const { rec } = t;
  const state = t.state;
  const s = rec.snapshot;
  const view = (): TlvState => t.view();
  const sync = () => t.syncData();

  stepHandler(
    rec,
    recordTlvSchoolSystem,
    {
      step: STEPS.TLV_RECORD_SCHOOL_SYSTEM,
      check: () => t.requireOpen('TLV_RECORD_SCHOOL_SYSTEM'),
      apply: (u) => {
        state.schoolSystemOn = u.date;
        return { description: `TLV genoteerd in het schoolsysteem op ${u.date}`, reason: u.note ?? null };
      },
      movedOn: () => rec.idle && s.waitingFor !== 'TLV_RECORD_SCHOOL_SYSTEM',
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    recordTlvBron,
    {
      step: STEPS.TLV_RECORD_BRON,
      check: () => t.requireOpen('TLV_RECORD_BRON'),
      apply: (u) => {
        state.bronOn = u.date;
        return { description: `TLV geregistreerd in BRON op ${u.date}`, reason: u.note ?? null };
      },
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    recordTlvBezwaar,
    {
      step: STEPS.TLV_RECORD_BEZWAAR,
      check: () => t.requireOpen('TLV_RECORD_BEZWAAR'),
      checkInput: (u) => {
        if (state.decision && u.date < state.decision.decidedOn) reject('BAD_USER_INPUT', 'De datum ligt vóór het besluit', 'The date is before the decision');
      },
      apply: (u) => {
        state.bezwaren.push({ stage: u.stage, date: u.date, note: u.note?.trim() || null, recordedBy: u.actor.name });
        const label = STEPS.TLV_RECORD_BEZWAAR.fields[0].options.find((o) => o.value === u.stage)?.label ?? u.stage;
        return { description: `Bezwaar: ${label.toLowerCase()} (${u.date})`, reason: u.note ?? null };
      },
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    decideTlvHerindicatie,
    {
      step: STEPS.TLV_DECIDE_HERINDICATIE,
      check: () => t.requireOpen('TLV_DECIDE_HERINDICATIE'),
      apply: (u) => {
        state.herindicatie = { decision: u.herindicatie, reason: u.reason.trim(), decidedOn: todayIso(), caseId: null, by: u.actor };
        return { description: u.herindicatie === 'AANVRAGEN' ? 'Herindicatie aangevraagd: een nieuwe TLV-aanvraag loopt dezelfde route' : 'Geen herindicatie nodig', reason: u.reason };
      },
      movedOn: () => state.herindicatie?.decision !== 'AANVRAGEN' || state.herindicatie.caseId !== null,
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    withdrawTlvRequest,
    {
      step: STEPS.TLV_WITHDRAW,
      check: () => t.requireOpen('TLV_WITHDRAW'),
      apply: (u) => {
        state.withdrawn = { reason: u.reason.trim(), by: u.actor.name };
        return { description: 'TLV-aanvraag ingetrokken', reason: u.reason };
      },
      answer: view,
    },
    sync,
  );
}

/** The parents get an e-mail that the SWV's letter is ready in the portal (never the letter itself). */
function notifyLetter(t: Tlv, doc: TlvDocumentRef, label: string, dueDate: string): void {
  t.rec.notifyLater({
    key: `${t.rec.caseId}:letter:${doc.documentId}:parents`,
    recipients: { parentsOfPupil: t.rec.snapshot.pupilId },
    kind: 'LETTER_AVAILABLE',
    stepLabel: label,
    dueDate,
    document: { id: doc.documentId, letter: doc.kind },
  });
}
