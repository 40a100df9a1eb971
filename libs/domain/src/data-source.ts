import { DataSource, type DataSourceOptions } from 'typeorm';
import { grantApplicationRole, migrationTargetFromEnv } from './database-roles';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SafeTypeormLogger } from './logging/safe-log';

/**
 * TypeORM options for Zorgroute's PostgreSQL database. Schema changes go through migrations only. Every DataSource
 * logs through SafeTypeormLogger (a failed statement without its parameters and literals), also with `logging`
 * overridden.
 */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  const logging = overrides.logging ?? ['error', 'migration'];
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    extra: { max: 10, application_name: 'zorgroute' },
    ...overrides,
    logging,
    logger: overrides.logger ?? new SafeTypeormLogger(logging),
  } as DataSourceOptions;
}

export function createDataSource(url: string, overrides: Partial<DataSourceOptions> = {}): DataSource {
  return new DataSource(dataSourceOptions(url, overrides));
}

export function requireDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (e.g. postgres://zorgroute@127.0.0.1:54329/zorgroute)');
  return url;
}

/**
 * Runs every pending migration with `url` (the owner role) and closes the connection. With `appRole`, then gives that
 * role exactly the application's privileges (`grantApplicationRole`; idempotent, also when nothing was pending).
 */
export async function migrate(url: string, options: { appRole?: string | null } = {}): Promise<string[]> {
  const ds = createDataSource(url, { logging: ['error'] });
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    if (options.appRole) await grantApplicationRole(ds, options.appRole);
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/**
 * `migrate` as `migrate.js` runs it: as `DATABASE_OWNER_URL` (else `DATABASE_URL`), granting the application role of
 * `DATABASE_URL` (or `DATABASE_APP_ROLE`) its privileges (see `migrationTargetFromEnv`).
 */
export async function migrateFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<{ applied: string[]; appRole: string | null; warning: string | null }> {
  const target = migrationTargetFromEnv(env);
  const applied = await migrate(target.ownerUrl, { appRole: target.appRole });
  return { applied, appRole: target.appRole, warning: target.warning };
}
