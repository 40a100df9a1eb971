/*
 * Command-line entry: `node libs/domain/dist/migrate.js` runs the pending migrations as the owner role
 * (DATABASE_OWNER_URL, else DATABASE_URL) and grants the application role (the user of DATABASE_URL, or
 * DATABASE_APP_ROLE) its privileges. See docs/operations.md, "Database roles".
 */
import 'reflect-metadata';
import { migrateFromEnv } from './data-source';

migrateFromEnv(process.env)
  .then(({ applied, appRole, warning }) => {
    if (warning) process.stderr.write(`[migrate] warning: ${warning}\n`);
    process.stdout.write(applied.length ? `[migrate] applied: ${applied.join(', ')}\n` : '[migrate] schema up to date\n');
    if (appRole) process.stdout.write(`[migrate] application role ${appRole}: read/write, insert-only on the audit tables\n`);
  })
  .catch((err: unknown) => {
    process.stderr.write(`[migrate] failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
