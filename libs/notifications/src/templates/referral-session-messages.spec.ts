import { InvalidMessageDataError } from './template.errors';
import { TemplateRenderer } from './template.renderer';

const renderer = new TemplateRenderer();
const base = {
  recipientName: 'Sanne de Wit',
  schoolName: 'Daltoncollege',
  stepLabel: 'IZO-aanmeldformulier invullen en indienen',
  dueDate: '2027-01-19',
  caseUrl: 'https://zorgroute.test/cases/p2-42',
};

describe('REFERRAL_RETURNED', () => {
  it('says the referral came back and what is still empty, not like a first "new task"', () => {
    const m = renderer.render('REFERRAL_RETURNED', { ...base, pupilFirstName: 'Noor', missingParts: ['hulpvraag van de leerling', 'begeleidingsvraag van mentor/docenten'] });
    const first = renderer.render('STEP_ASSIGNED', { ...base, pupilFirstName: 'Noor' });
    expect(m.subject).toBe('Aanmelding teruggestuurd: vul de IZO-aanmelding aan (uiterlijk dinsdag 19 januari 2027)');
    expect(m.subject).not.toBe(first.subject);
    expect(m.text).not.toBe(first.text);
    expect(m.text).toContain('De zorgcoördinator heeft de IZO-aanmelding voor Noor teruggestuurd: er ontbreekt nog informatie.');
    expect(m.text).toContain('- hulpvraag van de leerling');
    expect(m.html).toContain('<li>begeleidingsvraag van mentor/docenten</li>');
    expect(m.text).toContain('Wat de zorgcoördinator nog nodig heeft, lees je bij de aanmelding in Zorgroute.');
    expect(m.text).toContain('https://zorgroute.test/cases/p2-42');
  });

  it('leaves out the list when the form itself is complete, and never carries a note', () => {
    const m = renderer.render('REFERRAL_RETURNED', { ...base, ...({ missingInformation: 'Vermoeden van huiselijk geweld' } as object) });
    expect(m.text).not.toContain('Nog niet ingevuld');
    for (const part of [m.subject, m.html, m.text]) expect(part).not.toContain('huiselijk');
  });

  it('refuses a list that is not a list of texts', () => {
    expect(() => renderer.render('REFERRAL_RETURNED', { ...base, missingParts: 'alles' as unknown as string[] })).toThrow(InvalidMessageDataError);
  });
});

describe('SESSION_REMINDER', () => {
  it('reminds the coach of the session with the pupil, date in words and time', () => {
    const m = renderer.render('SESSION_REMINDER', { ...base, stepLabel: 'Sessie', sessionTime: '10:15', audience: 'STAFF', pupilFirstName: 'Daan' });
    expect(m.subject).toBe('Herinnering: sessie op dinsdag 19 januari 2027 om 10:15');
    expect(m.text).toContain('je hebt een sessie met Daan op dinsdag 19 januari 2027 om 10:15');
    expect(m.text).toContain('Leg de sessie na afloop vast in Zorgroute.');
  });

  it('reminds the pupil in plain words with "je"', () => {
    const m = renderer.render('SESSION_REMINDER', { ...base, stepLabel: 'Sessie', sessionTime: '10:15', audience: 'PUPIL', pupilFirstName: 'Daan' });
    expect(m.subject).toBe('Herinnering: je sessie op dinsdag 19 januari 2027 om 10:15');
    expect(m.text).toContain('je hebt een sessie met je coach op dinsdag 19 januari 2027 om 10:15');
    expect(m.text).toContain('Je ontvangt dit bericht omdat je bij Daltoncollege een ondersteuningstraject volgt');
    expect(m.text).not.toMatch(/\bu\b/);
  });

  it('refuses a time that is not HH:mm', () => {
    expect(() => renderer.render('SESSION_REMINDER', { ...base, sessionTime: '25:00', audience: 'PUPIL' })).toThrow(InvalidMessageDataError);
  });
});

describe('CONSENT_REQUESTED to a pupil of 16+', () => {
  it('asks the pupil himself, with "je", and says why he decides', () => {
    const m = renderer.render('CONSENT_REQUESTED', { ...base, stepLabel: 'Aanmelding bij het ZAT', pupilFirstName: 'Daan', audience: 'PUPIL' });
    expect(m.subject).toBe('Je toestemming gevraagd: Aanmelding bij het ZAT (uiterlijk dinsdag 19 januari 2027)');
    expect(m.text).toContain('Omdat je 16 bent of ouder, beslis je hier zelf over.');
    expect(m.text).toContain('Je ontvangt dit bericht omdat je leerling bent van Daltoncollege');
    expect(m.text).not.toMatch(/\bu\b|\buw\b|ouderportaal/);
  });

  it('still asks parents formally by default', () => {
    const m = renderer.render('CONSENT_REQUESTED', { ...base, stepLabel: 'Aanmelding bij het ZAT', pupilFirstName: 'Daan' });
    expect(m.subject).toBe('Uw toestemming gevraagd: Aanmelding bij het ZAT (uiterlijk dinsdag 19 januari 2027)');
    expect(m.text).toContain('Wilt u uiterlijk op dinsdag 19 januari 2027 in het ouderportaal');
  });
});
