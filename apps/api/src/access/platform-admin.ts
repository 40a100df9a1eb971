import { Role } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';

/**
 * Roles that operate the platform itself rather than a school's cases: the Temporal Web UI (the "Bekijk in Temporal"
 * link, the payload codec endpoint that decrypts workflow data for it). There is no separate platform-admin role yet,
 * so it is ADMIN; a future PLATFORM_ADMIN role is added here (and ADMIN removed when it should lose this).
 */
export const PLATFORM_ADMIN_ROLES: readonly Role[] = [Role.ADMIN];

/** May this user see Temporal's own view of the cases (workflow histories, decrypted payloads)? */
export function isPlatformAdmin(user: Pick<AuthUser, 'role'> | null | undefined): boolean {
  return !!user && PLATFORM_ADMIN_ROLES.includes(user.role);
}
