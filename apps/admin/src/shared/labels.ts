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
  RECORD_SIGNAL: 'Aanmelding vastleggen',
  INFORM_PARENTS: 'Ouders informeren',
  RECORD_CONSENT: 'Toestemming vastleggen',
  SCHEDULE_INTAKE: 'Intake plannen',
  RECORD_INTAKE: 'Intake vastleggen',
  RECORD_GOAL: 'Ontwikkeldoel vastleggen',
  ASSIGN_COACH: 'Coach koppelen',
  CHOOSE_COACH: 'Coach kiezen',
  MATCH_COACH: 'Coach koppelen',
  SWITCH_COACH: 'Andere coach kiezen',
  LOG_SESSION: 'Sessie vastleggen',
  RECORD_SESSION: 'Sessie vastleggen',
  RECORD_MIDTERM_EVALUATION: 'Tussenevaluatie vastleggen',
  RECORD_MID_EVALUATION: 'Tussenevaluatie vastleggen',
  RECORD_FINAL_EVALUATION: 'Eindevaluatie vastleggen',
  RECORD_OUTCOME: 'Uitkomst vastleggen',
  STOP_TRAJECTORY: 'Traject stoppen',
  EXTEND_TRAJECTORY: 'Traject verlengen',
};

export function stepLabel(step: string): string {
  const known = STEP_LABELS[step];
  if (known) return known;
  if (!/^[A-Z0-9_]+$/.test(step)) return step; // already a label
  const words = step.toLowerCase().replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
