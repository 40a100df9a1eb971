import { type Role } from '../shared/api-types';

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
    default:
      return '/';
  }
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
        { to: '/swv', label: 'Zorgplicht' },
        { to: '/swv/oov', label: 'OOV' },
        { to: '/beheer', label: 'Vastgelopen' },
      ];
    case 'ADMIN':
      return [
        { to: '/', label: 'Dashboard' },
        { to: '/swv', label: 'Zorgplicht' },
        { to: '/swv/oov', label: 'OOV' },
        { to: '/beheer', label: 'Vastgelopen' },
      ];
    case 'TEAMLEIDER':
      return [{ to: '/', label: 'Dashboard' }];
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
