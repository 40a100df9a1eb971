/** Letters the TLV workflow (P8) generates and stores with the case. */
export type TlvLetterKind = 'TLV_VERLENGING' | 'TLV_BESLUIT';

/**
 * What the workflow asks for: ids and the texts already in its history (reason, motivation); the activity looks up
 * names (pupil, school, SWV, signer) so they stay out of workflow history.
 */
export interface TlvLetterRequest {
  /** Idempotency key (case, letter, seq): a retried activity stores one document. */
  docKey: string;
  caseId: string;
  schoolId: string;
  pupilId: string;
  kind: TlvLetterKind;
  letterDate: string;
  /** The date the SWV found the request complete. */
  completeOn: string;
  /** The SWV employee who recorded the step signs for the commissie. */
  signedByUserId: string | null;
  extension?: { firstDueDate: string; weeks: number; newDueDate: string; reason: string };
  decision?: {
    decision: 'TOEGEKEND' | 'AFGEWEZEN';
    category: 'LAAG' | 'MIDDEN' | 'HOOG' | null;
    startDate: string | null;
    endDate: string | null;
    motivation: string;
    bezwaarWeeks: number;
    bezwaarUntil: string;
  };
}

/** The stored document (metadata only). */
export interface TlvDocumentRef {
  documentId: string;
  kind: TlvLetterKind;
  fileName: string;
  sha256: string;
  sizeBytes: number;
}

/** Activities of the TLV workflow. Implemented in ./tlv-activities.ts. */
export interface TlvActivities {
  /** Renders the letter as PDF and stores it with the case (case_document); returns its metadata. */
  createTlvLetter(request: TlvLetterRequest): Promise<TlvDocumentRef>;
}
