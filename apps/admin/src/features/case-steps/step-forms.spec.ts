import { ADMIN_ACTIONS, validateAdminAction } from '../stuck-cases/admin-action-dialog';
import { caseActions, initialValues, stepFormSpec, validateStep, visibleFields } from './step-forms';

const spec = (process: Parameters<typeof stepFormSpec>[0], step: string) => {
  const found = stepFormSpec(process, step);
  if (!found) throw new Error(`no form for ${process}:${step}`);
  return found;
};

describe('step forms', () => {
  it('has a form for every P1 step and the open steps of P2, P3 and P4', () => {
    for (const step of ['RECORD_INTAKE', 'ASSIGN_COACH', 'LOG_SESSION', 'RECORD_MID_EVALUATION', 'RECORD_OUTCOME', 'STOP_TRAJECTORY']) {
      expect(stepFormSpec('ONDERSTEUNINGSTRAJECT', step)).not.toBeNull();
    }
    expect(spec('ZORGROUTE', 'RECORD_EVALUATION').mutation).toBe('recordIzoEvaluation');
    expect(spec('JOS', 'RECORD_EVALUATION').mutation).toBe('recordJosEvaluation');
    expect(spec('ZORGPLICHT', 'EXTEND_TERM').mutation).toBe('extendZorgplichtTerm');
    expect(stepFormSpec('ZORGROUTE', 'CONSENT_IZO_BESPREKING')).toBeNull();
  });

  it('adds logging a session and stopping to an active trajectory, nothing to a closed case', () => {
    expect(caseActions('ONDERSTEUNINGSTRAJECT', 'ACTIEF', ['RECORD_MID_EVALUATION'], false)).toEqual(['RECORD_MID_EVALUATION', 'LOG_SESSION', 'STOP_TRAJECTORY']);
    expect(caseActions('ONDERSTEUNINGSTRAJECT', 'INTAKE', ['RECORD_INTAKE'], false)).toEqual(['RECORD_INTAKE', 'STOP_TRAJECTORY']);
    expect(caseActions('JOS', 'ACTIEF', ['LOG_CONTACT'], true)).toEqual([]);
  });

  it('requires the intake date and goal and fills today in', () => {
    const intake = spec('ONDERSTEUNINGSTRAJECT', 'RECORD_INTAKE');
    const values = initialValues(intake, '2026-11-20');
    expect(values.intakeDate).toBe('2026-11-20');
    expect(validateStep(intake, values)).toEqual({ goal: 'Vul in: ontwikkeldoel van de leerling.' });
    expect(validateStep(intake, { ...values, goal: 'ok' })).toEqual({ goal: 'Gebruik minstens 3 tekens.' });
    const valid = { ...values, goal: 'Rustig blijven bij toetsen', subGoals: 'Ademhaling\n\n Plannen ' };
    expect(validateStep(intake, valid)).toEqual({});
    expect(intake.toInput(valid)).toEqual({ intakeDate: '2026-11-20', goal: 'Rustig blijven bij toetsen', subGoals: ['Ademhaling', 'Plannen'] });
  });

  it('checks the thermometer only when the pupil attended', () => {
    const session = spec('ONDERSTEUNINGSTRAJECT', 'LOG_SESSION');
    const values = initialValues(session, '2026-11-20');
    expect(validateStep(session, { ...values, thermometer: '11' })).toEqual({ thermometer: 'Kies een heel getal van 1 tot en met 10.' });
    expect(validateStep(session, { ...values, thermometer: '7' })).toEqual({});
    expect(session.toInput({ ...values, thermometer: '7' })).toEqual({ date: '2026-11-20', attended: true, thermometer: 7 });
    const absent = { ...values, attended: false, thermometer: '11' };
    expect(visibleFields(session, absent).map((f) => f.name)).toEqual(['date', 'attended']);
    expect(validateStep(session, absent)).toEqual({});
    expect(session.toInput(absent)).toEqual({ date: '2026-11-20', attended: false, thermometer: null });
  });

  it('asks extension weeks for VERLENGD and a reason for stopping or referring', () => {
    const outcome = spec('ONDERSTEUNINGSTRAJECT', 'RECORD_OUTCOME');
    expect(validateStep(outcome, { outcome: '', extensionWeeks: '', reason: '' })).toEqual({ outcome: 'Kies: uitkomst.' });
    expect(validateStep(outcome, { outcome: 'VERLENGD', extensionWeeks: '', reason: '' })).toEqual({ extensionWeeks: 'Vul in: verlengen met (weken).' });
    expect(validateStep(outcome, { outcome: 'GESTOPT', extensionWeeks: '', reason: '' })).toEqual({ reason: 'Geef een reden (minstens 3 tekens).' });
    expect(outcome.toInput({ outcome: 'VERLENGD', extensionWeeks: '3', reason: '' })).toEqual({ outcome: 'VERLENGD', extensionWeeks: 3, reason: null });
  });

  it('asks the decision fields that belong to the zorgplicht outcome', () => {
    const decision = spec('ZORGPLICHT', 'RECORD_DECISION');
    expect(Object.keys(validateStep(decision, { outcome: 'PLEK_ELDERS' })).sort()).toEqual(['admittingSchoolName', 'agreementDate', 'motivation']);
    expect(Object.keys(validateStep(decision, { outcome: 'INGETROKKEN' }))).toEqual(['reason']);
  });

  it('requires a reason for every admin action, and its own field', () => {
    const [resend, reassign, extend, close] = ADMIN_ACTIONS;
    expect(validateAdminAction(close, ' ', '', '2026-11-20')).toEqual({ reason: 'Geef een reden (minstens 3 tekens); die komt in het auditlog.' });
    expect(validateAdminAction(close, 'Dubbel aangemaakt', '', '2026-11-20')).toEqual({});
    expect(validateAdminAction(extend, 'Coach ziek', '2026-11-19', '2026-11-20')).toEqual({ extra: 'De nieuwe datum mag niet in het verleden liggen.' });
    expect(validateAdminAction(extend, 'Coach ziek', '2026-11-27', '2026-11-20')).toEqual({});
    expect(validateAdminAction(reassign, 'Coach ziek', '', '2026-11-20').extra).toBe('Kies de nieuwe eigenaar.');
    expect(validateAdminAction(resend, 'Mailbox vol', '', '2026-11-20').extra).toBe('Kies het bericht uit het verzendlog.');
  });
});
