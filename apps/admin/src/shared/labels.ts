import { type ProcessType, type Role } from './api-types';

export const PROCESS_LABELS: Record<ProcessType, string> = {
  ONDERSTEUNINGSTRAJECT: 'Ondersteuningstraject',
  ZORGROUTE: 'Zorgroute IZO/ZAT',
  JOS: 'JOS',
  ZORGPLICHT: 'Zorgplicht',
  OOV: 'OOV',
  OVERDRACHT: 'Overdracht PO→VO',
};

export const ROLE_LABELS: Record<Role, string> = {
  ZORGCOORDINATOR: 'Zorgcoördinator',
  TEAMLEIDER: 'Teamleider',
  MENTOR: 'Mentor',
  COACH: 'Coach',
  JOS_MEDEWERKER: 'JOS-medewerker',
  PARENT: 'Ouder',
  PUPIL: 'Leerling',
  SWV_MEDEWERKER: 'SWV-medewerker',
  ADMIN: 'Beheerder',
};

export function processLabel(process: string): string {
  return (PROCESS_LABELS as Record<string, string>)[process] ?? process;
}

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

/**
 * Dutch labels for the machine names in `CaseDetail.openSteps`. Unknown names fall back to a
 * readable form of the machine name, so a new step never shows up blank.
 */
const STEP_LABELS: Record<string, string> = {
  // P1 Ondersteuningstraject (libs/workflows ondersteuningstraject.workflow.ts)
  RECORD_INTAKE: 'Intakegesprek en ontwikkeldoel vastleggen',
  ASSIGN_COACH: 'Coach kiezen',
  RECORD_MID_EVALUATION: 'Tussenevaluatie vastleggen',
  RECORD_OUTCOME: 'Eindevaluatie en uitkomst vastleggen',
  LOG_SESSION: 'Sessie vastleggen',
  STOP_TRAJECTORY: 'Traject stoppen',
  // P3 JOS
  SUBMIT_FORM: 'JOS-aanmeldformulier invullen',
  RECORD_STARTGESPREK: 'Startgesprek met ouders, mentor en leerling',
  CONSENT_JOS_BEGELEIDING: 'Handtekening ouders voor JOS',
  DECIDE_CONSENT_JOS_BEGELEIDING: 'Geen handtekening: opnieuw vragen of afsluiten',
  SET_GOALS: 'Doelen opstellen',
  LOG_CONTACT: 'Wekelijks contact vastleggen',
  RECORD_EVALUATION: 'Evaluatie',
  CAP_WARNING: 'Waarschuwing einddatum',
  CAP: 'Einddatum',
  // P2 Zorgroute
  SUBMIT_REFERRAL: 'IZO-aanmeldformulier invullen en indienen',
  TRIAGE: 'Aanmelding beoordelen (triage)',
  RECORD_BILATERAL: 'Bilateraal overleg vastleggen',
  RECORD_VOORGESPREK: 'Voorgesprek met ouders en leerling',
  CONSENT_IZO_BESPREKING: 'Toestemming ouders voor bespreking in het IZO',
  DECIDE_CONSENT_IZO_BESPREKING: 'Geen toestemming IZO: opnieuw vragen of stoppen',
  RECORD_IZO: 'Bespreking in het IZO vastleggen',
  DISTRIBUTE_IZO_MINUTES: 'IZO-verslag versturen',
  RECORD_NAGESPREK: 'Nagesprek met ouders en leerling',
  CONSENT_ZAT_AANMELDING: 'Toestemming ouders voor het ZAT',
  DECIDE_CONSENT_ZAT_AANMELDING: 'Geen toestemming ZAT: opnieuw vragen of terug naar het IZO',
  SUBMIT_ZAT_REFERRAL: 'ZAT-aanmelding aanvullen',
  PLAN_ZAT: 'ZAT-bespreking plannen',
  SEND_ZAT_AGENDA: 'ZAT-agenda versturen',
  RECORD_ZAT: 'Bespreking in het ZAT vastleggen',
  RECORD_ZAT_FEEDBACK: 'Terugkoppeling ZAT aan ouders en leerling',
  RECORD_ZAT_EVALUATION: 'Evaluatie plan van aanpak (ZAT)',
  // P4 Zorgplicht
  RECORD_INVESTIGATION: 'Onderzoek vastleggen',
  EXTEND_TERM: 'Beslistermijn verlengen',
  RECORD_DECISION: 'Besluit over de aanmelding',
};

export function stepLabel(step: string): string {
  const known = STEP_LABELS[step];
  if (known) return known;
  if (!/^[A-Z0-9_]+$/.test(step)) return step; // already a label
  const words = step.toLowerCase().replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
