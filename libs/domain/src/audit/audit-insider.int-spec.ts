/**
 * The audit trail against an insider (issue #14; docs/security.md "Audit trail"), on real PostgreSQL with the two roles
 * `npm test` creates: DATABASE_OWNER_URL (owner, runs the migrations) and DATABASE_URL (the application role).
 * Each test gets its own database, migrated by the owner, which grants the application role its privileges.
 * - the application role can only insert and read the audit tables: UPDATE, DELETE, TRUNCATE and switching off the
 *   trigger are refused; it can blank a closed case's audit payload only through `audit_entry_purge_case`;
 * - an owner who edits an entry and recomputes every later hash passes the chain check, but not the signed checkpoint;
 * - an owner who deletes the newest entries is caught by the checkpoint's count or head;
 * - checkpoints shipped out of the database (the worker's log lines) still catch it after the owner deleted the rows.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from '../data-source';
import { auditTableExcessPrivileges, roleOfUrl } from '../database-roles';
import { AuditEntryEntity } from '../entities/audit-entry.entity';
import { SchoolEntity } from '../entities/school.entity';
import { SwvEntity } from '../entities/swv.entity';
import { RetentionPurger } from '../retention/retention-purger';
import { auditCheckpointLine, parseAuditCheckpointLog, AUDIT_CHECKPOINT_LOG_PREFIX } from './audit-checkpoint';
import { AuditCheckpointKeys, AuditCheckpointSigner } from './audit-checkpoint-keys';
import { AuditCheckpointRefused, AuditCheckpointRepository } from './audit-checkpoint.repository';
import { AUDIT_TOMBSTONE_DESCRIPTION, auditHashV2, auditPayloadDigest, AuditTrailRepository } from './audit-trail.repository';

const appBase = process.env.DATABASE_URL as string;
const ownerBase = process.env.DATABASE_OWNER_URL as string;
const withDb = (url: string, db: string) => url.replace(/\/[^/?]+(\?.*)?$/, `/${db}$1`);

const signer = AuditCheckpointSigner.fromSeed(randomBytes(32));
const keys = new AuditCheckpointKeys([signer.publicKey]);

let seq = 0;
let dbName = '';
let app: DataSource;
let owner: DataSource;

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ownerBase });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

beforeAll(() => {
  if (!appBase || !ownerBase) throw new Error('DATABASE_URL and DATABASE_OWNER_URL must be set (npm test sets both)');
  // Two roles or this suite proves nothing: with TEST_DATABASE_URL alone there is one role (README, "Tests").
  if (roleOfUrl(appBase) === roleOfUrl(ownerBase)) throw new Error(`DATABASE_URL and DATABASE_OWNER_URL use the same role (${roleOfUrl(appBase)}): set TEST_DATABASE_OWNER_URL`);
});

beforeEach(async () => {
  dbName = `audit_insider_${process.pid}_${++seq}`;
  await admin(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin(`CREATE DATABASE ${dbName}`);
  await migrate(withDb(ownerBase, dbName), { appRole: roleOfUrl(appBase) });
  app = createDataSource(withDb(appBase, dbName), { logging: false });
  owner = createDataSource(withDb(ownerBase, dbName), { logging: false });
  await app.initialize();
  await owner.initialize();
}, 60_000);

afterEach(async () => {
  await app?.destroy();
  await owner?.destroy();
  await admin(`DROP DATABASE IF EXISTS ${dbName}`);
}, 60_000);

/** Appends `n` entries through the repository (as the application writes them); returns their ids. */
async function appendEntries(n: number, caseId = 'ondersteuningstraject-insider'): Promise<string[]> {
  const audit = new AuditTrailRepository(app);
  const base = (await app.query('SELECT count(*)::int AS n FROM audit_entry'))[0].n as number;
  for (let i = 1; i <= n; i++) {
    await audit.append({
      eventKey: `insider:${base + i}`, caseId, at: new Date(Date.UTC(2027, 0, 12, 9, base + i)).toISOString(), actorId: null, actorName: 'Zorgroute',
      action: `STAP_${base + i}`, description: `stap ${base + i}`, details: { caseId }, reason: null,
    });
  }
  return (await app.query('SELECT id FROM audit_entry ORDER BY id')).map((r: { id: string }) => String(r.id));
}

