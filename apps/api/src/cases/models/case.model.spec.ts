import { Role } from '@zorgroute/domain';
import type { AuthUser } from '../../auth/auth-user';
import { platformAdminsOnly } from './case.model';

/** The "Bekijk in Temporal" link as a field middleware: the value for platform administrators, null for anyone else. */
describe('platformAdminsOnly (CaseSummary.temporalUrl)', () => {
  const url = 'http://temporal.test/namespaces/default/workflows/zorgroute-1';
  const resolve = (user: Partial<AuthUser> | undefined) => platformAdminsOnly({ source: {}, args: {}, context: { req: { user: user as AuthUser } } }, async () => url);

  it.each([Role.ADMIN, Role.PLATFORM_ADMIN])('gives %s the link', async (role) => {
    expect(await resolve({ role })).toBe(url);
  });

  it.each([Role.ZORGCOORDINATOR, Role.SWV_MEDEWERKER, Role.SCHOOL_ADMIN, Role.PARENT])('gives %s null', async (role) => {
    expect(await resolve({ role })).toBeNull();
  });

  it('gives a request without a user null', async () => {
    expect(await resolve(undefined)).toBeNull();
  });
});
