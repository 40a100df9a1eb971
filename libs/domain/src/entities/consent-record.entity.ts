import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ProcessType } from './roles';

/**
 * Consent (toestemming) as a first-class record (PROCESSES.md, cross-cutting rule 2): one row per request a case
 * makes, from the moment it is asked until it is given, refused or timed out, and (if given) withdrawn. Written only
 * by the workflow activity `recordConsent`, versioned like the read model (a lower `version` never overwrites).
 */
export const ConsentStatus = {
  PENDING: 'PENDING',
  GIVEN: 'GIVEN',
  REFUSED: 'REFUSED',
  TIMED_OUT: 'TIMED_OUT',
  /** The case no longer needs the answer (e.g. it was closed while the request was open). */
  CANCELLED: 'CANCELLED',
} as const;
export type ConsentStatus = (typeof ConsentStatus)[keyof typeof ConsentStatus];

/** How the answer reached the school: digital in the portal, or a signed paper form scanned by staff. */
export const ConsentMethod = { DIGITAL: 'DIGITAL', PAPER_SCAN: 'PAPER_SCAN' } as const;
export type ConsentMethod = (typeof ConsentMethod)[keyof typeof ConsentMethod];

/** Who answered: a parent/guardian, or the pupil himself (16+, where the request allows it). */
export const ConsentGiverRole = { PARENT: 'PARENT', PUPIL: 'PUPIL' } as const;
export type ConsentGiverRole = (typeof ConsentGiverRole)[keyof typeof ConsentGiverRole];

/** One guardian's answer to a request that needs several (parents who disagree). */
export interface ConsentAnswer {
  giverUserId: string;
  giverRole: ConsentGiverRole;
  decision: 'GIVEN' | 'REFUSED';
  method: ConsentMethod;
  scanReference: string | null;
  recordedByUserId: string | null;
  decidedAt: string;
  note: string | null;
}

@Entity({ name: 'consent_record' })
@Index(['caseId', 'kind'])
export class ConsentRecordEntity {
  /** Stable request id from the workflow: `<caseId>:consent:<kind>:<n>`. */
  @PrimaryColumn({ type: 'varchar', length: 260 })
  id!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 200 })
  caseId!: string;

  @Column({ type: 'varchar', length: 30 })
  process!: ProcessType;

  @Index()
  @Column({ name: 'pupil_id', type: 'uuid' })
  pupilId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  /** What the consent is for, e.g. IZO_BESPREKING, ZAT_AANMELDING, JOS_HANDTEKENING. */
  @Column({ type: 'varchar', length: 60 })
  kind!: string;

  /** Short Dutch label shown to the parent, e.g. "Aanmelding bij het ZAT". */
  @Column({ type: 'varchar', length: 200 })
  label!: string;

  /** What exactly is consented to (scope), in Dutch. */
  @Column({ type: 'text' })
  scope!: string;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  status!: ConsentStatus;

  /** Parents of the pupil are asked (resolved by the activity when a message is sent). */
  @Column({ name: 'parents_of_pupil', type: 'boolean', default: true })
  parentsOfPupil!: boolean;

  /** Specific people asked (in addition to or instead of the parents). */
  @Column({ name: 'asked_user_ids', type: 'uuid', array: true, default: () => "'{}'" })
  askedUserIds!: string[];

  /** A pupil of 16 or older may answer himself (sharing his own data). */
  @Column({ name: 'pupil_may_decide', type: 'boolean', default: false })
  pupilMayDecide!: boolean;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'requested_by_user_id', type: 'uuid', nullable: true })
  requestedByUserId!: string | null;

  /** Answer due (the reminder ladder runs from here). */
  @Column({ name: 'respond_by', type: 'date' })
  respondBy!: string;

  /** After this moment an unanswered request times out into a decision for the zorgcoördinator. */
  @Column({ name: 'timeout_at', type: 'timestamptz' })
  timeoutAt!: Date;

  @Column({ name: 'giver_user_id', type: 'uuid', nullable: true })
  giverUserId!: string | null;

  @Column({ name: 'giver_role', type: 'varchar', length: 20, nullable: true })
  giverRole!: ConsentGiverRole | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  method!: ConsentMethod | null;

  /** For a paper form: the reference of the scanned document in the dossier. */
  @Column({ name: 'scan_reference', type: 'varchar', length: 300, nullable: true })
  scanReference!: string | null;

  /** For a paper form recorded since documents can be uploaded: the scanned form, a `case_document` of the case. */
  @Column({ name: 'scan_document_id', type: 'uuid', nullable: true })
  scanDocumentId!: string | null;

  /** Who entered the answer (the parent himself, or the staff member who recorded the paper scan). */
  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true })
  recordedByUserId!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason!: string | null;

  @Column({ name: 'withdrawn_by_user_id', type: 'uuid', nullable: true })
  withdrawnByUserId!: string | null;

  /**
   * The SHA-256 digest (hex) of the exact document the consent is about, when it is about one (P7: the version of the
   * OPP whose handelingsdeel the parents agree to). Set when the request is made; never changed.
   */
  @Column({ name: 'subject_digest', type: 'varchar', length: 64, nullable: true })
  subjectDigest!: string | null;

  /**
   * The guardians who must all give consent (their parents disagree, `pupil.parents_disagree`): every guardian with
   * parental authority when the request was made. Empty: one answer decides, as before.
   */
  @Column({ name: 'required_giver_ids', type: 'uuid', array: true, default: () => "'{}'" })
  requiredGiverIds!: string[];

  /** Each guardian's own answer while several must answer (null for requests one answer decides). */
  @Column({ type: 'jsonb', nullable: true })
  answers!: ConsentAnswer[] | null;

  /** Monotonic per record; a write with a version not above the stored one is ignored. */
  @Column({ type: 'integer', default: 0 })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
