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
 *
 * The human steps are in zorgplicht.handlers.ts, the state in zorgplicht.case.ts, the SWV watcher in
 * zorgplicht.parallel.ts, the clock's rules in zorgplicht-clock.ts and the other rules in zorgplicht.rules.ts.
 */
import { allHandlersFinished, condition } from '@temporalio/workflow';
import type { DueDate } from '@zorgroute/domain/logic';
import { db } from '../common/case-activities.proxy';
import { awaitHumanStep } from '../common/human-step';
import { reject } from '../common/step-errors';
import { todayIso, ZorgplichtCase } from './zorgplicht.case';
import { zorgplichtApplicationRejection } from './zorgplicht-clock';
import { installZorgplichtDocumentRequests } from './zorgplicht.document-request';
import { installZorgplichtHandlers } from './zorgplicht.handlers';
import { ZORGPLICHT_STEP_LABELS, type StartZorgplichtInput, type ZorgplichtDecision, type ZorgplichtState } from './zorgplicht.messages';
import { watchSwv } from './zorgplicht.parallel';

export * from './zorgplicht.messages';
export { requestZorgplichtDocument, ZORGPLICHT_DOCUMENT_REQUEST_KIND, type ZorgplichtDocumentRequestInput } from './zorgplicht.document-request';

export async function zorgplichtWorkflow(input: StartZorgplichtInput): Promise<ZorgplichtState> {
  const ctx = await db.loadCaseContext({ schoolId: input.schoolId });
  // Only the school of first preference holds the zorgplicht; the api refuses other applications
  // before starting, and the workflow refuses them too, so no path starts a clock elsewhere.
  const refused = zorgplichtApplicationRejection({ schoolId: input.schoolId, receivedOn: input.receivedOn, preferenceSchoolIds: input.preferenceSchoolIds, today: todayIso() });
  if (refused) reject('BAD_USER_INPUT', refused.nl, refused.en);

  const z = new ZorgplichtCase(input, ctx);
  installZorgplichtHandlers(z);
  const documentRequests = installZorgplichtDocumentRequests(z);
  const { rec, state } = z;
  const s = z.c.snapshot;
  const decided = () => z.decided();

  // ONTVANGEN: the clock runs from the date of receipt.
  z.syncData();
  await rec.record({
    actorId: input.startedBy.id,
    actorName: input.startedBy.name,
    action: 'CASE_STARTED',
    description: `Schriftelijke aanmelding ontvangen op ${input.receivedOn}; besluit uiterlijk ${state.clock.due.date}${input.source === 'OVERDRACHT' ? ' (vanuit de PO-VO-overdracht)' : ''}`,
  });
  const watcher = watchSwv(z);

  // The decision step, with the reminder ladder on the due date in force; an extension restarts it on the new date.
  while (!decided()) {
    const extension = state.clock.extension;
    const due: DueDate = state.clock.due;
    await awaitHumanStep(
      rec,
      { step: 'RECORD_DECISION', label: ZORGPLICHT_STEP_LABELS.RECORD_DECISION, ownerUserId: z.owner, due },
      decided,
      () => state.clock.extension !== extension,
    );
  }
  await watcher;
  await documentRequests.settled();
  if (z.c.admin.closed) return z.c.admin.end(() => z.view());

  // BESLUIT → closed with the outcome.
  const decision = state.decision as ZorgplichtDecision;
  if (decision.outcome !== 'INGETROKKEN') {
    await z.transition('BESLUIT', `Besluit genomen op ${decision.decidedOn}${decision.onTime ? ' (binnen de termijn)' : ` (na de termijn van ${state.clock.due.date})`}`);
  }
  s.outcome = decision.outcome;
  s.closedAt = new Date().toISOString();
  s.waitingFor = null;
  s.nextDueDate = null;
  await z.transition(decision.outcome, `Aanmelding afgesloten: ${decision.outcome}`);
  await rec.drain();
  await condition(allHandlersFinished);
  return z.view();
}
