/** Dutch labels of statuses and steps for the user interface. */
const STATUS_LABELS: Record<string, string> = {
  AANGEMELD: 'Aangemeld',
  INTAKE: 'Intake',
  MATCHING: 'Coach kiezen',
  ACTIEF: 'Actief',
  EINDEVALUATIE: 'Eindevaluatie',
  AFGEROND: 'Afgerond',
  VERLENGD: 'Verlengd',
  DOORVERWEZEN: 'Doorverwezen',
  GESTOPT: 'Gestopt',
};

const STEP_LABELS: Record<string, string> = {
  RECORD_INTAKE: 'Intakegesprek en ontwikkeldoel',
  ASSIGN_COACH: 'Coach kiezen',
  RECORD_MID_EVALUATION: 'Tussenevaluatie',
  RECORD_OUTCOME: 'Eindevaluatie en uitkomst',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

export function stepLabel(step: string | null): string | null {
  return step ? (STEP_LABELS[step] ?? step) : null;
}
