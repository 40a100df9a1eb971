import { caseActions, initialValues, mayTakeStep, stepFormSpec, validateStep, visibleFields } from './step-forms';

const spec = (process: Parameters<typeof stepFormSpec>[0], step: string) => {
  const found = stepFormSpec(process, step);
  if (!found) throw new Error(`no form for ${process}:${step}`);
  return found;
};

describe('planning forms: the JOS startgesprek and the ZAT meeting', () => {
  it('plans the JOS startgesprek with date, time, mode and place', () => {
    const plan = spec('JOS', 'PLAN_STARTGESPREK');
    expect(plan.mutation).toBe('planJosStartgesprek');
    const values = initialValues(plan, '2026-11-20');
    expect(values.mode).toBe('OP_SCHOOL');
    expect(validateStep(plan, values)).toEqual({ date: 'Vul in: datum startgesprek.' });
    expect(validateStep(plan, { ...values, date: '2026-11-24', time: '9.30' })).toEqual({ time: 'Tijd moet de vorm UU:MM hebben, bijvoorbeeld 14:30.' });
    expect(plan.toInput({ ...values, date: '2026-11-24', time: '14:30', location: ' kamer JOS ' })).toEqual({ date: '2026-11-24', time: '14:30', mode: 'OP_SCHOOL', location: 'kamer JOS' });
    // By telephone there is no place.
    const phone = { ...values, date: '2026-11-24', mode: 'TELEFONISCH', location: 'kamer JOS' };
    expect(visibleFields(plan, phone).map((f) => f.name)).not.toContain('location');
    expect(plan.toInput(phone)).toEqual({ date: '2026-11-24', time: null, mode: 'TELEFONISCH', location: null });
  });

  it('offers planning next to recording while the startgesprek is open', () => {
    expect(caseActions('JOS', 'STARTGESPREK', ['RECORD_STARTGESPREK'], false)).toEqual(['PLAN_STARTGESPREK', 'RECORD_STARTGESPREK', 'STOP_JOS']);
    expect(caseActions('JOS', 'DOELEN', ['SET_GOALS', 'RECORD_OUTCOME'], false)).toEqual(['SET_GOALS', 'RECORD_OUTCOME', 'STOP_JOS']);
  });

  it('plans the ZAT meeting with an optional time and place', () => {
    const plan = spec('ZORGROUTE', 'PLAN_ZAT');
    const values = { ...initialValues(plan, '2026-11-20'), meetingDate: '2026-12-01' };
    expect(validateStep(plan, values)).toEqual({});
    expect(validateStep(plan, { ...values, meetingTime: '25:00' })).toEqual({ meetingTime: 'Tijd moet de vorm UU:MM hebben, bijvoorbeeld 14:30.' });
    expect(validateStep(plan, { ...values, location: 'x'.repeat(121) })).toEqual({ location: 'De plaats mag hoogstens 120 tekens lang zijn.' });
    expect(plan.toInput(values)).toEqual({ meetingDate: '2026-12-01', mode: 'OP_SCHOOL', meetingTime: null, location: null });
    expect(plan.toInput({ ...values, meetingTime: '15:00', location: 'Lokaal 1.12' })).toEqual({ meetingDate: '2026-12-01', mode: 'OP_SCHOOL', meetingTime: '15:00', location: 'Lokaal 1.12' });
  });
});

describe('mayTakeStep: the API’s rules for who takes a step', () => {
  it('gives the SWV employee only the SWV decision of an OOV case', () => {
    expect(mayTakeStep('OOV', 'OOV_SWV_DECISION', 'SWV_MEDEWERKER')).toBe(true);
    for (const step of ['STOP_OOV', 'OOV_SUBMIT_REQUEST', 'OOV_INTAKE', 'OOV_RETURN_PLAN']) expect(mayTakeStep('OOV', step, 'SWV_MEDEWERKER')).toBe(false);
    expect(mayTakeStep('ZORGPLICHT', 'RECORD_DECISION', 'SWV_MEDEWERKER')).toBe(false);
    // The school does not take the SWV's decision; the admin may take every step.
    expect(mayTakeStep('OOV', 'OOV_SWV_DECISION', 'ZORGCOORDINATOR')).toBe(false);
    expect(mayTakeStep('OOV', 'OOV_SWV_DECISION', 'ADMIN')).toBe(true);
    expect(mayTakeStep('OOV', 'STOP_OOV', 'ADMIN')).toBe(true);
  });

  it('gives a parent and a pupil no step buttons', () => {
    for (const role of ['PARENT', 'PUPIL'] as const) {
      expect(mayTakeStep('ONDERSTEUNINGSTRAJECT', 'STOP_TRAJECTORY', role)).toBe(false);
      expect(mayTakeStep('ONDERSTEUNINGSTRAJECT', 'LOG_SESSION', role)).toBe(false);
      expect(mayTakeStep('JOS', 'SUBMIT_FORM', role)).toBe(false);
      expect(mayTakeStep('ZORGROUTE', 'RECORD_VOORGESPREK', role)).toBe(false);
    }
    expect(mayTakeStep('JOS', 'SUBMIT_FORM', null)).toBe(false);
  });

  it('follows the process: coordination steps, participants, the mentor’s form and the JOS worker’s steps', () => {
    expect(mayTakeStep('ONDERSTEUNINGSTRAJECT', 'RECORD_INTAKE', 'COACH')).toBe(false);
    expect(mayTakeStep('ONDERSTEUNINGSTRAJECT', 'LOG_SESSION', 'COACH')).toBe(true);
    expect(mayTakeStep('JOS', 'SUBMIT_FORM', 'MENTOR')).toBe(true);
    expect(mayTakeStep('JOS', 'SUBMIT_FORM', 'JOS_MEDEWERKER')).toBe(false);
    expect(mayTakeStep('JOS', 'PLAN_STARTGESPREK', 'JOS_MEDEWERKER')).toBe(true);
    expect(mayTakeStep('JOS', 'STOP', 'JOS_MEDEWERKER')).toBe(false);
    expect(mayTakeStep('ZORGROUTE', 'TRIAGE', 'MENTOR')).toBe(false);
    expect(mayTakeStep('ZORGROUTE', 'SUBMIT_REFERRAL', 'TEAMLEIDER')).toBe(true);
    expect(mayTakeStep('ZORGROUTE', 'RECORD_ZAT_FEEDBACK', 'JOS_MEDEWERKER')).toBe(true);
    expect(mayTakeStep('OOV', 'OOV_FOLLOW_UP', 'COACH')).toBe(true);
    expect(mayTakeStep('ZORGPLICHT', 'RECORD_DECISION', 'ZORGCOORDINATOR')).toBe(true);
    expect(mayTakeStep('JOS', 'DECIDE_CONSENT_JOS_HANDTEKENING', 'JOS_MEDEWERKER')).toBe(false);
  });
});
