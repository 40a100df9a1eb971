import type { DataSource } from 'typeorm';

/**
 * Two database roles (docs/operations.md, "Database roles"): the owner role runs the migrations and owns every table;
 * the application role (api, worker, seed) gets normal DML on the other tables but only INSERT and SELECT on the audit
 * tables, so it can neither change nor remove audit entries, nor switch off their trigger (only an owner can).
 * The retention purge of a closed case's audit payload goes through the owner's SECURITY DEFINER function
 * `audit_entry_purge_case`.
 */

/** Tables the application role may only insert into and read: the audit trail, its checkpoints, the purge register. */
export const APPEND_ONLY_TABLES = ['audit_entry', 'audit_checkpoint', 'retention_purge'] as const;

/** The migrations bookkeeping table: read-only for the application role. */
const MIGRATIONS_TABLE = 'migrations';

/** Functions the application role may execute (everything else it needs is plain DML). */
const APP_FUNCTIONS = ['audit_entry_purge_case(character varying, timestamp with time zone)'];

function quoteIdent(name: string): string {
  if (!name || name.length > 63) throw new Error(`invalid role name "${name}"`);
  return `"${name.replace(/"/g, '""')}"`;
}

/** The user name of a postgres:// URL (percent-decoded), or null when it has none. */
export function roleOfUrl(url: string): string | null {
  try {
    const name = decodeURIComponent(new URL(url).username);
    return name || null;
  } catch {
    return null;
  }
}

/**
 * Gives the application role exactly its privileges (idempotent; run by the owner after every migration run, so new
 * tables are covered): USAGE on the schema, SELECT/INSERT/UPDATE/DELETE on every table except INSERT and SELECT only on
 * the append-only tables and SELECT only on `migrations`, USAGE/SELECT on the sequences, EXECUTE on the purge function.
 * Never TRUNCATE, TRIGGER or REFERENCES, and no ownership.
 */
export async function grantApplicationRole(dataSource: DataSource, role: string): Promise<void> {
  const app = quoteIdent(role);
  const [{ me }]: { me: string }[] = await dataSource.query('SELECT current_user AS me');
  // One role for everything: nothing to grant (and revoking would take the owner's own rights).
  if (me === role) return;
  await dataSource.transaction(async (m) => {
    await m.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
    await m.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`);
    await m.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
    await m.query(`REVOKE UPDATE, DELETE ON ${APPEND_ONLY_TABLES.map(quoteIdent).join(', ')} FROM ${app}`);
    await m.query(`REVOKE INSERT, UPDATE, DELETE ON ${quoteIdent(MIGRATIONS_TABLE)} FROM ${app}`);
    await m.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${app}`);
    await m.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
    for (const fn of APP_FUNCTIONS) await m.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${app}`);
  });
}

export interface MigrationTarget {
  /** The URL the migrations run with: `DATABASE_OWNER_URL`, else `DATABASE_URL` (one role for everything). */
  ownerUrl: string;
  /** The role to grant the application privileges to; null when the application uses the owner role itself. */
  appRole: string | null;
  /** Set when the audit tables are not protected from the application (one role). */
  warning: string | null;
}

/**
 * Where `migrate.js` runs and whom it grants: `DATABASE_OWNER_URL` (the owner role) and the application role from
 * `DATABASE_APP_ROLE`, else the user of `DATABASE_URL`. Without `DATABASE_OWNER_URL` the migrations run as
 * `DATABASE_URL`'s role, which then owns the audit table (allowed outside production; the apps refuse it in production).
 */
export function migrationTargetFromEnv(env: NodeJS.ProcessEnv = process.env): MigrationTarget {
  const ownerUrl = env.DATABASE_OWNER_URL || env.DATABASE_URL;
  if (!ownerUrl) throw new Error('DATABASE_OWNER_URL (the owner role, for migrations) or DATABASE_URL must be set');
  const owner = roleOfUrl(ownerUrl);
  const appRole = env.DATABASE_APP_ROLE || (env.DATABASE_OWNER_URL && env.DATABASE_URL ? roleOfUrl(env.DATABASE_URL) : null);
  if (!appRole || appRole === owner) {
    return {
      ownerUrl,
      appRole: null,
      warning:
        'one database role for migrations and the application: it owns the audit table and can change it or switch off its trigger. ' +
        'Set DATABASE_OWNER_URL to a separate owner role (docs/operations.md, "Database roles").',
    };
  }
  return { ownerUrl, appRole, warning: null };
}

/**
 * What the connected role can do to the audit tables beyond INSERT and SELECT (empty: as it should be for the
 * application role). Checked by the api and the worker at start-up.
 */
export async function auditTableExcessPrivileges(dataSource: DataSource): Promise<string[]> {
  const rows: { table_name: string; role: string; superuser: boolean; owner: boolean; can_update: boolean; can_delete: boolean; can_truncate: boolean; can_trigger: boolean }[] =
    await dataSource.query(
      `SELECT c.relname AS table_name, current_user AS role, r.rolsuper AS superuser, pg_has_role(current_user, c.relowner, 'MEMBER') AS owner,
              has_table_privilege(c.oid, 'UPDATE') AS can_update, has_table_privilege(c.oid, 'DELETE') AS can_delete,
              has_table_privilege(c.oid, 'TRUNCATE') AS can_truncate, has_table_privilege(c.oid, 'TRIGGER') AS can_trigger
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_roles r ON r.rolname = current_user
        WHERE n.nspname = 'public' AND c.relname = ANY($1::text[]) AND c.relkind = 'r'
        ORDER BY c.relname`,
      [['audit_entry', 'audit_checkpoint']],
    );
  const problems: string[] = [];
  for (const r of rows) {
    if (r.superuser) problems.push(`role ${r.role} is a superuser`);
    else if (r.owner) problems.push(`role ${r.role} owns ${r.table_name} (it can switch off its append-only trigger)`);
    else {
      const extra = [r.can_update && 'UPDATE', r.can_delete && 'DELETE', r.can_truncate && 'TRUNCATE', r.can_trigger && 'TRIGGER'].filter(Boolean);
      if (extra.length) problems.push(`role ${r.role} may ${extra.join(', ')} ${r.table_name}`);
    }
  }
  return [...new Set(problems)];
}

/**
 * Start-up check of the api and the worker: with NODE_ENV=production the process refuses to run with a role that can
 * change the audit trail; otherwise it warns.
 */
export async function checkApplicationRole(dataSource: DataSource, options: { production: boolean; warn: (message: string) => void }): Promise<void> {
  const problems = await auditTableExcessPrivileges(dataSource);
  if (!problems.length) return;
  const message = `the database role of DATABASE_URL can change the audit trail: ${problems.join('; ')}. Use a separate application role (docs/operations.md, "Database roles").`;
  if (options.production) throw new Error(message);
  options.warn(message);
}
