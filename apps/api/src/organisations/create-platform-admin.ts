import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditTrailRepository, Role, UserEntity } from '@zorgroute/domain';

const EMAIL = /^[^\s@",;<>()]+@[^\s@",;<>()]+\.[^\s@",;<>()]{2,}$/;
const NO_FORMULA = /^[^=+\-@\t\r]/;

export type CreatePlatformAdminResult = { created: true; id: string } | { created: false; id: string; reason: 'EXISTS' };

/**
 * The first platform admin of a fresh install (`npm run create-platform-admin -- <e-mail> "<name>"`): an account with
 * role PLATFORM_ADMIN that logs in through the school's OpenID Connect provider by this e-mail address, audited as
 * PLATFORM_ADMIN_CREATED. Run again with the same address it changes nothing; an address that belongs to another
 * account (of any other role) is refused, so the command never raises a school account to platform admin.
 */
export async function createPlatformAdmin(ds: DataSource, input: { email: string; name: string }, now: Date = new Date()): Promise<CreatePlatformAdminResult> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  if (!EMAIL.test(email) || email.length > 320) throw new Error(`not an e-mail address: ${JSON.stringify(input.email)}`);
  if (name.length < 2 || name.length > 200 || !NO_FORMULA.test(name)) throw new Error('the name must be 2 to 200 characters and not start with =, +, - or @');
  return ds.transaction(async (m) => {
    const existing = await m.getRepository(UserEntity).findOneBy({ email });
    if (existing) {
      if (existing.role === Role.PLATFORM_ADMIN && existing.active) return { created: false, id: existing.id, reason: 'EXISTS' } as const;
      throw new Error(`${email} already belongs to an account with role ${existing.role}${existing.active ? '' : ' (deactivated)'}; choose another address`);
    }
    const id = randomUUID();
    await m.getRepository(UserEntity).insert({ id, email, name, role: Role.PLATFORM_ADMIN, schoolId: null, swvId: null, pupilId: null, active: true });
    await new AuditTrailRepository(ds).append(
      {
        eventKey: `platform-admin:${id}`,
        caseId: null,
        at: now.toISOString(),
        actorId: null,
        actorName: 'create-platform-admin',
        action: 'PLATFORM_ADMIN_CREATED',
        description: 'Platformbeheerder aangemaakt met create-platform-admin',
        details: { userId: id },
      },
      m,
    );
    return { created: true, id } as const;
  });
}
