import { caseActions, consentTimeoutSpec, F, initialValues, stepFormSpec, validateStep, visibleFields } from './step-forms';

const oov = (step: string) => {
  const found = stepFormSpec('OOV', step);
  if (!found) throw new Error(`no form for OOV:${step}`);
  return found;
};

describe('the field builder', () => {
  it('builds field specs with their kind and extras', () => {
    expect(F.long('summary', 'Verslag', { required: true, minLength: 3 })).toEqual({ name: 'summary', label: 'Verslag', kind: 'multiline', required: true, minLength: 3 });
    expect(F.staff('coachId', 'Coach', 'COACH')).toEqual({ name: 'coachId', label: 'Coach', kind: 'staff', staffRole: 'COACH' });
    expect(F.select('x', 'X', [{ value: 'A', label: 'a' }]).options).toEqual([{ value: 'A', label: 'a' }]);
  });
});

describe('P5 OOV step forms', () => {
  it('has a form for every open OOV step, and stopping', () => {
    for (const step of ['OOV_RECORD_CONSULTATIONS', 'OOV_SUBMIT_REQUEST', 'OOV_SWV_DECISION', 'OOV_INTAKE', 'OOV_MID_EVALUATION', 'OOV_END_EVALUATION', 'OOV_RETURN_PLAN', 'OOV_FOLLOW_UP', 'STOP_OOV']) {
      expect(oov(step).title).toBeTruthy();
    }
    expect(caseActions('OOV', 'BESLUIT_SWV', ['OOV_SWV_DECISION'], false)).toEqual(['OOV_SWV_DECISION', 'STOP_OOV']);
    expect(stepFormSpec('OOV', 'CONSENT_OOV_PLAATSING')).toBeNull();
  });

  it('asks arrangement and location only when the SWV grants the request', () => {
    const decision = oov('OOV_SWV_DECISION');
    const values = initialValues(decision, '2026-11-20');
    expect(validateStep(decision, values)).toEqual({ decision: 'Kies: besluit.', motivation: 'Vul in: motivering.' });
    const granted = { ...values, decision: 'TOEGEKEND', motivation: 'Voldoet aan de criteria' };
    expect(visibleFields(decision, granted).map((f) => f.name)).toEqual(['decision', 'arrangement', 'location', 'motivation']);
    expect(validateStep(decision, granted)).toEqual({ arrangement: 'Kies: arrangement.', location: 'Vul in: locatie van de oov.' });
    const complete = { ...granted, arrangement: 'OBS_BEHANDEL_3M', location: ' OOV Gouda ' };
    expect(decision.toInput(complete)).toEqual({ decision: 'TOEGEKEND', arrangement: 'OBS_BEHANDEL_3M', location: 'OOV Gouda', motivation: 'Voldoet aan de criteria' });
    const rejected = { ...complete, decision: 'AFGEWEZEN' };
    expect(validateStep(decision, rejected)).toEqual({});
    expect(decision.toInput(rejected)).toEqual({ decision: 'AFGEWEZEN', arrangement: null, location: null, motivation: 'Voldoet aan de criteria' });
  });

  it('needs the next step only at the evaluation before the end, with what goes with it', () => {
    const mid = oov('OOV_MID_EVALUATION');
    expect(visibleFields(mid, initialValues(mid, '2026-11-20')).map((f) => f.name)).toEqual(['summary']);
    expect(mid.toInput({ summary: 'Gaat goed' })).toMatchObject({ summary: 'Gaat goed', nextStep: null });
    const end = oov('OOV_END_EVALUATION');
    const values = { ...initialValues(end, '2026-11-20'), summary: 'Nog niet klaar voor terugkeer', nextStep: 'VERLENGD' };
    expect(validateStep(end, values)).toEqual({ extensionArrangement: 'Kies: gevraagd arrangement.', extensionMotivation: 'Vul in: motivering van de verlenging.' });
    expect(end.toInput({ ...values, extensionArrangement: 'OBS_BEHANDEL_6M', extensionMotivation: 'Meer tijd nodig', vsoNote: 'genegeerd' })).toEqual({
      summary: 'Nog niet klaar voor terugkeer',
      nextStep: 'VERLENGD',
      extensionArrangement: 'OBS_BEHANDEL_6M',
      extensionMotivation: 'Meer tijd nodig',
      vsoNote: null,
      tlvRequestedOn: null,
    });
  });

  it('sends one reason as a list and the care partners one per line', () => {
    const request = oov('OOV_SUBMIT_REQUEST');
    const values = { ...initialValues(request, '2026-11-20'), reason: 'SCHOOLANGST', arrangement: 'OBSERVATIE_6W', motivation: 'te kort', goals: 'Weer naar school' };
    expect(validateStep(request, values)).toEqual({ motivation: 'Gebruik minstens 10 tekens.' });
    expect(request.toInput({ ...values, motivation: 'Thuiszitter sinds zes weken' })).toMatchObject({ reasons: ['SCHOOLANGST'], leerlingbegeleiderId: null, preferredLocation: null });
    const intake = oov('OOV_INTAKE');
    expect(intake.toInput({ ...initialValues(intake, '2026-11-20'), startDate: '2026-11-23', carePartners: 'STEK\n\n GGZ ', summary: 'Goed gesprek' })).toMatchObject({
      date: '2026-11-20',
      carePartners: ['STEK', 'GGZ'],
      leerlingbegeleiderPresent: true,
      zorgcoordinatorPresent: true,
    });
  });
});

describe('the decision after a consent request timed out', () => {
  const consents = [
    { id: 'jos-1:consent:JOS_HANDTEKENING:1', kind: 'JOS_HANDTEKENING', label: 'Handtekening ouders', status: 'TIMED_OUT', requestedAt: '2026-10-01T08:00:00Z' },
    { id: 'jos-1:consent:JOS_HANDTEKENING:2', kind: 'JOS_HANDTEKENING', label: 'Handtekening ouders', status: 'TIMED_OUT', requestedAt: '2026-11-01T08:00:00Z' },
    { id: 'jos-1:consent:ANDERS:1', kind: 'ANDERS', label: 'Iets anders', status: 'PENDING', requestedAt: '2026-11-02T08:00:00Z' },
  ];

  it('is offered for DECIDE_CONSENT_<kind> with the latest timed-out request of that kind', () => {
    const spec = consentTimeoutSpec('jos-1', 'DECIDE_CONSENT_JOS_HANDTEKENING', consents);
    expect(spec?.description).toContain('Handtekening ouders');
    expect(spec?.inputOnly).toBe(true);
    const values = initialValues(spec!, '2026-11-20');
    expect(validateStep(spec!, values)).toEqual({ decision: 'Kies: besluit.', reason: 'Vul in: reden.' });
    expect(spec!.toInput({ decision: 'ABANDON', reason: ' Ouders willen geen JOS ' })).toEqual({
      caseId: 'jos-1',
      requestId: 'jos-1:consent:JOS_HANDTEKENING:2',
      decision: 'ABANDON',
      reason: 'Ouders willen geen JOS',
    });
  });

  it('is not offered for other steps or without a timed-out request', () => {
    expect(consentTimeoutSpec('jos-1', 'SET_GOALS', consents)).toBeNull();
    expect(consentTimeoutSpec('jos-1', 'DECIDE_CONSENT_ANDERS', consents)).toBeNull();
    expect(consentTimeoutSpec('jos-1', 'DECIDE_CONSENT_ZAT_AANMELDING', [])).toBeNull();
  });
});
