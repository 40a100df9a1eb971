import { Role } from '../entities/roles';

/**
 * Who may see a piece of case information (docs/security.md, "Audiences"). Every timeline entry, case data field,
 * document, delivery and consent record is shown to a caller only when his audience is among the piece's audiences.
 *
 * - `SCHOOL`: the school's staff (zorgcoördinator, teamleider, mentor, coach, JOS worker) and the platform admin. Which
 *   cases a staff member sees at all is the row-level rule of his role (AccessPolicy); within a case he sees all of it.
 * - `PARENTS`: the pupil's parents/guardians.
 * - `PUPIL`: the pupil himself.
 * - `SWV`: the samenwerkingsverband (only for what a school submits to it: zorgplicht, OOV, overdracht, TLV).
 *
 * The pupil is an audience of his own, not only "family": the safety exception of PROCESSES.md rule 3 keeps a case
 * from the *parents* (informing them would endanger the pupil), while the pupil himself is spoken to (the voorgesprek
 * takes place with the pupil); and letters are addressed to the parents. Almost everything the family may see goes to
 * both (`FAMILY`).
 */
export const Audience = {
  SCHOOL: 'SCHOOL',
  PARENTS: 'PARENTS',
  PUPIL: 'PUPIL',
  SWV: 'SWV',
} as const;
export type Audience = (typeof Audience)[keyof typeof Audience];

export const ALL_AUDIENCES: readonly Audience[] = [Audience.SCHOOL, Audience.PARENTS, Audience.PUPIL, Audience.SWV];
/** Parents and pupil. */
export const FAMILY: readonly Audience[] = [Audience.PARENTS, Audience.PUPIL];

/** The audience a role belongs to. Unknown roles get none (fail closed). */
export function audienceOfRole(role: string): Audience | null {
  switch (role) {
    case Role.ADMIN:
    case Role.ZORGCOORDINATOR:
    case Role.TEAMLEIDER:
    case Role.MENTOR:
    case Role.COACH:
    case Role.JOS_MEDEWERKER:
      return Audience.SCHOOL;
    case Role.PARENT:
      return Audience.PARENTS;
    case Role.PUPIL:
      return Audience.PUPIL;
    case Role.SWV_MEDEWERKER:
      return Audience.SWV;
    default:
      return null;
  }
}

/** Whether an audience belongs to the family (parents or pupil). */
export function isFamily(audience: Audience | null): boolean {
  return audience === Audience.PARENTS || audience === Audience.PUPIL;
}

/**
 * The case-level rule on top of every piece's own audiences: a case under the approved "parents are not informed"
 * safety exception (P2, `case_summary.hidden_from_parents`) is invisible to the parents — everywhere, as if it did not
 * exist — until the zorgcoördinator lifts the exception. The pupil still sees it (see `Audience`).
 */
export function caseVisibleTo(audience: Audience | null, c: { hiddenFromParents?: boolean | null }): boolean {
  if (audience === null) return false;
  return !(audience === Audience.PARENTS && c.hiddenFromParents === true);
}
