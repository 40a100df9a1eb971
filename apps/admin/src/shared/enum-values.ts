import type { ProcessType, Role } from '../gql/graphql';

/**
 * Every member of a generated enum (a string union of `gql/graphql`), once, in the order the admin shows them: the
 * compiler refuses the list when the schema's enum gains or loses a value.
 */
export const everyMember =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : 'a value of the enum is missing')): L =>
    list;

/** The schema's ProcessType values in the order the admin shows them. */
export const PROCESS_TYPES = everyMember<ProcessType>()(['ONDERSTEUNINGSTRAJECT', 'ZORGROUTE', 'JOS', 'ZORGPLICHT', 'OOV', 'OVERDRACHT', 'OPP', 'TLV']);

/** The schema's Role values in the order the admin shows them. */
export const ROLES = everyMember<Role>()([
  'ZORGCOORDINATOR',
  'TEAMLEIDER',
  'MENTOR',
  'COACH',
  'JOS_MEDEWERKER',
  'PARENT',
  'PUPIL',
  'SWV_MEDEWERKER',
  'ADMIN',
  'PLATFORM_ADMIN',
  'SWV_ADMIN',
  'SCHOOL_ADMIN',
]);
