import { type Role } from '../../gql/graphql';

/**
 * One line per role on the login page of the demo environment: what to try first as that user (issue 17.10). The
 * demo data (apps/api/src/seed) gives each role something to do.
 */
export const ROLE_HINTS: Record<Role, string> = {
  ZORGCOORDINATOR: 'Begin hier: het dashboard met alle casussen van de school, vastgelopen casussen en een traject starten.',
  TEAMLEIDER: 'Bekijk de casussen van de leerlingen in uw team en hun termijnen.',
  MENTOR: 'Zie de stappen die op u wachten bij leerlingen uit uw mentorklas.',
  COACH: 'Leg een begeleidingssessie vast met de thermometerscore van de leerling.',
  JOS_MEDEWERKER: 'Plan een startgesprek en leg contact vast bij een JOS-casus.',
  PARENT: 'Het ouderportaal: brieven lezen en toestemming geven of weigeren.',
  PUPIL: 'Het leerlingportaal: zie je begeleiding en geef zelf toestemming vanaf je 16e.',
  SWV_MEDEWERKER: 'Het zorgplichtbord, het OOV-bord en de TLV-aanvragen van het samenwerkingsverband.',
  ADMIN: 'Beheer: beleid, audittrail en dossiers exporteren met een reden.',
  PLATFORM_ADMIN: 'Organisaties: samenwerkingsverbanden, scholen en accounts aanmaken.',
  SWV_ADMIN: 'Organisaties: de scholen en accounts van uw samenwerkingsverband.',
  SCHOOL_ADMIN: 'Leerlinggegevens importeren en de accounts van uw school beheren.',
};

/** The role a newcomer starts with. */
export const FIRST_ROLE: Role = 'ZORGCOORDINATOR';
