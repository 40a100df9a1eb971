import { Role } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';

/**
 * Roles that operate the platform itself rather than a school's cases: the Temporal Web UI (the "Bekijk in Temporal"
 * link, the payload codec endpoint that decrypts workflow data for it), and the organisations (SWVs, schools, every
 * account) and the regional holiday data: PLATFORM_ADMIN, and ADMIN (the demo's and support's all-seeing role).
 */
export const PLATFORM_ADMIN_ROLES: readonly Role[] = [Role.ADMIN, Role.PLATFORM_ADMIN];

/** May this user see Temporal's own view of the cases (workflow histories, decrypted payloads)? */
export function isPlatformAdmin(user: Pick<AuthUser, 'role'> | null | undefined): boolean {
  return !!user && PLATFORM_ADMIN_ROLES.includes(user.role);
}
