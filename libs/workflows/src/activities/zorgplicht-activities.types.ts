/** Letters the zorgplicht workflow (P4) generates and stores with the case. */
export type ZorgplichtLetterKind = 'ZORGPLICHT_VERLENGING' | 'ZORGPLICHT_BESLUIT';

/**
 * What the workflow asks for: ids and the texts already in its history (reason, motivation); the
 * activity looks up names (pupil, school, zorgcoördinator) so they stay out of workflow history.
 */
export interface ZorgplichtLetterRequest {
  /** Idempotency key (case, letter, seq): a retried activity stores one document. */
  docKey: string;
  caseId: string;
  schoolId: string;
  pupilId: string;
  kind: ZorgplichtLetterKind;
  letterDate: string;
  receivedOn: string;
  /** Who signs: the zorgcoördinator (or the actor who recorded the step). */
  signedByUserId: string | null;
  extension?: { firstDueDate: string; weeks: number; newDueDate: string; reason: string };
  decision?: {
    outcome: 'TOEGELATEN' | 'PLEK_ELDERS' | 'TLV_AANGEVRAAGD';
    motivation: string;
    arrangement: string | null;
    admittingSchoolName: string | null;
    agreementDate: string | null;
    tlvRequestedOn: string | null;
    bezwaarWeeks: number;
    bezwaarUntil: string;
  };
}

/** The stored document (metadata only). */
export interface CaseDocumentRef {
  documentId: string;
  kind: ZorgplichtLetterKind;
  fileName: string;
  sha256: string;
  sizeBytes: number;
}

/** Activities of the zorgplicht workflow. Implemented in ./zorgplicht-activities.ts. */
export interface ZorgplichtActivities {
  /** Renders the letter as PDF and stores it with the case (case_document); returns its metadata. */
  createZorgplichtLetter(request: ZorgplichtLetterRequest): Promise<CaseDocumentRef>;
}
