import type { Role } from '@zorgroute/domain';

/** The person behind a request, as the access rules need it. */
export interface AuthUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  schoolId: string | null;
  swvId: string | null;
  pupilId: string | null;
  /** The login session the request's token belongs to (set by AuthGuard; used by logout). */
  sessionId?: string;
}
