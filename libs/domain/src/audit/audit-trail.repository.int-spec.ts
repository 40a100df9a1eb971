import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from '../data-source';
import { AuditTrailRepository } from './audit-trail.repository';

let ds: DataSource;
let audit: AuditTrailRepository;
const run = `t${Date.now()}`;

beforeAll(async () => {
  await migrate(process.env.DATABASE_URL as string);
  ds = createDataSource(process.env.DATABASE_URL as string);
  await ds.initialize();
  audit = new AuditTrailRepository(ds);
});

afterAll(async () => {
  await ds?.destroy();
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
    expect(await audit.verifyChain()).toEqual(expect.objectContaining({ ok: true, brokenAt: null }));

    // Tampering needs the append-only trigger switched off; the chain still gives it away.
    await ds.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update');
    try {
      await ds.query(`UPDATE audit_entry SET description = 'vervalst' WHERE event_key = $1`, [`${run}:2`]);
    } finally {
      await ds.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update');
    }
    const check = await audit.verifyChain();
    expect(check.ok).toBe(false);
    expect(check.brokenAt).toBe(entries[1].id);
    // Restore for other suites sharing the database.
    await ds.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update');
    try {
      await ds.query(`UPDATE audit_entry SET description = 'stap 2' WHERE event_key = $1`, [`${run}:2`]);
    } finally {
      await ds.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update');
    }
    expect((await audit.verifyChain()).ok).toBe(true);
  }, 30_000);
});
