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
};

export function stepLabel(step: string): string {
  const known = STEP_LABELS[step];
  if (known) return known;
  if (!/^[A-Z0-9_]+$/.test(step)) return step; // already a label
  const words = step.toLowerCase().replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
