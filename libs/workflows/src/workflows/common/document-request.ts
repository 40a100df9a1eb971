/**
 * A process step asks the parents for a document and waits for it (issue 16, "Documents and notes"): meant for e.g.
 * P4's "Informatie opgevraagd bij de ouders" (the reports the school needs to decide on an application; wired in
 * zorgplicht.document-request.ts). The parents upload in the portal; the api then sends `provideRequestedDocument`.
 *
 * The request is written into the case's read-model data (`documentRequests`, which the api reads to accept an upload
 * for it), the parents get a `DOCUMENT_REQUESTED` e-mail with a link to the portal (what is asked and until when —
 * never why), are reminded along the ladder, and the zorgcoördinator is told at the escalation rung. The document
 * itself is uploaded to the api (content checked, stored in the `DocumentStore`); the api then sends the update
 * `provideRequestedDocument` with the stored document's id and digest, and the request is PROVIDED. A request the
 * process no longer needs (e.g. the decision was taken) is CANCELLED by `isCancelled`.
 *
 * Usage in a workflow:
 *
 *   const documents = installDocumentRequests(rec);            // once, at the start (registers the update and query)
 *   const result = await documents.ask({ kind: 'ZORGPLICHT_INFO_OUDERS', label: 'Informatie voor de aanmelding', … });
 *
 * `ask` resolves when the document is provided or the request is cancelled; run it beside the main flow (and await it
 * before the workflow ends) when the process does not block on it. Every message is keyed (case, request, rung), so it
 * is sent at most once (rule 5). Nothing of it touches the command sequence of a process that never asks.
 */
import { condition, defineQuery, defineUpdate, setHandler } from '@temporalio/workflow';
import { dueInSchoolDays, reminderLadder, rungsAfter, toIsoDate, type DueDate } from '@zorgroute/domain/logic';
import type { Actor, CaseRecorder } from './case-recorder';
import { reject, requireText } from './step-errors';

export type DocumentRequestStatus = 'OPEN' | 'PROVIDED' | 'CANCELLED';

/** Who reads the provided document besides the school (the audiences of docs/security.md). */
export type DocumentRequestAudience = 'PARENTS' | 'PUPIL' | 'SWV';

/** What a case shows about one document request (`case_summary.data.documentRequests`; also the update's answer). */
export interface DocumentRequestView {
  requestId: string;
  /** Machine name of what is asked, e.g. ZORGPLICHT_INFO_OUDERS; part of the request id and the due-date key. */
  kind: string;
  /** The kind of the uploaded document (an uploaded document kind, e.g. VERSLAG). */
  documentKind: string;
  /** Short Dutch label for the parents and the case page, e.g. "Informatie voor de aanmelding". */
  label: string;
  /** What exactly is asked, in Dutch, shown in the portal (never in the e-mail). */
  description: string | null;
  audiences: DocumentRequestAudience[];
  status: DocumentRequestStatus;
  requestedAt: string;
  dueDate: string;
  documentId: string | null;
  sha256: string | null;
  providedAt: string | null;
  providedByRole: 'PARENT' | 'SCHOOL' | null;
}

export interface RequestDocumentOptions {
  kind: string;
  documentKind: string;
  label: string;
  description?: string | null;
  /** Who reads the provided document besides the school; default the parents. */
  audiences?: DocumentRequestAudience[];
  /** School days until the document is due (default: policy consent.respondWithinSchoolDays). */
  respondWithinSchoolDays?: number;
  /** The due date the asker chose (YYYY-MM-DD; checked by the caller), instead of `respondWithinSchoolDays`. */
  dueDate?: string;
  /** Who follows the request up (told at the escalation rung); default the zorgcoördinator. */
  followUpUserId?: string | null;
  requestedBy: Actor;
  /** Ends the wait (e.g. the decision was taken, the case was closed); the request is then CANCELLED. */
  isCancelled?: () => boolean;
}

export interface ProvideDocumentInput {
  /** Who uploaded it: the parent, or staff on the parents' behalf (e.g. a paper copy brought to school). */
  actor: Actor;
  requestId: string;
  /** The stored case document (uploaded through the api, content checked). */
  documentId: string;
  sha256: string;
  providedByRole: 'PARENT' | 'SCHOOL';
}

export interface DocumentRequestResult {
  outcome: 'PROVIDED' | 'CANCELLED';
  request: DocumentRequestView;
}

export const provideRequestedDocument = defineUpdate<DocumentRequestView, [ProvideDocumentInput]>('provideRequestedDocument');
export const getDocumentRequests = defineQuery<DocumentRequestView[]>('getDocumentRequests');

