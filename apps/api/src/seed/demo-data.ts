/** Invented demo data: one SWV, two schools, staff in every role, pupils and parents. No real people. */
import { Role } from '@zorgroute/domain';

export const DEMO_SWV = { code: 'VO 99.01', name: 'Samenwerkingsverband VO Voorbeeldregio' };

export const DEMO_SCHOOLS = [
  { key: 'dalton', brin: '99XA00', name: 'Daltoncollege De Linde', region: 'midden' as const, domain: 'daltoncollege.example' },
  { key: 'lyceum', brin: '99XB00', name: 'Stedelijk Lyceum Het Baken', region: 'noord' as const, domain: 'hetbaken.example' },
];

export interface DemoUser {
  school: string | null;
  email: string;
  name: string;
  role: Role;
}

export const DEMO_USERS: DemoUser[] = [
  { school: 'dalton', email: 'zc@daltoncollege.example', name: 'Marieke Verhoef', role: Role.ZORGCOORDINATOR },
  { school: 'dalton', email: 'teamleider@daltoncollege.example', name: 'Ruud Kampstra', role: Role.TEAMLEIDER },
  { school: 'dalton', email: 'mentor@daltoncollege.example', name: 'Sanne de Wit', role: Role.MENTOR },
  { school: 'dalton', email: 'mentor2@daltoncollege.example', name: 'Joost Hamelink', role: Role.MENTOR },
  { school: 'dalton', email: 'coach@daltoncollege.example', name: 'Fatima El Idrissi', role: Role.COACH },
  { school: 'dalton', email: 'coach2@daltoncollege.example', name: 'Bram Oosterhuis', role: Role.COACH },
  { school: 'dalton', email: 'jos@daltoncollege.example', name: 'Lotte Brinkhorst', role: Role.JOS_MEDEWERKER },
  { school: 'lyceum', email: 'zc@hetbaken.example', name: 'Hendrik Zwiers', role: Role.ZORGCOORDINATOR },
  { school: 'lyceum', email: 'mentor@hetbaken.example', name: 'Ilse Rozendaal', role: Role.MENTOR },
  { school: 'lyceum', email: 'coach@hetbaken.example', name: 'Koen Bultsma', role: Role.COACH },
  { school: null, email: 'loket@swv-voorbeeldregio.example', name: 'Anouk Terpstra', role: Role.SWV_MEDEWERKER },
  { school: null, email: 'beheer@zorgroute.example', name: 'Platformbeheer', role: Role.ADMIN },
];

export interface DemoPupil {
  key: string;
  school: string;
  firstName: string;
  lastName: string;
  /**
   * Age in years on the day the demo data is loaded (the birth date is computed from it, so a demo pupil keeps his age:
   * Lina is the one pupil of 16, who decides on her own consent — PROCESSES.md rule 2).
   */
  age: number;
  className: string;
  mentor: string;
  parents: { email: string; name: string }[];
  /** A pupil account (pupils also log in to see their own goal and progress). */
  account?: string;
}

export const DEMO_PUPILS: DemoPupil[] = [
  { key: 'p1', school: 'dalton', firstName: 'Daan', lastName: 'Veldkamp', age: 14, className: '2B', mentor: 'mentor@daltoncollege.example', parents: [{ email: 'ouder.veldkamp@voorbeeldmail.example', name: 'Petra Veldkamp' }], account: 'daan@leerling.daltoncollege.example' },
  { key: 'p2', school: 'dalton', firstName: 'Noor', lastName: 'Aksoy', age: 15, className: '3A', mentor: 'mentor@daltoncollege.example', parents: [{ email: 'ouder.aksoy@voorbeeldmail.example', name: 'Emre Aksoy' }, { email: 'ouder2.aksoy@voorbeeldmail.example', name: 'Selin Aksoy' }] },
  { key: 'p3', school: 'dalton', firstName: 'Sem', lastName: 'de Groot', age: 14, className: '2B', mentor: 'mentor2@daltoncollege.example', parents: [{ email: 'ouder.degroot@voorbeeldmail.example', name: 'Wendy de Groot' }] },
  { key: 'p4', school: 'dalton', firstName: 'Lina', lastName: 'Bakker', age: 16, className: '4H', mentor: 'mentor2@daltoncollege.example', parents: [{ email: 'ouder.bakker@voorbeeldmail.example', name: 'Mark Bakker' }] },
  { key: 'p5', school: 'dalton', firstName: 'Milan', lastName: 'Jansen', age: 13, className: '1C', mentor: 'mentor@daltoncollege.example', parents: [{ email: 'ouder.jansen@voorbeeldmail.example', name: 'Iris Jansen' }] },
  { key: 'p6', school: 'lyceum', firstName: 'Zoë', lastName: 'Hoekstra', age: 14, className: '2V', mentor: 'mentor@hetbaken.example', parents: [{ email: 'ouder.hoekstra@voorbeeldmail.example', name: 'Gerrit Hoekstra' }] },
  { key: 'p7', school: 'lyceum', firstName: 'Ayoub', lastName: 'Benali', age: 15, className: '3H', mentor: 'mentor@hetbaken.example', parents: [{ email: 'ouder.benali@voorbeeldmail.example', name: 'Samira Benali' }] },
];
