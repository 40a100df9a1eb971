import { ADMIN_ACTIONS, validateAdminAction } from '../stuck-cases/admin-action-dialog';
import { initialValues, START_OPP, validateStep, visibleFields } from './step-forms';

describe('step forms', () => {
  it('requires a reason for every admin action, and its own field', () => {
    const [resend, reassign, extend, close] = ADMIN_ACTIONS;
    expect(validateAdminAction(close, ' ', '', '2026-11-20')).toEqual({ reason: 'Geef een reden (minstens 3 tekens); die komt in het auditlog.' });
    expect(validateAdminAction(close, 'Dubbel aangemaakt', '', '2026-11-20')).toEqual({});
    expect(validateAdminAction(extend, 'Coach ziek', '2026-11-19', '2026-11-20')).toEqual({ extra: 'De nieuwe datum mag niet in het verleden liggen.' });
    expect(validateAdminAction(extend, 'Coach ziek', '2026-11-27', '2026-11-20')).toEqual({});
    expect(validateAdminAction(reassign, 'Coach ziek', '', '2026-11-20').extra).toBe('Kies de nieuwe eigenaar.');
    expect(validateAdminAction(resend, 'Mailbox vol', '', '2026-11-20').extra).toBe('Kies het bericht uit het verzendlog.');
  });

  it('starts an OPP: directly without a source case, else the source case is required', () => {
    const values = { ...initialValues(START_OPP, '2027-03-01'), pupilId: 'p-1', reason: 'Arrangement na het ZAT' };
    expect(visibleFields(START_OPP, values).map((f) => f.name)).not.toContain('sourceCaseId');
    expect(validateStep(START_OPP, values)).toEqual({});
    expect(START_OPP.toInput(values)).toMatchObject({ pupilId: 'p-1', reason: 'Arrangement na het ZAT', source: 'DIRECT', sourceCaseId: null });
    const linked = { ...values, source: 'ZORGROUTE' };
    expect(visibleFields(START_OPP, linked).map((f) => f.name)).toContain('sourceCaseId');
    expect(Object.keys(validateStep(START_OPP, linked))).toEqual(['sourceCaseId']);
    expect(START_OPP.toInput({ ...linked, sourceCaseId: 'zorgroute-p-1-2027' })).toMatchObject({ source: 'ZORGROUTE', sourceCaseId: 'zorgroute-p-1-2027' });
  });
});
