import type { DataSource } from 'typeorm';
import { createDataSource, migrateFromEnv } from '../data-source';
import { auditCheckpointConfigFromEnv } from './audit-checkpoint-keys';
import { AUDIT_TOMBSTONE_DESCRIPTION, AuditTrailRepository, auditHash, RETENTION_PURGED_ACTION } from './audit-trail.repository';

/** The application role (what the api and worker use) and the owner role (only it can switch the trigger off). */
let ds: DataSource;
let owner: DataSource;
let audit: AuditTrailRepository;
const run = `t${Date.now()}`;
// Checkpoints may exist in the shared test database (the hourly schedule of a suite's worker): verify with the keys.
const keys = auditCheckpointConfigFromEnv(process.env, 'verifier').keys;
const verify = () => audit.verifyChain({ keys });

beforeAll(async () => {
  await migrateFromEnv();
  ds = createDataSource(process.env.DATABASE_URL as string);
  owner = createDataSource((process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL) as string);
  await ds.initialize();
  await owner.initialize();
  audit = new AuditTrailRepository(ds);
});

afterAll(async () => {
  await ds?.destroy();
  await owner?.destroy();
});

describe('AuditTrailRepository', () => {
  it('appends each event once, chains the hashes, and detects a changed entry', async () => {
    const caseId = `case-${run}`;
    for (const n of [1, 2, 3]) {
      await audit.append({ eventKey: `${run}:${n}`, caseId, at: new Date(2026, 10, 22, 9, n).toISOString(), actorId: null, actorName: 'Zorgroute', action: `STEP_${n}`, description: `stap ${n}` });
    }
    await audit.append({ eventKey: `${run}:2`, caseId, at: new Date().toISOString(), actorId: null, actorName: 'x', action: 'DUPLICATE', description: 'retry' });
    const entries = await audit.forCase(caseId);
    expect(entries.map((e) => e.action)).toEqual(['STEP_1', 'STEP_2', 'STEP_3']);
    expect(entries[1].prevHash).toBe(entries[0].hash);
    expect(entries[2].prevHash).toBe(entries[1].hash);
    expect(await verify()).toEqual(expect.objectContaining({ ok: true, brokenAt: null }));

    // Tampering needs the append-only trigger switched off; the chain still gives it away.
    await owner.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update');
    try {
      await owner.query(`UPDATE audit_entry SET description = 'vervalst' WHERE event_key = $1`, [`${run}:2`]);
    } finally {
      await owner.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update');
    }
    const check = await verify();
    expect(check.ok).toBe(false);
    expect(check.brokenAt).toBe(entries[1].id);
    // Restore for other suites sharing the database.
    await owner.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update');
    try {
      await owner.query(`UPDATE audit_entry SET description = 'stap 2' WHERE event_key = $1`, [`${run}:2`]);
    } finally {
      await owner.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update');
    }
    expect((await verify()).ok).toBe(true);
  }, 30_000);

  it('verifies version 1 entries (written before hash version 2) and accepts them purged only when a purge lists them', async () => {
    const caseId = `case-v1-${run}`;
    // A version 1 entry as the code before the retention migration wrote it: the hash covers the raw content.
    const id = await ds.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(727001)');
      const [last]: { hash: string }[] = await m.query('SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1');
      const at = new Date(2025, 0, 6, 9, 0).toISOString();
      const entry = { eventKey: `${run}:v1`, caseId, at, actorId: null, actorName: 'Marieke Verhoef', action: 'STEP_V1', description: 'oude stap', details: { goal: 'persoonlijk' }, reason: null };
      const hash = auditHash(last?.hash ?? null, entry);
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO audit_entry (event_key, case_id, at, actor_id, actor_name, action, description, details, reason, prev_hash, hash)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
        [entry.eventKey, caseId, at, null, entry.actorName, entry.action, entry.description, JSON.stringify(entry.details), null, last?.hash ?? null, hash],
      );
      return String(row.id);
    });
    await audit.append({ eventKey: `${run}:after-v1`, caseId, at: new Date().toISOString(), actorId: null, actorName: 'Zorgroute', action: 'STEP_V2', description: 'nieuwe stap' });
    expect((await verify()).ok).toBe(true);

    // Purged by the owner's UPDATE (the trigger allows exactly the tombstone; the application role has no UPDATE at all
    // and purges through audit_entry_purge_case) but not (yet) listed by a purge entry: broken.
    await owner.query(
      `UPDATE audit_entry SET actor_name = NULL, description = $2, details = '{}'::jsonb, reason = NULL, purged_at = now() WHERE id = $1`,
      [id, AUDIT_TOMBSTONE_DESCRIPTION],
    );
    expect(await verify()).toEqual(expect.objectContaining({ ok: false, brokenAt: id }));
    await audit.append({
      eventKey: `${run}:purge-v1`, caseId, at: new Date().toISOString(), actorId: null, actorName: 'Zorgroute', action: RETENTION_PURGED_ACTION,
      description: 'Casusgegevens verwijderd', details: { purgedCaseId: caseId, purgedEntryIds: [id] },
    });
    const check = await verify();
    expect(check).toEqual(expect.objectContaining({ ok: true, brokenAt: null }));
    expect(check.purged).toBeGreaterThanOrEqual(1);
  }, 30_000);
});
