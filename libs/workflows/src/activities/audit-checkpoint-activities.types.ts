/** What one checkpoint run wrote (no personal data in workflow history: counts, ids and hashes only). */
export interface AuditCheckpointSummary {
  checkpointId: string;
  at: string;
  entryCount: number;
  headId: string | null;
  keyId: string;
}

/** The hourly signed audit checkpoint (docs/security.md, "Audit trail"). Implemented in ./audit-checkpoint-activities.ts. */
export interface AuditCheckpointActivities {
  writeAuditCheckpoint(): Promise<AuditCheckpointSummary>;
}
