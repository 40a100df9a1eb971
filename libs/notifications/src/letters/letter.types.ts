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

/** What every TLV letter needs (P8): the samenwerkingsverband writes to the parents; the school is named. */
export interface TlvLetterBase {
  swvName: string;
  schoolName: string;
  pupilName: string;
  pupilFirstName: string;
  letterDate: LetterDate;
  /** Who signs for the commissie (the SWV employee who recorded the step). */
  signedByName: string;
  /** The date the SWV found the request complete (its decision term runs from there). */
  completeOn: LetterDate;
  reference: string;
}

/** P8: the SWV extends its decision term once, with the reason, before it ends. */
export interface TlvExtensionLetterData extends TlvLetterBase {
  firstDueDate: LetterDate;
  extensionWeeks: number;
  newDueDate: LetterDate;
  reason: string;
}

export type TlvCategory = 'LAAG' | 'MIDDEN' | 'HOOG';

/** P8: the SWV's decision: the TLV with its category and validity, or a refusal; how to object. */
export interface TlvDecisionLetterData extends TlvLetterBase {
  decision: 'TOEGEKEND' | 'AFGEWEZEN';
  category?: TlvCategory | null;
  startDate?: LetterDate | null;
  endDate?: LetterDate | null;
  motivation: string;
  /** Policy: the term for bezwaar at the SWV in weeks, and its last day. */
  bezwaarWeeks: number;
  bezwaarUntil: LetterDate;
}

export interface LetterDataByKind {
  ZORGPLICHT_VERLENGING: ZorgplichtExtensionLetterData;
  ZORGPLICHT_BESLUIT: ZorgplichtDecisionLetterData;
  TLV_VERLENGING: TlvExtensionLetterData;
  TLV_BESLUIT: TlvDecisionLetterData;
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
