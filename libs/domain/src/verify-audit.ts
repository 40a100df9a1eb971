/*
 * Command-line check of the audit trail, for operators and auditors (docs/operations.md, "Audit checkpoints"):
 *
 *   node libs/domain/dist/verify-audit.js [--checkpoints <file>]...
 *
 * Verifies the hash chain of DATABASE_URL (read access is enough) and every signed checkpoint, those in the database
 * and those in the given checkpoint logs (JSON lines, or worker log lines `[audit-checkpoint] {...}`): so checkpoints
 * shipped elsewhere still catch a truncated tail after an insider deleted the matching rows of `audit_checkpoint`.
 * Keys: AUDIT_CHECKPOINT_PUBLIC_KEYS (and/or AUDIT_CHECKPOINT_KEY). Prints the result as JSON; exit code 1 when broken.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { parseAuditCheckpointLog, type AuditCheckpointRecord } from './audit/audit-checkpoint';
import { auditCheckpointConfigFromEnv } from './audit/audit-checkpoint-keys';
import { AuditTrailRepository } from './audit/audit-trail.repository';
import { createDataSource, requireDatabaseUrl } from './data-source';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const external: AuditCheckpointRecord[] = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--checkpoints' && args[i + 1]) external.push(...parseAuditCheckpointLog(readFileSync(args[(i += 1)], 'utf8')));
    else throw new Error(`unknown argument ${args[i]} (usage: verify-audit.js [--checkpoints <file>]...)`);
  }
  const { keys } = auditCheckpointConfigFromEnv(process.env, 'verifier');
  const ds = createDataSource(requireDatabaseUrl(), { logging: ['error'] });
  await ds.initialize();
  try {
    const result = await new AuditTrailRepository(ds).verifyChain({ keys, externalCheckpoints: external });
    process.stdout.write(`${JSON.stringify({ ...result, externalCheckpoints: external.length, keyIds: keys.keyIds }, null, 2)}\n`);
    return result.ok ? 0 : 1;
  } finally {
    await ds.destroy();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((err: unknown) => {
    process.stderr.write(`[verify-audit] failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  });
