import { type CaseDocumentsQuery } from '../../gql/graphql';

/** The document the upload endpoint answers: the fields `caseDocuments` lists. */
type CaseDocument = CaseDocumentsQuery['caseDocuments'][number];

/** A random UUID (v4) for `clientRequestId`; from getRandomValues, which (unlike randomUUID) also works outside secure contexts. */
export function newClientRequestId(): string {
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface UploadDocumentInput {
  caseId: string;
  kind: string;
  /** Who may read it besides the school: PARENTS, PUPIL, SWV. */
  audiences: string[];
  file: File;
  /** Chosen once per upload attempt: a retried request stores the document once. */
  clientRequestId: string;
}

/**
 * Uploads a document to a case (`POST /documents/cases/:caseId`, multipart, with the session cookie). The header
 * `X-Zorgroute-Upload` makes it a request other sites cannot send. Throws the api's Dutch message when it refuses.
 */
export async function uploadCaseDocument(input: UploadDocumentInput): Promise<CaseDocument> {
  const form = new FormData();
  form.append('kind', input.kind);
  form.append('audiences', input.audiences.join(','));
  form.append('clientRequestId', input.clientRequestId);
  form.append('file', input.file, input.file.name);
  const response = await fetch(`/documents/cases/${encodeURIComponent(input.caseId)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-Zorgroute-Upload': '1' },
    body: form,
  });
  const body = (await response.json().catch(() => null)) as (CaseDocument & { message?: unknown }) | null;
  if (!response.ok) throw new Error(typeof body?.message === 'string' && body.message ? body.message : `Uploaden mislukt (${response.status}).`);
  return body as CaseDocument;
}

/**
 * Uploads the document a process step asked the parents for (`POST /documents/cases/:caseId/requests/:requestId`,
 * multipart, with the session cookie). Throws the api's Dutch message when it refuses.
 */
export async function uploadRequestedDocument(input: { caseId: string; requestId: string; file: File; clientRequestId: string }): Promise<CaseDocument> {
  const form = new FormData();
  form.append('clientRequestId', input.clientRequestId);
  form.append('file', input.file, input.file.name);
  const response = await fetch(`/documents/cases/${encodeURIComponent(input.caseId)}/requests/${encodeURIComponent(input.requestId)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-Zorgroute-Upload': '1' },
    body: form,
  });
  const body = (await response.json().catch(() => null)) as (CaseDocument & { message?: unknown }) | null;
  if (!response.ok) throw new Error(typeof body?.message === 'string' && body.message ? body.message : `Uploaden mislukt (${response.status}).`);
  return body as CaseDocument;
}
