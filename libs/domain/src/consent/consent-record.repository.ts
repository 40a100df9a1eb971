import type { DataSource, EntityManager } from 'typeorm';
import type { ProcessType } from '../entities/roles';
import type { ConsentAnswer, ConsentGiverRole, ConsentMethod, ConsentStatus } from '../entities/consent-record.entity';

/** What a workflow activity writes about one consent request: the whole row, versioned by `version`. */
export interface ConsentRecordSnapshot {
  id: string;
  caseId: string;
  process: ProcessType;
  pupilId: string;
  schoolId: string;
  kind: string;
  label: string;
  scope: string;
  status: ConsentStatus;
  parentsOfPupil: boolean;
  askedUserIds: string[];
  pupilMayDecide: boolean;
  requestedAt: string;
  requestedByUserId: string | null;
  respondBy: string;
  timeoutAt: string;
  giverUserId: string | null;
  giverRole: ConsentGiverRole | null;
  method: ConsentMethod | null;
  scanReference: string | null;
  /** The uploaded scan of a paper form (a case document id); absent in records written before uploads. */
  scanDocumentId?: string | null;
  recordedByUserId: string | null;
  decidedAt: string | null;
  note: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  withdrawnByUserId: string | null;
  /** SHA-256 (hex) of the exact document consented to (e.g. an OPP version), when the request is about one. */
  subjectDigest?: string | null;
  /**
   * The guardians who must all give consent (parents who disagree); empty or absent: one answer decides. Absent in
   * snapshots written before custody was supported.
   */
  requiredGiverIds?: string[];
  /** Each required guardian's answer so far (only with `requiredGiverIds`). */
  answers?: ConsentAnswer[] | null;
  /** Monotonic per record; a write with a version not above the stored one is ignored. */
  version: number;
  updatedAt: string;
}

/**
 * Who must answer a new consent request of this pupil when a single answer is not enough: when the pupil is marked
 * "parents disagree", every guardian with parental authority (ordered by user id, so a retried activity answers the
 * same). Empty otherwise (one guardian's answer decides, as always).
 */
export async function requiredConsentGivers(manager: EntityManager, pupilId: string): Promise<string[]> {
  const rows: { user_id: string }[] = await manager.query(
    `SELECT g.user_id FROM pupil_guardian g JOIN pupil p ON p.id = g.pupil_id
     WHERE g.pupil_id = $1 AND p.parents_disagree AND g.has_parental_authority ORDER BY g.user_id`,
    [pupilId],
  );
  return rows.length > 1 ? rows.map((r) => r.user_id) : [];
}

/** Writes consent records. Only workflow activities call `upsert`. */
export class ConsentRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts or updates the row unless a newer (higher version) one is stored. Returns whether it wrote. */
  async upsert(r: ConsentRecordSnapshot, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO consent_record (id, case_id, process, pupil_id, school_id, kind, label, scope, status, parents_of_pupil,
         asked_user_ids, pupil_may_decide, requested_at, requested_by_user_id, respond_by, timeout_at, giver_user_id,
         giver_role, method, scan_reference, recorded_by_user_id, decided_at, note, withdrawn_at, withdrawal_reason,
         withdrawn_by_user_id, version, updated_at, required_giver_ids, answers, scan_document_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$29,$30,$31)

       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, label = EXCLUDED.label, scope = EXCLUDED.scope,
         giver_user_id = EXCLUDED.giver_user_id, giver_role = EXCLUDED.giver_role, method = EXCLUDED.method,
         scan_reference = EXCLUDED.scan_reference, scan_document_id = EXCLUDED.scan_document_id, recorded_by_user_id = EXCLUDED.recorded_by_user_id,
         decided_at = EXCLUDED.decided_at, note = EXCLUDED.note, withdrawn_at = EXCLUDED.withdrawn_at,
         withdrawal_reason = EXCLUDED.withdrawal_reason, withdrawn_by_user_id = EXCLUDED.withdrawn_by_user_id,
         version = EXCLUDED.version, updated_at = EXCLUDED.updated_at, required_giver_ids = EXCLUDED.required_giver_ids,
         answers = EXCLUDED.answers
       WHERE consent_record.version < EXCLUDED.version
       RETURNING id`,
      [
        r.id, r.caseId, r.process, r.pupilId, r.schoolId, r.kind, r.label, r.scope, r.status, r.parentsOfPupil,
        r.askedUserIds, r.pupilMayDecide, r.requestedAt, r.requestedByUserId, r.respondBy, r.timeoutAt, r.giverUserId,
        r.giverRole, r.method, r.scanReference, r.recordedByUserId, r.decidedAt, r.note, r.withdrawnAt, r.withdrawalReason,
        r.withdrawnByUserId, r.version, r.updatedAt, r.requiredGiverIds ?? [], r.answers?.length ? JSON.stringify(r.answers) : null, r.scanDocumentId ?? null,

      ],
    );
    if (r.subjectDigest) {
      // The digest of what is consented to is set once, with the request (kept out of the upsert above on purpose).
      await manager.query('UPDATE consent_record SET subject_digest = $2 WHERE id = $1 AND subject_digest IS NULL', [r.id, r.subjectDigest]);
    }
    return rows.length > 0;
  }
}
