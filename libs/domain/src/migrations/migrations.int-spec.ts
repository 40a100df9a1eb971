/**
 * The migrations and the entities describe the same schema: after every migration has run on an
 * empty database, TypeORM finds nothing to change. Also checks that the audit trail refuses edits, even by its owner
 * (the role separation itself: audit/audit-insider.int-spec.ts).
 */
import { Client } from 'pg';
import { createDataSource, migrate } from '../data-source';

// The owner role (it runs the migrations in production too, and may create the suite's own database).
const baseUrl = (process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL) as string;
const dbName = `schema_check_${process.pid}`;
const url = baseUrl.replace(/\/[^/?]+(\?.*)?$/, `/${dbName}$1`);

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: baseUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin(`CREATE DATABASE ${dbName}`);
});

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${dbName}`);
});

describe('migrations', () => {
  it('create exactly the schema the entities describe, and run idempotently', async () => {
    const applied = await migrate(url);
    expect(applied.length).toBeGreaterThan(0);
    expect(await migrate(url)).toEqual([]);
    const ds = createDataSource(url);
    await ds.initialize();
    try {
      const log = await ds.driver.createSchemaBuilder().log();
      expect(log.upQueries.map((q) => q.query)).toEqual([]);
      await ds.query(`INSERT INTO audit_entry (event_key, at, action, description, hash) VALUES ('k1', now(), 'TEST', 'test', repeat('0', 64))`);
      await expect(ds.query(`UPDATE audit_entry SET description = 'changed' WHERE event_key = 'k1'`)).rejects.toThrow(/append-only/);
      await expect(ds.query(`DELETE FROM audit_entry WHERE event_key = 'k1'`)).rejects.toThrow(/append-only/);
      await expect(ds.query(`TRUNCATE audit_entry`)).rejects.toThrow(/append-only/);
      await ds.query(`INSERT INTO audit_checkpoint (at, entry_count, head_id, head_hash, key_id, signature) VALUES (now(), 0, NULL, NULL, 'k', 's')`);
      await expect(ds.query(`UPDATE audit_checkpoint SET entry_count = 1`)).rejects.toThrow(/append-only/);
      await expect(ds.query(`DELETE FROM audit_checkpoint`)).rejects.toThrow(/append-only/);
      await expect(ds.query(`TRUNCATE audit_checkpoint`)).rejects.toThrow(/append-only/);
    } finally {
      await ds.destroy();
    }
  }, 60_000);
});
