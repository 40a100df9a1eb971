import { mayTake, type StartDefinition } from '@zorgroute/processes';
import { type Role } from '../../gql/graphql';

/**
 * Whether a user with this role may start a case with this definition at his own school: the definition's `who` (the
 * api applies the same rules, with the school of the pupil).
 */
export function mayStart(definition: StartDefinition, role: Role | null | undefined): boolean {
  if (!role) return false;
  return mayTake(definition.who, { role, userId: '', atSchoolOfCase: true, participant: false, swvOfCase: false, guardian: false, caseData: {} }, definition);
}
