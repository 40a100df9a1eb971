import type { LetterKind } from '../messages/message-kind';

/** A calendar date 'YYYY-MM-DD'. */
export type LetterDate = string;

/** What every letter to parents needs: who sends it, about whom, and the date. */
export interface LetterBase {
  schoolName: string;
  /** The pupil's full name (the letter is addressed to the parents/guardians of this pupil). */
  pupilName: string;
  pupilFirstName: string;
  /** Date of the letter. */
  letterDate: LetterDate;
  /** Who signs (the zorgcoördinator), and the role shown under the name. */
  signedByName: string;
  signedByRole: string;
  /** Date of receipt of the written application. */
  receivedOn: LetterDate;
  /** Reference shown on the letter (the case number). */
  reference: string;
}

/** P4: the written notice that the decision term is extended once, with the reason (before the first term ends). */
export interface ZorgplichtExtensionLetterData extends LetterBase {
  /** End of the first term (receipt + 6 weeks). */
  firstDueDate: LetterDate;
  extensionWeeks: number;
  /** The new decision date. */
  newDueDate: LetterDate;
  reason: string;
}

export type ZorgplichtDecisionOutcome = 'TOEGELATEN' | 'PLEK_ELDERS' | 'TLV_AANGEVRAAGD';

/** P4: the decision on the application, with how to object (bezwaar). */
export interface ZorgplichtDecisionLetterData extends LetterBase {
  outcome: ZorgplichtDecisionOutcome;
  /** The school's motivation of the decision. */
  motivation: string;
  /** TOEGELATEN: the extra support (arrangement), or null when admitted without one. */
  arrangement?: string | null;
  /** PLEK_ELDERS: the school that agreed to admit the pupil, and when it agreed. */
  admittingSchoolName?: string | null;
  agreementDate?: LetterDate | null;
  /** TLV_AANGEVRAAGD: when the TLV was requested from the SWV. */
  tlvRequestedOn?: LetterDate | null;
  /** Policy: the term for bezwaar in weeks (default 6), and its last day. */
  bezwaarWeeks: number;
  bezwaarUntil: LetterDate;
}

export interface LetterDataByKind {
  ZORGPLICHT_VERLENGING: ZorgplichtExtensionLetterData;
  ZORGPLICHT_BESLUIT: ZorgplichtDecisionLetterData;
}

/** A letter laid out as blocks, independent of the output format. */
export interface LetterContent {
  /** Document title (PDF metadata) and file name stem. */
  title: string;
  senderLines: string[];
  addresseeLines: string[];
  /** Place/date line and reference. */
  dateLine: string;
  referenceLine: string;
  /** "Betreft: …" */
  subject: string;
  salutation: string;
  paragraphs: string[];
  /** Label/value facts shown as a small table (e.g. dates). */
  facts: [string, string][];
  /** A highlighted section, e.g. how to object. */
  notice?: { heading: string; paragraphs: string[] };
  closing: string;
  signatureLines: string[];
}

export type LetterPayload = { [K in LetterKind]: { kind: K; data: LetterDataByKind[K] } }[LetterKind];
