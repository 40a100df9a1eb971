/**
 * P4 — the school asks the parents for a document during the aanmelding's investigation and waits for it (PROCESSES.md
 * P4.1 ONDERZOEK, "information requested from parents"; issue 16 "A process step can ask the parents for a document and
 * wait for it"), on the shared document-request desk (common/document-request.ts).
 *
 * The zorgcoördinator asks (`requestZorgplichtDocument`: what, in Dutch, and until when — at the latest the decision's
 * due date); the request counts as the investigation step "Informatie opgevraagd bij de ouders" (ONTVANGEN → ONDERZOEK).
 * The parents get an e-mail with a link to the portal, are reminded along the ladder, the zorgcoördinator is told at the
 * escalation rung; the parents' upload (the api, content checked) sends `provideRequestedDocument`. The statutory
 * decision term is not touched: it runs from the date of receipt whatever the parents send (P4.2), and a request still
 * open when the decision is taken lapses (CANCELLED). A document that does not come by its due date never makes the case
 * stuck: the decision step's own ladder is what drives the school.
 *
 * Kept apart from zorgplicht.handlers.ts: it only adds an update handler (and waits for the open requests at the end), so a
 * case that never asks runs the same commands as before and every recorded history replays.
 */
import { defineUpdate, setHandler } from '@temporalio/workflow';
import { ZORGPLICHT_STEPS as STEPS } from '@zorgroute/processes';
import type { Actor } from '../common/case-recorder';
import { installDocumentRequests, type DocumentRequestView } from '../common/document-request';
import { reject, requireStepInput } from '../common/step-errors';
import { todayIso, type ZorgplichtCase } from './zorgplicht.case';

/** The kind of the parents' document in P4 (part of the request id and of the due-date key DOCUMENT_<kind>). */
export const ZORGPLICHT_DOCUMENT_REQUEST_KIND = 'ZORGPLICHT_INFO_OUDERS';

export interface ZorgplichtDocumentRequestInput {
  actor: Actor;
  /** What is asked, in Dutch (shown in the portal, never in the e-mail). */
  description: string;
  /** YYYY-MM-DD: after today, at the latest the decision's due date. */
  dueDate: string;
}

/** REQUEST_DOCUMENT (step catalogue): the zorgcoördinator asks the parents for a document; answers with the request. */
export const requestZorgplichtDocument = defineUpdate<DocumentRequestView, [ZorgplichtDocumentRequestInput]>('requestZorgplichtDocument');

export interface ZorgplichtDocumentRequests {
  /** Resolves when every request asked so far is provided or has lapsed (await before the workflow ends). */
  settled(): Promise<void>;
}

export function installZorgplichtDocumentRequests(z: ZorgplichtCase): ZorgplichtDocumentRequests {
  const { rec, state, ctx } = z;
  const s = z.c.snapshot;
  const desk = installDocumentRequests(rec);
  const waits: Promise<unknown>[] = [];

  setHandler(
    requestZorgplichtDocument,
    async (u) => {
      const today = todayIso();
      // Asking the parents for information is the investigation step of that name (P4.1).
      state.investigations.push({ kind: 'INFO_OUDERS_GEVRAAGD', date: today, summary: null, recordedBy: u.actor.name });
      state.investigations.sort((a, b) => a.date.localeCompare(b.date));
      z.syncData();
      if (z.status() === 'ONTVANGEN') {
        s.status = 'ONDERZOEK';
        await z.recordStep(u.actor, 'STATUS_ONDERZOEK', 'Onderzoek naar de ondersteuningsbehoefte gestart');
      }
      const opened = await desk.open({
        kind: ZORGPLICHT_DOCUMENT_REQUEST_KIND,
        documentKind: 'VERSLAG',
        label: 'Document voor de aanmelding',
        description: u.description.trim(),
        // The parents' document is for the school and the family (never the SWV).
        audiences: ['PARENTS', 'PUPIL'],
        dueDate: u.dueDate,
        followUpUserId: z.owner,
        requestedBy: u.actor,
        isCancelled: () => z.decided(),
      });
      waits.push(opened.done);
      return opened.request;
    },
    {
      validator: (u) => {
        z.requireOpen('RECORD_INVESTIGATION');
        requireStepInput(STEPS.REQUEST_DOCUMENT, u, ctx.policies);
        const today = todayIso();
        if (u.dueDate <= today) reject('BAD_USER_INPUT', 'De uiterste datum moet na vandaag liggen', 'The due date must lie after today');
        if (u.dueDate > state.clock.due.date) {
          reject('BAD_USER_INPUT', `De uiterste datum mag niet na de beslistermijn (${state.clock.due.date}) liggen`, `The due date must not lie after the decision term (${state.clock.due.date})`);
        }
      },
    },
  );

  return { settled: async () => void (await Promise.all(waits)) };
}
