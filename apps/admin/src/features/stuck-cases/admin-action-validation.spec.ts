import { ADMIN_ACTIONS, validateAdminAction } from './admin-action-dialog';

describe('admin action form', () => {
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