/** The due-date key of an open request of this kind (a label in the api's labels.ts). */
export function documentRequestDueKey(kind: string): string {
  return `DOCUMENT_${kind}`;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The document requests of one case, with their update. Create it with `installDocumentRequests`. */
export class DocumentRequestDesk {
  private readonly requests: DocumentRequestView[] = [];

  constructor(private readonly rec: CaseRecorder) {
    setHandler(getDocumentRequests, () => this.views());
    setHandler(provideRequestedDocument, (u) => this.provide(u), { validator: (u) => this.validate(u) });
  }

  views(): DocumentRequestView[] {
    return this.requests.map((r) => ({ ...r, audiences: [...r.audiences] }));
  }

  /** True while a request of this kind waits for its document. */
  isOpen(kind: string): boolean {
    return this.requests.some((r) => r.kind === kind && r.status === 'OPEN');
  }

  /** Asks the parents for a document and resolves when it is provided (or the request is cancelled). */
  async ask(opts: RequestDocumentOptions): Promise<DocumentRequestResult> {
    return (await this.open(opts)).done;
  }

  /**
   * Asks the parents for a document: resolves once the request is recorded (so an update that opens it can answer with
   * the request in the read model), with `done`, which resolves when it is provided or cancelled.
   */
  async open(opts: RequestDocumentOptions): Promise<{ request: DocumentRequestView; done: Promise<DocumentRequestResult> }> {
    const rec = this.rec;
    const ctx = rec.context;
    const s = rec.snapshot;
    const due: DueDate = opts.dueDate
      ? { date: opts.dueDate, rule: 'document.dueDate', inputs: { dueDate: opts.dueDate }, explanation: 'De uiterste datum die de school bij het verzoek opgaf.' }
      : dueInSchoolDays(toIsoDate(Date.now()), opts.respondWithinSchoolDays ?? ctx.policies.consent.respondWithinSchoolDays, ctx.calendar, 'document.respondWithinSchoolDays');
    const n = this.requests.filter((r) => r.kind === opts.kind).length + 1;
    const request: DocumentRequestView = {
      requestId: `${rec.caseId}:document:${opts.kind}:${n}`,
      kind: opts.kind,
      documentKind: opts.documentKind,
      label: opts.label,
      description: opts.description?.trim() || null,
      audiences: [...(opts.audiences ?? ['PARENTS'])],
      status: 'OPEN',
      requestedAt: new Date().toISOString(),
      dueDate: due.date,
      documentId: null,
      sha256: null,
      providedAt: null,
      providedByRole: null,
    };
    this.requests.push(request);
    const followUp = opts.followUpUserId === undefined ? ctx.zorgcoordinatorId : opts.followUpUserId;
    const dueKey = documentRequestDueKey(opts.kind);
    rec.upsertDueDate(dueKey, { ...due, explanation: `${due.explanation} De ouders uploaden het document in het ouderportaal.` });
    this.sync();
    await rec.record({
      actorId: opts.requestedBy.id,
      actorName: opts.requestedBy.name,
      action: 'DOCUMENT_REQUESTED',
      description: `Document gevraagd aan de ouders: ${opts.label} (uiterlijk ${due.date})`,
      details: { requestId: request.requestId, kind: opts.kind, dueDate: due.date },
    });

    const keyBase = `${request.requestId}:${s.seq}`;
    return { request: { ...request, audiences: [...request.audiences] }, done: this.waitFor(request, opts, due, keyBase, followUp) };
  }

  private async waitFor(request: DocumentRequestView, opts: RequestDocumentOptions, due: DueDate, keyBase: string, followUp: string | null): Promise<DocumentRequestResult> {
    const rec = this.rec;
    const ctx = rec.context;
    const cancelled = opts.isCancelled ?? (() => false);
    const dueKey = documentRequestDueKey(opts.kind);
    const recipients = { parentsOfPupil: rec.snapshot.pupilId };
    const finished = () => request.status !== 'OPEN' || cancelled();
    rec.notifyLater({ key: `${keyBase}:requested`, recipients, kind: 'DOCUMENT_REQUESTED', stepLabel: opts.label, dueDate: due.date, ownerUserId: followUp });
    // Reminders to the parents along the ladder, the zorgcoördinator told at the escalation rung; the request is not a
    // step of the school, so it never makes the case stuck: it waits until it is provided or no longer needed.
    const ladder = reminderLadder(due.date, ctx.policies.ladder, ctx.calendar).filter((r) => r.kind !== 'STUCK');
    for (const rung of rungsAfter(ladder, Date.now())) {
      if (await condition(finished, Math.max(Date.parse(rung.at) - Date.now(), 1))) break;
      const key = `${keyBase}:${rung.key}`;
      if (rung.kind === 'REMINDER') {
        rec.notifyLater({ key, recipients, kind: 'DOCUMENT_REQUESTED', stepLabel: opts.label, dueDate: due.date, offsetSchoolDays: rung.offsetSchoolDays, rung: rung.key, ownerUserId: followUp });
      } else if (followUp) {
        rec.notifyLater({ key, recipients: { userIds: [followUp] }, kind: 'STEP_ESCALATION', stepLabel: opts.label, dueDate: due.date, offsetSchoolDays: rung.offsetSchoolDays, ownerUserId: followUp });
        await rec.record({ actorId: null, actorName: 'Zorgroute', action: 'DOCUMENT_REQUEST_ESCALATED', description: `${opts.label}: nog geen document van de ouders, zorgcoördinator geïnformeerd` });
      }
    }
    if (!finished()) await condition(finished);
    rec.removeDueDate(dueKey);
    if (request.status === 'PROVIDED') return { outcome: 'PROVIDED', request: { ...request } };

    request.status = 'CANCELLED';
    this.sync();
    await rec.record({
      actorId: null,
      actorName: 'Zorgroute',
      action: 'DOCUMENT_REQUEST_CANCELLED',
      description: `Documentverzoek "${opts.label}" vervallen: niet meer nodig`,
      details: { requestId: request.requestId },
    });
    return { outcome: 'CANCELLED', request: { ...request } };
  }

  /**
   * Request ids are `<caseId>:document:<kind>:<n>`; within a case the `document:<kind>:<n>` part identifies it, so a
   * history replayed under another workflow id resolves the same request.
   */
  private find(requestId: unknown): DocumentRequestView | undefined {
    if (typeof requestId !== 'string') return undefined;
    const local = (id: string) => id.slice(id.lastIndexOf(':document:'));
    return this.requests.find((r) => r.requestId === requestId) ?? (requestId.includes(':document:') ? this.requests.find((r) => local(r.requestId) === local(requestId)) : undefined);
  }

  private validate(u: ProvideDocumentInput): void {
    const request = this.find(u?.requestId);
    if (!request) reject('BAD_USER_INPUT', 'Dit documentverzoek bestaat niet in deze casus', 'This document request does not exist in this case');
    if (request.status !== 'OPEN') {
      reject('STEP_NOT_ALLOWED', `Voor het verzoek "${request.label}" kan geen document (meer) worden aangeleverd`, `No document can be provided (any more) for the request "${request.kind}"`);
    }
    requireText(u.documentId, 'documentId', 1, 64);
    if (typeof u.sha256 !== 'string' || !SHA256.test(u.sha256)) reject('BAD_USER_INPUT', 'Ongeldige controlewaarde van het document', 'Invalid document digest');
    if (u.providedByRole !== 'PARENT' && u.providedByRole !== 'SCHOOL') reject('BAD_USER_INPUT', 'Onbekend wie het document aanlevert', 'Unknown provider of the document');
  }

  private async provide(u: ProvideDocumentInput): Promise<DocumentRequestView> {
    const request = this.find(u.requestId) as DocumentRequestView;
    request.status = 'PROVIDED';
    request.documentId = u.documentId;
    request.sha256 = u.sha256;
    request.providedAt = new Date().toISOString();
    request.providedByRole = u.providedByRole;
    // Its due date goes with the same write (the case page must not show a due date for a document that came).
    this.rec.removeDueDate(documentRequestDueKey(request.kind));
    this.sync();
    await this.rec.record({
      actorId: u.actor.id,
      actorName: u.actor.name,
      action: 'DOCUMENT_PROVIDED',
      description: `Document aangeleverd${u.providedByRole === 'PARENT' ? ' door de ouders' : ' namens de ouders'}: ${request.label}`,
      details: { requestId: request.requestId, documentId: u.documentId, sha256: u.sha256 },
    });
    return { ...request, audiences: [...request.audiences] };
  }

  /** Mirrors the requests into the case's read-model data (the case page and the portal list them). */
  private sync(): void {
    this.rec.setData({ documentRequests: this.views() });
  }
}

const desks = new WeakMap<CaseRecorder, DocumentRequestDesk>();

/** Registers the document-request update and query for this case (call once, at the start of the workflow). */
export function installDocumentRequests(rec: CaseRecorder): DocumentRequestDesk {
  const existing = desks.get(rec);
  if (existing) return existing;
  const desk = new DocumentRequestDesk(rec);
  desks.set(rec, desk);
  return desk;
}
