import { ApplicationFailure } from '@temporalio/activity';
import {
  AuditCheckpointRefused,
  AuditCheckpointRepository,
  auditCheckpointLine,
  AUDIT_CHECKPOINT_LOG_PREFIX,
  type AuditCheckpointKeys,
  type AuditCheckpointSigner,
} from '@zorgroute/domain';
import type { DataSource } from 'typeorm';
import type { AuditCheckpointActivities } from './audit-checkpoint-activities.types';

export interface AuditCheckpointDeps {
  dataSource: DataSource;
  /** The worker's private key (AUDIT_CHECKPOINT_KEY). */
  signer: AuditCheckpointSigner;
  /** Public keys of the current and retired keys: the newest checkpoint is verified before a new one is signed. */
  keys: AuditCheckpointKeys;
  /**
   * Where each checkpoint goes besides the database, as one line (`[audit-checkpoint] {json}`): the worker writes it to
   * its log (stdout) and, with AUDIT_CHECKPOINT_FILE, appends it to that file, for shipping to a store the database's
   * insiders cannot reach.
   */
  sink: (line: string) => void;
  /** Where a refusal is reported (the worker's stderr). */
  alert?: (line: string) => void;
}

export function createAuditCheckpointActivities(deps: AuditCheckpointDeps): AuditCheckpointActivities {
  return {
    async writeAuditCheckpoint() {
      try {
        const cp = await new AuditCheckpointRepository(deps.dataSource).write(deps.signer, deps.keys);
        deps.sink(`${AUDIT_CHECKPOINT_LOG_PREFIX} ${auditCheckpointLine(cp)}`);
        return { checkpointId: String(cp.id), at: cp.at, entryCount: cp.entryCount, headId: cp.headId, keyId: cp.keyId };
      } catch (err) {
        if (err instanceof AuditCheckpointRefused) {
          deps.alert?.(`${AUDIT_CHECKPOINT_LOG_PREFIX} REFUSED ${err.reason}${err.entryId ? ` at entry ${err.entryId}` : ''}: the audit chain does not match its last signed checkpoint`);
          throw ApplicationFailure.create({ type: 'AuditChainBroken', message: err.message, nonRetryable: true, details: [{ reason: err.reason, entryId: err.entryId }] });
        }
        throw err;
      }
    },
  };
}
