import { OOV_STEP_LABELS, OVERDRACHT_STEP_LABELS, ZORGPLICHT_STEP_LABELS, ZORGROUTE_STEP_LABELS } from '@zorgroute/workflows';
import { OPP_STEPS } from '@zorgroute/processes';
import { TLV_STEPS } from '@zorgroute/processes';
import type { TlvStatus } from '@zorgroute/workflows';
import { hasStepLabel, statusLabel, stepLabel } from './labels';

describe('stepLabel', () => {
  it('names the P1 session log, which the case shows as its open step while no other step waits', () => {
    expect(stepLabel('LOG_SESSION')).toBe('Sessie vastleggen');
    expect(stepLabel('RECORD_MID_EVALUATION')).toBe('Tussenevaluatie');
    expect(stepLabel(null)).toBeNull();
  });

  it('has a Dutch label for every step of P2, P4, P5 and P6 and every date a case shows', () => {
    const steps = [ZORGROUTE_STEP_LABELS, ZORGPLICHT_STEP_LABELS, OOV_STEP_LABELS, OVERDRACHT_STEP_LABELS].flatMap((labels) => Object.keys(labels));
    // The dates the workflows write with upsertDueDate besides their steps (P1 END_DATE, P3 CAP*, P4 clock, P2 and P5
    // dates, P6 calendar and feedback moments).
    const dates = ['END_DATE', 'CAP', 'CAP_WARNING', 'FIRST_TERM', 'TEN_WEEK_MARK', 'RECHECK', 'IZO_INFO', 'EVALUATION_DATE', 'ZAT_AGENDA', 'ZAT_EVALUATION_DATE', 'OOV_END_DATE', 'OOV_RETURN', 'SCHOOLADVIES', 'AANMELDWEEK', 'OSO_DEADLINE', 'START_SCHOOLJAAR', 'FEEDBACK_NA_EERSTE_RAPPORT', 'FEEDBACK_EINDE_LEERJAAR_1', 'DOCUMENT_ZORGPLICHT_INFO_OUDERS'];
    expect([...steps, ...dates].filter((key) => !hasStepLabel(key))).toEqual([]);
  });

  it('has a Dutch label for every P7 OPP step, its consent steps, its evaluation date and its statuses', () => {
    const steps = [...Object.keys(OPP_STEPS), 'CONSENT_OPP_HANDELINGSDEEL', 'DECIDE_CONSENT_OPP_HANDELINGSDEEL', 'OPP_NEXT_EVALUATION'];
    expect(steps.filter((key) => !hasStepLabel(key))).toEqual([]);
    const statuses = ['OPSTELLEN', 'LEERLING_HOREN', 'INSTEMMING', 'GEWEIGERD', 'UITVOERING', 'EVALUATIE', 'BEEINDIGD', 'INSTEMMING_GEWEIGERD', 'GESTOPT'];
    expect(statuses.filter((s) => statusLabel(s) === s)).toEqual([]);
  });

  it('has a Dutch label for every P8 TLV step (from the catalogue), its consent, its decision term and its statuses', () => {
    const steps = [...Object.keys(TLV_STEPS), 'CONSENT_TLV_AANVRAAG', 'DECIDE_CONSENT_TLV_AANVRAAG', 'TLV_DECISION_TERM'];
    expect(steps.filter((key) => !hasStepLabel(key))).toEqual([]);
    expect(stepLabel('TLV_CHECK_DOSSIER')).toBe(TLV_STEPS.TLV_CHECK_DOSSIER.label);
    const statuses: TlvStatus[] = ['DOSSIER', 'INGEDIEND', 'ADVIES', 'BESLUIT', 'VERLENGD', 'AFGEGEVEN', 'AFGEWEZEN', 'AFLOPEND', 'VERLOPEN', 'AFGESLOTEN', 'INGETROKKEN', 'GEEN_TOESTEMMING'];
    expect(statuses.filter((s) => statusLabel(s) === s)).toEqual([]);
  });

  it('shows a name without a label as words, never as code', () => {
    expect(stepLabel('SOME_NEW_STEP')).toBe('Some new step');
    expect(stepLabel('Al een label')).toBe('Al een label');
  });
});