/** As the owner: switch the trigger off, run `fn`, switch it on again (what an insider with the migration role can do). */
async function asOwnerWithoutTrigger(fn: (q: (sql: string, params?: unknown[]) => Promise<unknown>) => Promise<void>): Promise<void> {
  await owner.transaction(async (m) => {
    await m.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update');
    await m.query('ALTER TABLE audit_checkpoint DISABLE TRIGGER audit_checkpoint_no_update');
    await fn((sql, params) => m.query(sql, params));
    await m.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update');
    await m.query('ALTER TABLE audit_checkpoint ENABLE TRIGGER audit_checkpoint_no_update');
  });
}

/** The insider's rewrite: changes the description of `targetId` and recomputes the digest and every later hash. */
async function editAndRecompute(targetId: string, description: string): Promise<void> {
  const rows = await owner.getRepository(AuditEntryEntity).find({ order: { id: 'ASC' } });
  await asOwnerWithoutTrigger(async (q) => {
    let prev: string | null = null;
    let rewriting = false;
    for (const r of rows) {
      if (r.id === targetId) {
        rewriting = true;
        r.description = description;
      }
      if (rewriting) {
        const payloadDigest = auditPayloadDigest({ actorName: r.actorName, description: r.description, details: r.details, reason: r.reason });
        const hash = auditHashV2(prev, { ...r, at: r.at.toISOString(), payloadDigest });
        await q('UPDATE audit_entry SET description = $2, payload_digest = $3, prev_hash = $4, hash = $5 WHERE id = $1', [r.id, r.description, payloadDigest, prev, hash]);
        r.hash = hash;
      }
      prev = r.hash;
    }
  });
}

