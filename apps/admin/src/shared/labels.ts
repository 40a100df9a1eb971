import { type ProcessType, type Role } from '../gql/graphql';

export const PROCESS_LABELS: Record<ProcessType, string> = {
  ONDERSTEUNINGSTRAJECT: 'Ondersteuningstraject',
  ZORGROUTE: 'Zorgroute IZO/ZAT',
  JOS: 'JOS',
  ZORGPLICHT: 'Zorgplicht',
  OOV: 'OOV',
  OVERDRACHT: 'Overdracht PO→VO',
  OPP: 'OPP',
  TLV: 'TLV-aanvraag',
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
  PLATFORM_ADMIN: 'Platformbeheerder',
  SWV_ADMIN: 'Beheerder samenwerkingsverband',
  SCHOOL_ADMIN: 'Applicatiebeheerder school',
};

export function processLabel(process: string): string {
  return (PROCESS_LABELS as Record<string, string>)[process] ?? process;
}

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

/**
 * A step or date name as words, for the rare step the API has not named (`CaseDetail.openStepLabels` and
 * `DueDateExplanation.label` carry the Dutch names; the API keeps them in one place, apps/api/src/cases/labels.ts).
 */
export function stepLabel(step: string): string {
  if (!/^[A-Z0-9_]+$/.test(step)) return step; // already a label
  const words = step.toLowerCase().replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
