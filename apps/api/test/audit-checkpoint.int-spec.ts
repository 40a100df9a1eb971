/**
 * The hourly signed audit checkpoint on the real stack (Temporal dev server, PostgreSQL with the two roles, a real
 * worker on the suite's own task queue; docs/security.md "Audit trail"): the api creates the Schedule, a run writes a
 * checkpoint signed with the worker's key (stored, and logged as one line), and `verifyAuditChain` verifies it with
 * the public key. A forged checkpoint — the application role may insert one — is reported with its reason and a Dutch
 * message. The tampering cases themselves run in their own databases: libs/domain/src/audit/audit-insider.int-spec.ts.
 */
import { Client } from '@temporalio/client';
import { AUDIT_CHECKPOINT_LOG_PREFIX, AuditCheckpointEntity, createDataSource } from '@zorgroute/domain';
import { auditCheckpointScheduleId } from '@zorgroute/workflows';
import { DataSource } from 'typeorm';
import { eventually } from './graphql-client';
import { useTestStack } from './test-stack';

const stack = useTestStack({ name: 'audit-checkpoint' });
const VERIFY = `query { verifyAuditChain { ok checked brokenAt reason message checkpoints checkpointId sealedUpTo lastCheckpointAt } }`;

interface Verification {
  ok: boolean;
  checked: number;
  brokenAt: string | null;
  reason: string | null;
  message: string | null;
  checkpoints: number;
  checkpointId: string | null;
  sealedUpTo: string | null;
  lastCheckpointAt: string | null;
}

describe('signed audit checkpoints (hourly Temporal Schedule, worker activity, verifyAuditChain)', () => {
  it('writes a signed checkpoint from the hourly Schedule, logs it, and verifies it through the api', async () => {
    const ds = stack.app.get(DataSource);
    const handle = stack.app.get(Client).schedule.getHandle(auditCheckpointScheduleId(stack.taskQueue));
    const description = await handle.describe();
    expect(description.spec.intervals).toEqual([expect.objectContaining({ every: 3_600_000 })]);
    const before = await ds.getRepository(AuditCheckpointEntity).count();
    const logged: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      if (typeof chunk === 'string' && chunk.startsWith(AUDIT_CHECKPOINT_LOG_PREFIX)) logged.push(chunk);
      return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
    try {
      await handle.trigger();
      await eventually(async () => (await ds.getRepository(AuditCheckpointEntity).count()) > before, 60_000, 'the scheduled checkpoint');
    } finally {
      process.stdout.write = write;
      await handle.delete();
    }
    const [newest] = await ds.getRepository(AuditCheckpointEntity).find({ order: { id: 'DESC' }, take: 1 });
    const [{ n }]: { n: string }[] = await ds.query('SELECT count(*) AS n FROM audit_entry WHERE id <= $1', [newest.headId]);
    expect(Number(newest.entryCount)).toBe(Number(n));
    // The same checkpoint went to the worker's log, for shipping out of the database.
    expect(logged.some((l) => l.includes(`"signature":"${newest.signature}"`))).toBe(true);

    await stack.gql.login('beheer@zorgroute.example');
    const { verifyAuditChain: v } = await stack.gql.ok<{ verifyAuditChain: Verification }>(VERIFY);
    expect(v).toEqual(expect.objectContaining({ ok: true, reason: null, message: null, brokenAt: null, checkpointId: null }));
    expect(v.checkpoints).toBeGreaterThanOrEqual(1);
    expect(Number(v.sealedUpTo)).toBeGreaterThanOrEqual(Number(newest.headId));
    expect(v.lastCheckpointAt).not.toBeNull();
  }, 120_000);

  it('reports a checkpoint the application role inserted without the key (CHECKPOINT_SIGNATURE_INVALID), in Dutch', async () => {
    const ds = stack.app.get(DataSource);
    const [newest] = await ds.getRepository(AuditCheckpointEntity).find({ order: { id: 'DESC' }, take: 1 });
    // An insider with the application role may insert into audit_checkpoint, but cannot sign.
    const [forged]: { id: string }[] = await ds.query(
      `INSERT INTO audit_checkpoint (at, entry_count, head_id, head_hash, key_id, signature) VALUES (now(), $1, $2, $3, $4, $5) RETURNING id`,
      [newest.entryCount, newest.headId, newest.headHash, newest.keyId, Buffer.alloc(64, 1).toString('base64url')],
    );
    const owner = createDataSource((process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL) as string, { logging: false });
    await owner.initialize();
    try {
      await stack.gql.login('beheer@zorgroute.example');
      const { verifyAuditChain: v } = await stack.gql.ok<{ verifyAuditChain: Verification }>(VERIFY);
      expect(v).toEqual(expect.objectContaining({ ok: false, reason: 'CHECKPOINT_SIGNATURE_INVALID', checkpointId: String(forged.id), brokenAt: String(newest.headId) }));
      expect(v.message).toBe(`Controlepunt ${forged.id} heeft geen geldige handtekening: het is vervalst of gewijzigd.`);
    } finally {
      // Only the owner can remove it again (trigger switched off), for the suites that share the database.
      await owner.transaction(async (m) => {
        await m.query('ALTER TABLE audit_checkpoint DISABLE TRIGGER audit_checkpoint_no_update');
        await m.query('DELETE FROM audit_checkpoint WHERE id = $1', [forged.id]);
        await m.query('ALTER TABLE audit_checkpoint ENABLE TRIGGER audit_checkpoint_no_update');
      });
      await owner.destroy();
    }
    expect((await stack.gql.ok<{ verifyAuditChain: Verification }>(VERIFY)).verifyAuditChain.ok).toBe(true);
  }, 60_000);
});
