import type { DataSource, EntityManager } from 'typeorm';
import type { ProcessType } from '../entities/roles';
import type { ConsentGiverRole, ConsentMethod, ConsentStatus } from '../entities/consent-record.entity';

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
  /** Monotonic per record; a write with a version not above the stored one is ignored. */
  version: number;
  updatedAt: string;
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
         withdrawn_by_user_id, version, updated_at, scan_document_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$29)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, label = EXCLUDED.label, scope = EXCLUDED.scope,
         giver_user_id = EXCLUDED.giver_user_id, giver_role = EXCLUDED.giver_role, method = EXCLUDED.method,
         scan_reference = EXCLUDED.scan_reference, scan_document_id = EXCLUDED.scan_document_id, recorded_by_user_id = EXCLUDED.recorded_by_user_id,
         decided_at = EXCLUDED.decided_at, note = EXCLUDED.note, withdrawn_at = EXCLUDED.withdrawn_at,
         withdrawal_reason = EXCLUDED.withdrawal_reason, withdrawn_by_user_id = EXCLUDED.withdrawn_by_user_id,
         version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
       WHERE consent_record.version < EXCLUDED.version
       RETURNING id`,
      [
        r.id, r.caseId, r.process, r.pupilId, r.schoolId, r.kind, r.label, r.scope, r.status, r.parentsOfPupil,
        r.askedUserIds, r.pupilMayDecide, r.requestedAt, r.requestedByUserId, r.respondBy, r.timeoutAt, r.giverUserId,
        r.giverRole, r.method, r.scanReference, r.recordedByUserId, r.decidedAt, r.note, r.withdrawnAt, r.withdrawalReason,
        r.withdrawnByUserId, r.version, r.updatedAt, r.scanDocumentId ?? null,
      ],
    );
    return rows.length > 0;
  }
}
