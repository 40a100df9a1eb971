import { type Role, type UserFieldsFragment as User } from '../../gql/graphql';
import { ROLES } from '../../shared/enum-values';

export interface RoleGroup<U extends User = User> {
  role: Role;
  users: U[];
}

/**
 * Demo users grouped by role, in the fixed role order. Within a group the users with something to try first (a demo
 * hint: the demo cases give them a task) come first, then the others; each part sorted by name.
 */
export function groupUsersByRole<U extends User & { demoHint?: string | null }>(users: readonly U[]): RoleGroup<U>[] {
  return ROLES.map((role) => ({
    role,
    users: users.filter((u) => u.role === role).sort((a, b) => Number(!a.demoHint) - Number(!b.demoHint) || a.name.localeCompare(b.name, 'nl')),
  })).filter((group) => group.users.length > 0);
}
