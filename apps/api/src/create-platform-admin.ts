/*
 * The first platform admin of a fresh install (docs/operations.md, "Set up a real school"):
 *   npm run create-platform-admin -- beheer@example.nl "Naam Beheerder"
 * Needs DATABASE_URL (migrated). The account logs in through the OpenID Connect provider by this e-mail address.
 */
import 'reflect-metadata';
import { createDataSource, requireDatabaseUrl } from '@zorgroute/domain';
import { createPlatformAdmin } from './organisations/create-platform-admin';

async function main(): Promise<void> {
  const [email, ...nameParts] = process.argv.slice(2);
  const name = nameParts.join(' ');
  if (!email || !name) {
    process.stderr.write('usage: npm run create-platform-admin -- <e-mail> "<name>"\n');
    process.exit(2);
  }
  const ds = createDataSource(requireDatabaseUrl(), { logging: ['error'] });
  await ds.initialize();
  try {
    const r = await createPlatformAdmin(ds, { email, name });
    process.stdout.write(r.created ? `[create-platform-admin] created platform admin ${r.id}\n` : `[create-platform-admin] ${email} is already a platform admin (${r.id}); nothing changed\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`[create-platform-admin] failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
