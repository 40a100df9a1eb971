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
  /** Null for a pupil who applied but has no class yet (a P4 application, a P6 handover from primary school). */
  className: string | null;
  mentor: string | null;
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
  // The pupils of the demo cases of P1–P8 (demo-cases.ts): each process on its own pupils, so the tests that start
  // their own cases for the pupils above (one open case of a kind per pupil) are not in their way.
  { key: 'p8', school: 'dalton', firstName: 'Fenna', lastName: 'Wolters', age: 13, className: '1A', mentor: 'mentor@daltoncollege.example', parents: [{ email: 'ouder.wolters@voorbeeldmail.example', name: 'Hanna Wolters' }] },
  { key: 'p9', school: 'dalton', firstName: 'Thijs', lastName: 'van Dijk', age: 14, className: '2B', mentor: 'mentor@daltoncollege.example', parents: [{ email: 'ouder.vandijk@voorbeeldmail.example', name: 'Karin van Dijk' }] },
  { key: 'p10', school: 'dalton', firstName: 'Yara', lastName: 'Mahabier', age: 15, className: '3A', mentor: 'mentor@daltoncollege.example', parents: [{ email: 'ouder.mahabier@voorbeeldmail.example', name: 'Rajesh Mahabier' }] },
  { key: 'p11', school: 'dalton', firstName: 'Mila', lastName: 'Schouten', age: 13, className: '1C', mentor: 'mentor2@daltoncollege.example', parents: [{ email: 'ouder.schouten@voorbeeldmail.example', name: 'Dennis Schouten' }] },
  { key: 'p12', school: 'dalton', firstName: 'Bas', lastName: 'Hendriks', age: 14, className: '2C', mentor: 'mentor2@daltoncollege.example', parents: [{ email: 'ouder.hendriks@voorbeeldmail.example', name: 'Marloes Hendriks' }] },
  { key: 'p13', school: 'dalton', firstName: 'Senna', lastName: 'Kramer', age: 15, className: '3B', mentor: 'mentor@daltoncollege.example', parents: [{ email: 'ouder.kramer@voorbeeldmail.example', name: 'Joyce Kramer' }] },
  { key: 'p14', school: 'dalton', firstName: 'Luuk', lastName: 'Timmermans', age: 12, className: null, mentor: null, parents: [{ email: 'ouder.timmermans@voorbeeldmail.example', name: 'Paul Timmermans' }] },
  { key: 'p15', school: 'dalton', firstName: 'Evi', lastName: 'Smeets', age: 14, className: '2A', mentor: 'mentor2@daltoncollege.example', parents: [{ email: 'ouder.smeets@voorbeeldmail.example', name: 'Anja Smeets' }] },
  { key: 'p16', school: 'lyceum', firstName: 'Rayan', lastName: 'Ouali', age: 14, className: '2H', mentor: 'mentor@hetbaken.example', parents: [{ email: 'ouder.ouali@voorbeeldmail.example', name: 'Nadia Ouali' }] },
  { key: 'p17', school: 'lyceum', firstName: 'Jens', lastName: 'Koster', age: 12, className: null, mentor: null, parents: [{ email: 'ouder.koster@voorbeeldmail.example', name: 'Femke Koster' }] },
  { key: 'p18', school: 'dalton', firstName: 'Sara', lastName: 'Lambrecht', age: 12, className: null, mentor: null, parents: [{ email: 'ouder.lambrecht@voorbeeldmail.example', name: 'Tom Lambrecht' }] },
  { key: 'p19', school: 'dalton', firstName: 'Olivier', lastName: 'Prins', age: 12, className: null, mentor: null, parents: [{ email: 'ouder.prins@voorbeeldmail.example', name: 'Esther Prins' }] },
  { key: 'p20', school: 'lyceum', firstName: 'Nina', lastName: 'Vos', age: 12, className: null, mentor: null, parents: [{ email: 'ouder.vos@voorbeeldmail.example', name: 'Jeroen Vos' }] },
];

/**
 * What to try first as a demo user, shown under the name on the login page of the demo environment (`demoUsers`,
 * issue 17.10): the demo cases (demo-cases.ts) give these users something to do. Other users get their role's line.
 */
export const DEMO_USER_HINTS: Readonly<Record<string, string>> = {
  'zc@daltoncollege.example': 'Beoordeel de IZO-aanmelding van Thijs van Dijk (triage) en kijk welke zorgplichttermijnen lopen.',
  'zc@hetbaken.example': 'Neem een besluit over de aanmelding van Jens Koster: de termijn loopt over een week af.',
  'mentor@daltoncollege.example': 'Volg de IZO-bespreking van Yara Mahabier en de trajecten van uw mentorklas.',
  'mentor2@daltoncollege.example': 'Bekijk het OPP van Evi Smeets dat u opstelde: het wacht op de instemming van de ouders.',
  'coach@daltoncollege.example': 'Het traject van Fenna Wolters start de volgende schooldag: leg dan een sessie vast met haar thermometerscore.',
  'jos@daltoncollege.example': 'De JOS-casus van Mila Schouten: haar doel, het eerste contact en de thermometer.',
  'loket@swv-voorbeeldregio.example': 'Het zorgplichtbord (laatste week, verlengd, te laat), de OOV-aanvraag van Bas Hendriks en de TLV-aanvraag van Rayan Ouali.',
  'beheer@zorgroute.example': 'Vastgelopen: de aanmelding van Nina Vos staat ver over de termijn.',
  'ouder.smeets@voorbeeldmail.example': 'Stem in met het OPP van Evi (of weiger) in het ouderportaal.',
  'ouder.wolters@voorbeeldmail.example': 'Zie het doel van Fenna en, na haar eerste sessie, haar thermometer in het ouderportaal.',
  'daan@leerling.daltoncollege.example': 'Zie je eigen doel en hoe je begeleiding loopt.',
};
