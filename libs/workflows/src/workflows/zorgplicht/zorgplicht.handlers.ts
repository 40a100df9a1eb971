/**
 * P4 — the human steps' updates: an investigation, the extension of the term (with its written notice to the parents)
 * and the decision (with its decision letter). Each is registered from its definition in the step catalogue
 * (libs/processes/src/zorgplicht/steps.ts: fields, bounds, Dutch messages, audit action); the statutory rules of the
 * extension are the clock's (zorgplicht-clock.ts), what a decision records is zorgplicht.rules.ts. Letters are PDFs
 * stored with the case; the parents get an e-mail with a link, never the letter itself.
 */
import { proxyActivities, setHandler } from '@temporalio/workflow';
import { ZORGPLICHT_STEPS as STEPS } from '@zorgroute/processes';
import type { CaseDocumentRef, ZorgplichtActivities } from '../../activities/zorgplicht-activities.types';
import { stepHandler } from '../common/open-case';
import { reject } from '../common/step-errors';
import { todayIso, type ZorgplichtCase } from './zorgplicht.case';
import { extendZorgplichtClock, zorgplichtExtensionRejection } from './zorgplicht-clock';
import { extendZorgplichtTerm, getZorgplichtState, recordZorgplichtDecision, recordZorgplichtInvestigation, ZORGPLICHT_INVESTIGATION_LABELS } from './zorgplicht.messages';
import { zorgplichtDecision } from './zorgplicht.rules';

/** Letters: rendering and storing a PDF may take a moment; retried until it is stored (keyed, so once). */
const letters = proxyActivities<ZorgplichtActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export function installZorgplichtHandlers(z: ZorgplichtCase): void {
  const { rec, state, ctx, policy } = z;
  const s = z.c.snapshot;
  const view = () => z.view();
  const sync = () => z.syncData();

  setHandler(getZorgplichtState, view);

  stepHandler(
    rec,
    recordZorgplichtInvestigation,
    {
      step: STEPS.RECORD_INVESTIGATION,
      check: () => z.requireOpen('RECORD_INVESTIGATION'),
      apply: (u) => {
        state.investigations.push({ kind: u.kind, date: u.date, summary: u.summary?.trim() || null, recordedBy: u.actor.name });
        state.investigations.sort((a, b) => a.date.localeCompare(b.date));
        return {
          description: `${ZORGPLICHT_INVESTIGATION_LABELS[u.kind]} (${u.date})`,
          // The first investigation starts the investigation phase.
          afterRecord: async () => {
            if (z.status() !== 'ONTVANGEN') return;
            s.status = 'ONDERZOEK';
            await z.recordStep(u.actor, 'STATUS_ONDERZOEK', 'Onderzoek naar de ondersteuningsbehoefte gestart');
          },
        };
      },
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    extendZorgplichtTerm,
    {
      step: STEPS.EXTEND_TERM,
      check: () => {
        z.requireOpen('EXTEND_TERM');
        // The statutory rules first (at most once, only up to the last day of the first term), then the weeks within
        // 1 and the policy's maximum (the catalogue).
        const refusal = zorgplichtExtensionRejection(state.clock, state.extensionsUsed, todayIso(), policy);
        if (refusal) reject(refusal.code, refusal.nl, refusal.en);
      },
      apply: async (u) => {
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
        return {
          description: `Beslistermijn verlengd met ${u.weeks} ${u.weeks === 1 ? 'week' : 'weken'} tot ${extended.due.date}; verlengingsbrief aan de ouders`,
          reason: u.reason,
          afterRecord: () => {
            rec.notifyLater({
              key: `${rec.caseId}:letter:${doc.documentId}:parents`,
              recipients: { parentsOfPupil: s.pupilId },
              kind: 'LETTER_AVAILABLE',
              stepLabel: 'Verlenging van de beslistermijn',
              dueDate: extended.due.date,
              document: { id: doc.documentId, letter: 'ZORGPLICHT_VERLENGING' },
            });
            state.extending = false;
          },
        };
      },
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    recordZorgplichtDecision,
    {
      step: STEPS.RECORD_DECISION,
      check: () => z.requireOpen('RECORD_DECISION'),
      checkInput: (u) => {
        if (u.outcome === 'PLEK_ELDERS' && u.admittingSchoolId != null && u.admittingSchoolId === s.schoolId) {
          reject('BAD_USER_INPUT', 'De school die de leerling toelaat moet een andere school zijn', 'The admitting school must be another school');
        }
      },
      apply: async (u) => {
        state.deciding = true;
        const today = todayIso();
        const decision = zorgplichtDecision(u, u.actor.name, today, state.clock, policy);
        const { bezwaarUntil } = decision;
        let doc: CaseDocumentRef | null = null;
        if (bezwaarUntil) {
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
        const letter = doc;
        return {
          description: u.outcome === 'INGETROKKEN' ? 'Aanmelding ingetrokken door de ouders' : `Besluit: ${u.outcome} (${timing}); besluitbrief aan de ouders`,
          reason: u.outcome === 'INGETROKKEN' ? decision.reason : null,
          afterRecord: () => {
            if (!letter || !bezwaarUntil) return;
            rec.notifyLater({
              key: `${rec.caseId}:letter:${letter.documentId}:parents`,
              recipients: { parentsOfPupil: s.pupilId },
              kind: 'LETTER_AVAILABLE',
              stepLabel: 'Besluit over de aanmelding',
              dueDate: bezwaarUntil,
              document: { id: letter.documentId, letter: 'ZORGPLICHT_BESLUIT' },
            });
          },
        };
      },
      answer: view,
    },
    sync,
  );
}