describe('the application role', () => {
  it('may only insert and read the audit tables: UPDATE, DELETE, TRUNCATE and switching off the trigger are refused', async () => {
    const [first] = await appendEntries(2);
    await new AuditCheckpointRepository(app).write(signer, keys);
    await expect(app.query(`UPDATE audit_entry SET description = 'vervalst' WHERE id = $1`, [first])).rejects.toThrow(/permission denied/);
    await expect(app.query('DELETE FROM audit_entry WHERE id = $1', [first])).rejects.toThrow(/permission denied/);
    await expect(app.query('TRUNCATE audit_entry')).rejects.toThrow(/permission denied/);
    await expect(app.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update')).rejects.toThrow(/must be owner/);
    await expect(app.query('DROP TRIGGER audit_entry_no_update ON audit_entry')).rejects.toThrow(/must be owner/);
    await expect(app.query(`UPDATE audit_checkpoint SET entry_count = 1`)).rejects.toThrow(/permission denied/);
    await expect(app.query('DELETE FROM audit_checkpoint')).rejects.toThrow(/permission denied/);
    await expect(app.query(`UPDATE retention_purge SET trigger = 'X'`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`INSERT INTO migrations (timestamp, name) VALUES (1, 'x')`)).rejects.toThrow(/permission denied/);
    // The same retention "purge" the owner's function does is refused when written directly.
    await expect(
      app.query(`UPDATE audit_entry SET purged_at = now(), actor_name = NULL, description = $2, details = '{}', reason = NULL WHERE id = $1`, [first, AUDIT_TOMBSTONE_DESCRIPTION]),
    ).rejects.toThrow(/permission denied/);
    // What the api and worker check at start-up (NODE_ENV=production refuses to run otherwise).
    expect(await auditTableExcessPrivileges(app)).toEqual([]);
    expect((await auditTableExcessPrivileges(owner)).join('; ')).toMatch(/owns audit_entry/);
    // The owner itself still meets the triggers (it must switch them off first, as the insider tests below do).
    await expect(owner.query(`UPDATE audit_entry SET description = 'vervalst' WHERE id = $1`, [first])).rejects.toThrow(/append-only/);
    await expect(owner.query('TRUNCATE audit_entry')).rejects.toThrow(/append-only/);
    await expect(owner.query('DELETE FROM audit_checkpoint')).rejects.toThrow(/append-only/);
    expect((await new AuditTrailRepository(app).verifyChain({ keys })).ok).toBe(true);
  }, 60_000);

  it('purges the audit payload of a closed case only through audit_entry_purge_case, and the retention run still verifies', async () => {
    const swv = await app.getRepository(SwvEntity).save({ name: 'SWV Insiderregio', code: 'VO 97.01' });
    const school = await app.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'Insidercollege', brin: '97IA00', region: 'midden' });
    const row = (id: string, closedAt: string | null) => ({
      id, process: 'ONDERSTEUNINGSTRAJECT', school_id: school.id, pupil_id: '00000000-0000-4000-8000-000000000001', status: closedAt ? 'AFGEROND' : 'INTAKE',
      started_at: '2023-01-10T09:00:00Z', updated_at: closedAt ?? '2027-01-10T09:00:00Z', closed_at: closedAt,
    });
    for (const r of [row('ondersteuningstraject-oud', '2024-06-01T09:00:00Z'), row('ondersteuningstraject-lopend', null)]) {
      await app.query('INSERT INTO case_summary (id, process, school_id, pupil_id, status, started_at, updated_at, closed_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)', Object.values(r));
    }
    await appendEntries(3, 'ondersteuningstraject-oud');
    await appendEntries(2, 'ondersteuningstraject-lopend');
    await new AuditCheckpointRepository(app).write(signer, keys);
    // Not for a case that is still open.
    await expect(app.query('SELECT audit_entry_purge_case($1, now())', ['ondersteuningstraject-lopend'])).rejects.toThrow(/not a closed case/);

    const result = await new RetentionPurger(app).run(
      { workflowState: async () => 'CLOSED' },
      { trigger: 'ADMIN', actorId: null, reason: 'Controle bewaartermijn', now: new Date('2027-01-12T10:00:00Z'), schoolId: school.id },
    );
    expect(result).toEqual({ closed: [], purged: ['ondersteuningstraject-oud'], skippedRunning: [], failed: [] });
    const purged: { n: number }[] = await app.query(`SELECT count(*)::int AS n FROM audit_entry WHERE case_id = 'ondersteuningstraject-oud' AND purged_at IS NOT NULL AND description = $1`, [AUDIT_TOMBSTONE_DESCRIPTION]);
    expect(purged[0].n).toBe(3);
    // The chain and the checkpoint written before the purge still verify (hash version 2 covers only the payload's digest).
    const v = await new AuditTrailRepository(app).verifyChain({ keys });
    expect(v).toEqual(expect.objectContaining({ ok: true, reason: null, checkpoints: 1, purged: 3 }));
    const next = await new AuditCheckpointRepository(app).write(signer, keys);
    expect(next.entryCount).toBe(6);
  }, 60_000);
});

