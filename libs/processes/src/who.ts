/**
 * Who may take a step, decided from facts about the caller and the case (the api gathers them; the admin receives the
 * answer with each open step). Pure: one rule, unit-tested against the catalogue.
 */
import type { StaffRole, StepDefinition, Who } from './step-definition';

export interface ActorFacts {
  /** The caller's role (the api's Role). */
  role: string;
  userId: string;
  /** The caller works at the case's school. */
  atSchoolOfCase: boolean;
  /** The caller takes part in the case (its participants). */
  participant: boolean;
  /** The caller works for the samenwerkingsverband of the case's school. */
  swvOfCase: boolean;
  /** The caller is a parent or guardian of the case's pupil. */
  guardian: boolean;
  /** The case's process data (for `caseUser` rules). */
  caseData: Record<string, unknown>;
}

const isStaffRole = (role: string, roles: readonly StaffRole[]) => (roles as readonly string[]).includes(role);

/** Whether one rule lets this caller take the step. */
export function allows(who: Who, f: ActorFacts): boolean {
  if (who === 'ZORGCOORDINATOR') return f.role === 'ZORGCOORDINATOR' && f.atSchoolOfCase;
  if (who === 'SWV') return f.role === 'SWV_MEDEWERKER' && f.swvOfCase;
  if (who === 'PARENT') return f.role === 'PARENT' && f.guardian;
  if ('schoolStaff' in who) return f.atSchoolOfCase && isStaffRole(f.role, who.schoolStaff);
  if ('participant' in who) return f.participant && isStaffRole(f.role, who.participant);
  const id = f.caseData[who.caseUser];
  return typeof id === 'string' && id === f.userId;
}

/**
 * Whether the caller may take a step with these rules: an admin always (unless the step is `personal`: a statement only
 * the named people make), anyone else when one rule allows it. Pass the step definition as `step`.
 */
export function mayTake(rules: readonly Who[], f: ActorFacts, step: Partial<Pick<StepDefinition, 'who' | 'personal'>> = {}): boolean {
  return (f.role === 'ADMIN' && !step.personal) || rules.some((w) => allows(w, f));
}

/** Dutch description of the rules, for the case page and docs ("zorgcoördinator of coach van de casus"). */
export function describeWho(rules: readonly Who[]): string {
  const role: Record<StaffRole, string> = { ZORGCOORDINATOR: 'zorgcoördinator', TEAMLEIDER: 'teamleider', MENTOR: 'mentor', COACH: 'coach', JOS_MEDEWERKER: 'JOS-medewerker' };
  const parts = rules.map((w) => {
    if (w === 'ZORGCOORDINATOR') return 'de zorgcoördinator';
    if (w === 'SWV') return 'het samenwerkingsverband';
    if (w === 'PARENT') return 'een ouder of verzorger';
    if ('schoolStaff' in w) return w.schoolStaff.map((r) => role[r]).join(', ') + ' van de school';
    if ('participant' in w) return w.participant.map((r) => role[r]).join(', ') + ' van de casus';
    return 'de aangewezen persoon';
  });
  return parts.join(' of ');
}
