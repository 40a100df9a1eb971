import { type Role } from '../gql/graphql';

/** Where each role starts, and which screens it sees in the menu. */
export function homePathOf(role: Role): string {
  switch (role) {
    case 'SWV_MEDEWERKER':
      return '/swv';
    case 'MENTOR':
    case 'COACH':
    case 'JOS_MEDEWERKER':
      return '/mijn-leerlingen';
    case 'PARENT':
    case 'PUPIL':
      return '/mijn';
    case 'PLATFORM_ADMIN':
    case 'SWV_ADMIN':
    case 'SCHOOL_ADMIN':
      return '/organisaties';
    default:
      return '/';
  }
}

/** "Back" on a page reached from a link (a case, a letter): to the role's own start screen, named for it. */
export function backToHomeOf(role: Role | null | undefined): { to: string; label: string } {
  const to = role ? homePathOf(role) : '/';
  const labels: Record<string, string> = {
    '/': 'Terug naar dashboard',
    '/swv': 'Terug naar zorgplicht',
    '/mijn-leerlingen': 'Terug naar mijn leerlingen',
    '/mijn': role === 'PUPIL' ? 'Terug naar mijn begeleiding' : 'Terug naar het overzicht',
    '/organisaties': 'Terug naar organisaties',
  };
  return { to, label: labels[to] ?? 'Terug' };
}

/** Roles that read the letters of a case (mirrors the api's AudiencePolicy: the school's coordination and the parents). */
export function mayReadLetters(role: Role | null | undefined): boolean {
  return role === 'ZORGCOORDINATOR' || role === 'TEAMLEIDER' || role === 'ADMIN' || role === 'PARENT';
}

/**
 * Roles that list a case's documents (mirrors the api's AudiencePolicy): the school's coordination all of them, the
 * parents, the pupil and the SWV those shared with them.
 */
export function mayListDocuments(role: Role | null | undefined): boolean {
  return mayReadLetters(role) || role === 'PUPIL' || role === 'SWV_MEDEWERKER';
}

/** Roles that upload documents to a case: the school's coordination (the api's AudiencePolicy.mayUploadDocument). */
export function mayUploadDocuments(role: Role | null | undefined): boolean {
  return role === 'ZORGCOORDINATOR' || role === 'TEAMLEIDER' || role === 'ADMIN';
}

/** Roles that write the case logboek: the school's staff (the api's AudiencePolicy.mayWriteNote). */
export function mayWriteNotes(role: Role | null | undefined): boolean {
  return role === 'ZORGCOORDINATOR' || role === 'TEAMLEIDER' || role === 'MENTOR' || role === 'COACH' || role === 'JOS_MEDEWERKER' || role === 'ADMIN';
}

/**
 * Roles that look pupils up (the app bar's search, the pupil page): school staff and the admin. Parents and pupils
 * reach their own from their portal; the SWV sees no pupils (the api's AccessPolicy.scopePupils).
 */
export function mayFindPupils(role: Role | null | undefined): boolean {
  return role === 'ZORGCOORDINATOR' || role === 'TEAMLEIDER' || role === 'MENTOR' || role === 'COACH' || role === 'JOS_MEDEWERKER' || role === 'ADMIN';
}

export interface NavItem {
  to: string;
  label: string;
}

export function navItemsOf(role: Role): NavItem[] {
  switch (role) {
    case 'ZORGCOORDINATOR':
      return [
        { to: '/', label: 'Dashboard' },
        { to: '/werklijsten', label: 'Werklijsten' },
        { to: '/overleggen', label: 'Overleggen' },
        { to: '/swv', label: 'Zorgplicht' },
        { to: '/swv/oov', label: 'OOV' },
        { to: '/beheer', label: 'Vastgelopen' },
        { to: '/schoolkalender', label: 'Schoolkalender' },
        { to: '/beleid', label: 'Beleid' },
      ];
    case 'ADMIN':
      return [
        { to: '/', label: 'Dashboard' },
        { to: '/werklijsten', label: 'Werklijsten' },
        { to: '/overleggen', label: 'Overleggen' },
        { to: '/swv', label: 'Zorgplicht' },
        { to: '/swv/oov', label: 'OOV' },
        { to: '/beheer', label: 'Vastgelopen' },
        { to: '/organisaties', label: 'Organisaties' },
        { to: '/schoolkalender', label: 'Schoolkalender' },
        { to: '/beleid', label: 'Beleid' },
      ];
    case 'PLATFORM_ADMIN':
      return [
        { to: '/organisaties', label: 'Organisaties' },
        { to: '/schoolkalender', label: 'Schoolkalender' },
      ];
    case 'SWV_ADMIN':
    case 'SCHOOL_ADMIN':
      return [{ to: '/organisaties', label: 'Organisaties' }];
    case 'TEAMLEIDER':
      return [
        { to: '/', label: 'Dashboard' },
        { to: '/werklijsten', label: 'Werklijsten' },
        { to: '/overleggen', label: 'Overleggen' },
      ];
    case 'SWV_MEDEWERKER':
      return [
        { to: '/swv', label: 'Zorgplicht' },
        { to: '/swv/oov', label: 'OOV' },
      ];
    case 'MENTOR':
    case 'COACH':
    case 'JOS_MEDEWERKER':
      return [
        { to: '/mijn-leerlingen', label: 'Mijn leerlingen' },
        { to: '/casussen', label: 'Alle casussen' },
      ];
    case 'PARENT':
    case 'PUPIL':
      return [{ to: '/mijn', label: role === 'PUPIL' ? 'Mijn begeleiding' : 'Mijn kind' }];
    default:
      return [{ to: '/', label: 'Dashboard' }];
  }
}
