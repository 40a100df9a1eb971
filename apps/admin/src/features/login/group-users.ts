import { ROLES, type Role, type User } from '../../shared/api-types';

export interface RoleGroup {
  role: Role;
  users: User[];
}

/** Demo users grouped by role, in the fixed role order, each group sorted by name. */
export function groupUsersByRole(users: readonly User[]): RoleGroup[] {
  return ROLES.map((role) => ({
    role,
    users: users.filter((u) => u.role === role).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
  })).filter((group) => group.users.length > 0);
}
