import { TemplateRenderer } from './template.renderer';
import { InvalidMessageDataError } from './template.errors';

const renderer = new TemplateRenderer();
const base = { recipientName: 'Ans Voorbeeld', schoolName: 'Het Voorbeeldcollege', dueDate: '2026-12-21' };
const INVITE = 'https://zorgroute.test/uitnodiging#token=abc';

describe('login messages', () => {
  it('LOGIN_CODE shows the code grouped in the body, never in the (stored) subject', () => {
    const m = renderer.render('LOGIN_CODE', { ...base, stepLabel: 'Inloggen bij Zorgroute', caseUrl: 'https://zorgroute.test/login', code: '04817263', validMinutes: 10 });
    expect(m.subject).toBe('Uw inlogcode voor Zorgroute');
    expect(m.text).toContain('0481 7263');
    expect(m.html).toContain('0481 7263');
    expect(m.text).toContain('10 minuten geldig');
  });

  it('LOGIN_CODE refuses anything but eight digits', () => {
    for (const code of ['1234567', '123456789', '1234abcd', 1234567]) {
      expect(() => renderer.render('LOGIN_CODE', { ...base, stepLabel: 'x', caseUrl: 'https://zorgroute.test/login', code, validMinutes: 10 } as never)).toThrow(InvalidMessageDataError);
    }
  });

  it('LOGIN_INVITATION: the link, its last day in words, formal for a parent and "je" for a pupil', () => {
    const parent = renderer.render('LOGIN_INVITATION', { ...base, stepLabel: 'Uitnodiging voor Zorgroute', caseUrl: INVITE });
    expect(parent.text).toContain(INVITE);
    expect(parent.text).toContain('maandag 21 december 2026');
    expect(parent.text).toContain('nodigt u uit');
    expect(parent.text).not.toContain('nieuwe uitnodiging waar u om vroeg');
    const pupil = renderer.render('LOGIN_INVITATION', { ...base, stepLabel: 'Uitnodiging voor Zorgroute', caseUrl: INVITE, audience: 'PUPIL', renewed: true });
    expect(pupil.subject).toContain('Je uitnodiging');
    expect(pupil.text).toContain('nieuwe uitnodiging waar je om vroeg');
  });

  it('CONSENT_REQUESTED to someone without a login says the link is an invitation, and until when', () => {
    const data = { ...base, stepLabel: 'Aanmelding bij het ZAT', caseUrl: INVITE, pupilFirstName: 'Sam' };
    const invited = renderer.render('CONSENT_REQUESTED', { ...data, invitationExpiresOn: '2027-01-04' });
    expect(invited.text).toContain('U heeft nog geen inlog voor Zorgroute');
    expect(invited.text).toContain('maandag 4 januari 2027');
    expect(invited.text).toContain('Inlog aanmaken en antwoorden');
    const plain = renderer.render('CONSENT_REQUESTED', data);
    expect(plain.text).not.toContain('nog geen inlog');
    expect(plain.text).toContain('Toestemming geven of weigeren');
  });
});