describe('an insider with the owner role', () => {
  it('edits an entry and recomputes every later hash: the chain passes, the signed checkpoint does not', async () => {
    const ids = await appendEntries(3);
    const first = await new AuditCheckpointRepository(app).write(signer, keys);
    const more = await appendEntries(3);
    const second = await new AuditCheckpointRepository(app).write(signer, keys);
    const log = [first, second].map((c) => `2027-01-12T10:00:00Z worker ${AUDIT_CHECKPOINT_LOG_PREFIX} ${auditCheckpointLine(c)}`).join('\nother log line\n');
    expect(second).toEqual(expect.objectContaining({ entryCount: 6, headId: more[5] }));
    expect(await new AuditTrailRepository(app).verifyChain({ keys })).toEqual(expect.objectContaining({ ok: true, checkpoints: 2, sealedUpTo: more[5] }));

    await editAndRecompute(more[4], 'stap 5 (anders)');
    const v = await new AuditTrailRepository(app).verifyChain({ keys });
    // The first checkpoint still holds (entries up to its head are proven unchanged); the second one caught it.
    expect(v).toEqual(expect.objectContaining({ ok: false, reason: 'CHECKPOINT_MISMATCH', brokenAt: more[5], checkpointId: second.id, sealedUpTo: ids[2], checkpoints: 1 }));
    // The worker refuses to sign the rewritten chain.
    await expect(new AuditCheckpointRepository(app).write(signer, keys)).rejects.toThrow(AuditCheckpointRefused);

    // Deleting the checkpoint rows as well hides it from the database alone ...
    await asOwnerWithoutTrigger(async (q) => {
      await q('DELETE FROM audit_checkpoint');
    });
    expect(await new AuditTrailRepository(app).verifyChain({ keys })).toEqual(expect.objectContaining({ ok: true, checkpoints: 0 }));
    // ... but not from the checkpoints shipped out of it (the worker's log).
    const shipped = parseAuditCheckpointLog(log);
    expect(shipped).toHaveLength(2);
    expect(await new AuditTrailRepository(app).verifyChain({ keys, externalCheckpoints: shipped })).toEqual(
      expect.objectContaining({ ok: false, reason: 'CHECKPOINT_MISMATCH', brokenAt: more[5], checkpointId: 'external:2', sealedUpTo: ids[2] }),
    );
  }, 60_000);

  it('deletes the newest entries: the checkpoint counted more (truncated), or its head is gone', async () => {
    const ids = await appendEntries(5);
    const cp = await new AuditCheckpointRepository(app).write(signer, keys);
    await asOwnerWithoutTrigger(async (q) => {
      await q('DELETE FROM audit_entry WHERE id = ANY($1::bigint[])', [ids.slice(3)]);
    });
    const truncated = await new AuditTrailRepository(app).verifyChain({ keys });
    expect(truncated).toEqual(expect.objectContaining({ ok: false, reason: 'CHECKPOINT_TRUNCATED', brokenAt: ids[4], checkpointId: cp.id, checked: 3 }));

    // New entries after the cut bring the count back, but not the signed head.
    await appendEntries(2);
    expect(await new AuditTrailRepository(app).verifyChain({ keys })).toEqual(expect.objectContaining({ ok: false, reason: 'CHECKPOINT_HEAD_MISSING', brokenAt: ids[4], checked: 5 }));
    await expect(new AuditCheckpointRepository(app).write(signer, keys)).rejects.toThrow(/CHECKPOINT_HEAD_MISSING/);
  }, 60_000);

  it('cannot forge a checkpoint: another key or a changed count is reported', async () => {
    await appendEntries(2);
    const cp = await new AuditCheckpointRepository(app).write(signer, keys);
    const stranger = AuditCheckpointSigner.fromSeed(randomBytes(32));
    expect(await new AuditTrailRepository(app).verifyChain({ keys: new AuditCheckpointKeys([stranger.publicKey]) })).toEqual(
      expect.objectContaining({ ok: false, reason: 'CHECKPOINT_KEY_UNKNOWN', checkpointId: cp.id }),
    );
    await asOwnerWithoutTrigger(async (q) => {
      await q('UPDATE audit_checkpoint SET entry_count = 1, head_id = (SELECT min(id) FROM audit_entry), head_hash = (SELECT hash FROM audit_entry ORDER BY id LIMIT 1)');
    });
    expect(await new AuditTrailRepository(app).verifyChain({ keys })).toEqual(expect.objectContaining({ ok: false, reason: 'CHECKPOINT_SIGNATURE_INVALID', checkpointId: cp.id }));
  }, 60_000);
});
