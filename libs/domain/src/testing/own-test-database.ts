import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from '../data-source';
import { roleOfUrl } from '../database-roles';

/**
 * A throw-away database of one integration spec, migrated by the owner role and used as the application role — the
 * same split as production (`npm test` sets DATABASE_URL and DATABASE_OWNER_URL). For specs that test one service or
 * repository against PostgreSQL without the whole api.
 */
export interface OwnTestDatabase {
  /** The application role's connection, initialised. */
  readonly ds: DataSource;
  /** The database as the application role / as the owner role. */
  readonly url: string;
  readonly ownerUrl: string;
  /** Closes the connection and drops the database. */
  drop(): Promise<void>;
}

const withDb = (url: string, db: string) => url.replace(/\/[^/?]+(\?.*)?$/, `/${db}$1`);

/** Runs one statement as the owner role in the server's default database (CREATE / DROP DATABASE). */
async function asOwner(sql: string): Promise<void> {
  const c = new Client({ connectionString: ownerBaseUrl() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function appBaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must be set (npm test sets it)');
  return url;
}

function ownerBaseUrl(): string {
  return process.env.DATABASE_OWNER_URL ?? appBaseUrl();
}

/** Creates (after dropping a leftover of the same name) and migrates `<name>_<pid>`, and connects to it. */
export async function openOwnTestDatabase(name: string, options: { logging?: boolean } = {}): Promise<OwnTestDatabase> {
  const dbName = `${name}_${process.pid}`;
  if (!/^[a-z0-9_]+$/.test(dbName)) throw new Error(`Not a database name: ${dbName}`);
  await asOwner(`DROP DATABASE IF EXISTS ${dbName}`);
  await asOwner(`CREATE DATABASE ${dbName}`);
  const url = withDb(appBaseUrl(), dbName);
  const ownerUrl = withDb(ownerBaseUrl(), dbName);
  await migrate(ownerUrl, { appRole: roleOfUrl(appBaseUrl()) });
  const ds = createDataSource(url, options.logging === undefined ? {} : { logging: options.logging });
  await ds.initialize();
  return {
    ds,
    url,
    ownerUrl,
    async drop() {
      if (ds.isInitialized) await ds.destroy();
      await asOwner(`DROP DATABASE IF EXISTS ${dbName}`);
    },
  };
}
