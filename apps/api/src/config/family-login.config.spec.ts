import { familyLoginConfigFromEnv } from './family-login.config';

describe('familyLoginConfigFromEnv', () => {
  it('derives the relying party from APP_URL', () => {
    const c = familyLoginConfigFromEnv({}, 'https://zorgroute.school.example/', true);
    expect(c.rpId).toBe('zorgroute.school.example');
    expect(c.origins).toEqual(['https://zorgroute.school.example']);
    expect(c.invitationTtlDays).toBe(14);
    expect(c.codeTtlMinutes).toBe(10);
  });

  it('accepts a parent domain as RP id and several origins', () => {
    const c = familyLoginConfigFromEnv({ WEBAUTHN_RP_ID: 'school.example', WEBAUTHN_ORIGINS: 'https://zorgroute.school.example, https://ouders.school.example' }, 'https://zorgroute.school.example', true);
    expect(c.rpId).toBe('school.example');
    expect(c.origins).toEqual(['https://zorgroute.school.example', 'https://ouders.school.example']);
  });

  it('refuses an RP id the origins do not belong to, an IP address, http in production and bad lifetimes', () => {
    expect(() => familyLoginConfigFromEnv({ WEBAUTHN_RP_ID: 'other.example' }, 'https://zorgroute.school.example', true)).toThrow(/WEBAUTHN_RP_ID/);
    expect(() => familyLoginConfigFromEnv({ WEBAUTHN_RP_ID: 'evil-school.example' }, 'https://school.example', true)).toThrow(/WEBAUTHN_RP_ID/);
    expect(() => familyLoginConfigFromEnv({ WEBAUTHN_RP_ID: '10.0.0.5' }, 'https://10.0.0.5', true)).toThrow(/domain name/);
    expect(() => familyLoginConfigFromEnv({ WEBAUTHN_ORIGINS: 'http://zorgroute.school.example' }, 'https://zorgroute.school.example', true)).toThrow(/https/);
    expect(() => familyLoginConfigFromEnv({ WEBAUTHN_ORIGINS: 'https://zorgroute.school.example/login' }, 'https://zorgroute.school.example', true)).toThrow(/origin/);
    expect(() => familyLoginConfigFromEnv({ LOGIN_INVITATION_TTL_DAYS: '0' }, 'https://zorgroute.school.example', true)).toThrow(/LOGIN_INVITATION_TTL_DAYS/);
    expect(() => familyLoginConfigFromEnv({ EMAIL_LOGIN_CODE_TTL_MINUTES: '120' }, 'https://zorgroute.school.example', true)).toThrow(/EMAIL_LOGIN_CODE_TTL_MINUTES/);
  });

  it('an app on http or an IP address keeps working (e-mail codes; the browser refuses passkeys there), even in production', () => {
    expect(familyLoginConfigFromEnv({}, 'http://127.0.0.1:4200', true).origins).toEqual(['http://127.0.0.1:4200']);
    expect(familyLoginConfigFromEnv({}, 'https://10.0.0.5', true).rpId).toBe('10.0.0.5');
  });

  it('outside production an http://127.0.0.1 app keeps working (passkeys need localhost there)', () => {
    expect(familyLoginConfigFromEnv({}, 'http://127.0.0.1:4200', false).rpId).toBe('127.0.0.1');
    expect(familyLoginConfigFromEnv({}, 'http://localhost:4200', false).rpId).toBe('localhost');
  });
});
