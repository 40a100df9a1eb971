import { TemplateRenderer } from './template.renderer';
import { InvalidMessageDataError } from './template.errors';

const renderer = new TemplateRenderer();
const base = {
  recipientName: 'Anouk Terpstra',
  schoolName: 'Daltoncollege De Linde',
  stepLabel: 'Besluit over de aanmelding',
  dueDate: '2026-11-23',
  caseUrl: 'https://zorgroute.test/cases/zorgplicht-1',
};

describe('P4 messages', () => {
  it('ZORGPLICHT_TERMIJN tells the SWV loket a week remains, without case details', () => {
    const m = renderer.render('ZORGPLICHT_TERMIJN', { ...base, signal: 'WEEK_LEFT', receivedOn: '2026-10-12', extended: false, calendarDays: 7, pupilFirstName: 'Zoë' });
    expect(m.subject).toBe('Zorgplicht: besluit over een aanmelding uiterlijk maandag 23 november 2026 (Daltoncollege De Linde)');
    expect(m.text).toContain('loopt de zorgplichttermijn voor een aangemelde leerling (Zoë) over 7 dagen af');
    expect(m.text).toContain('en de termijn is niet verlengd');
    expect(m.text).toContain('Aanmelding ontvangen: maandag 12 oktober 2026');
    expect(m.text).toContain('Termijn verlengd: nee');
    expect(m.text).toContain('Je ontvangt dit bericht omdat je werkt bij het loket van het samenwerkingsverband');
    expect(m.subject).not.toContain('Zoë');
  });

  it('ZORGPLICHT_TERMIJN words the overdue and 10-week signals', () => {
    const overdue = renderer.render('ZORGPLICHT_TERMIJN', { ...base, signal: 'OVERDUE', receivedOn: '2026-10-12', extended: true, calendarDays: 1 });
    expect(overdue.subject).toBe('Zorgplicht: beslistermijn verstreken (Daltoncollege De Linde)');
    expect(overdue.text).toContain('had uiterlijk op maandag 23 november 2026 genomen moeten worden en is nu 1 dag te laat');
    expect(overdue.text).toContain('Termijn verlengd: ja');
    const ten = renderer.render('ZORGPLICHT_TERMIJN', { ...base, signal: 'TEN_WEEKS', receivedOn: '2026-09-14', extended: false });
    expect(ten.subject).toBe('Zorgplicht: 10 weken na aanmelding nog geen besluit (Daltoncollege De Linde)');
    expect(ten.text).toContain('risico thuis te komen zitten');
    const today = renderer.render('ZORGPLICHT_TERMIJN', { ...base, signal: 'WEEK_LEFT', receivedOn: '2026-10-12', extended: true });
    expect(today.text).toContain('vandaag af');
    expect(today.text).not.toContain('niet verlengd');
  });

  it('LETTER_AVAILABLE tells the parents a letter is ready, formally, without its content', () => {
    const m = renderer.render('LETTER_AVAILABLE', { ...base, recipientName: 'Mark Bakker', stepLabel: 'Besluit over de aanmelding', dueDate: '2027-01-04', letter: 'ZORGPLICHT_BESLUIT', pupilFirstName: 'Zoë' });
    expect(m.subject).toBe('Brief van Daltoncollege De Linde: Besluit over de aanmelding');
    expect(m.text).toContain('Er staat een brief van Daltoncollege De Linde voor u klaar over de aanmelding van Zoë');
    expect(m.text).toContain('Bezwaar mogelijk tot en met: maandag 4 januari 2027');
    expect(m.text).toContain('U ontvangt dit bericht omdat u bij Daltoncollege De Linde geregistreerd staat als ouder');
    expect(m.html).toContain('in uw browser');
    const ext = renderer.render('LETTER_AVAILABLE', { ...base, stepLabel: 'Verlenging van de beslistermijn', dueDate: '2026-12-21', letter: 'ZORGPLICHT_VERLENGING', pupilFirstName: 'Zoë' });
    expect(ext.text).toContain('Besluit uiterlijk: maandag 21 december 2026');
    expect(ext.text).not.toContain('Bezwaar');
  });

  it('rejects unknown signals and letters', () => {
    expect(() => renderer.render('ZORGPLICHT_TERMIJN', { ...base, signal: 'DIAGNOSE', receivedOn: '2026-10-12', extended: false } as never)).toThrow(InvalidMessageDataError);
    expect(() => renderer.render('ZORGPLICHT_TERMIJN', { ...base, signal: 'WEEK_LEFT', receivedOn: '2026-10-12' } as never)).toThrow(/extended must be true or false/);
    expect(() => renderer.render('LETTER_AVAILABLE', { ...base, letter: 'ANDERS', pupilFirstName: 'Zoë' } as never)).toThrow(/letter must be one of/);
  });
});
