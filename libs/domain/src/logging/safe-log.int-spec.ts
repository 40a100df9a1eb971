/**
 * Failed statements on a real PostgreSQL reach the log without their parameters or literal values: a DataSource made
 * with the project's options (as the api, the worker, the migrations and the seed make theirs) fails queries on
 * purpose, and the captured output (stdout, stderr and the console, wherever a logger writes) is read back.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource, migrateFromEnv } from '../data-source';
import { UserEntity } from '../entities';

let ds: DataSource;

/** Everything written to stdout, stderr or the console while `fn` runs. */
async function captured(fn: () => Promise<unknown>): Promise<string> {
  const out: string[] = [];
  const keep = (chunk: unknown) => out.push(String(chunk));
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (keep(chunk), true)),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (keep(chunk), true)),
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => jest.spyOn(console, m).mockImplementation((...args: unknown[]) => keep(args.map(String).join(' ')))),
  ];
  try {
    await fn().catch(() => undefined);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return out.join('\n');
}

beforeAll(async () => {
  await migrateFromEnv(process.env);
  ds = createDataSource(process.env.DATABASE_URL as string);
  await ds.initialize();
});

afterAll(async () => {
  await ds?.destroy();
});

describe('failed statements in the log', () => {
  it('log a parameter that PostgreSQL refuses without the parameter', async () => {
    const log = await captured(() => ds.query('SELECT id FROM app_user WHERE id = $1', ['Noor Aksoy']));
    expect(log).toContain('[db] query failed');
    expect(log).toContain('SQLSTATE 22P02');
    expect(log).toContain('SELECT id FROM app_user WHERE id = $1');
    expect(log).not.toContain('Noor');
  });

  it('log a statement with a literal without the literal', async () => {
    const log = await captured(() => ds.query(`SELECT 'Sem de Groot'::int`));
    expect(log).toContain('[db] query failed');
    expect(log).not.toContain('Sem');
  });

  it('log a unique violation of a repository insert without the row', async () => {
    const email = `l.bakker.${randomUUID().slice(0, 8)}@voorbeeldmail.example`;
    await ds.getRepository(UserEntity).insert({ email, name: 'Lina Bakker', role: 'PARENT', schoolId: null, swvId: null, pupilId: null });
    const log = await captured(() => ds.getRepository(UserEntity).insert({ email, name: 'Lina Bakker', role: 'PARENT', schoolId: null, swvId: null, pupilId: null }));
    expect(log).toContain('[db] query failed');
    expect(log).toContain('SQLSTATE 23505');
    expect(log).not.toContain('Bakker');
    expect(log).not.toContain('voorbeeldmail');
  });
});
