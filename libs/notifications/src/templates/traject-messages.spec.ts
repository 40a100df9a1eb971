import { TemplateRenderer } from './template.renderer';
import { InvalidMessageDataError } from './template.errors';

const renderer = new TemplateRenderer();
const base = {
  recipientName: 'Karin Smit',
  schoolName: 'Montessori Lyceum Oostpoort',
  stepLabel: 'Tussenevaluatie',
  dueDate: '2027-01-25',
  caseUrl: 'https://zorgroute.test/cases/p1-42',
};

describe('P1 messages', () => {
  it('TRAJECT_PARENT_UPDATE tells the parents, formally, that the trajectory is halfway, with the coach and a link', () => {
    const m = renderer.render('TRAJECT_PARENT_UPDATE', { ...base, moment: 'MIDWAY', pupilFirstName: 'Daan', ownerName: 'Fatima El Idrissi' });
    expect(m.subject).toBe('Begeleiding halverwege (Montessori Lyceum Oostpoort)');
    expect(m.text).toContain('Het ondersteuningstraject van Daan op Montessori Lyceum Oostpoort is halverwege: de tussenevaluatie heeft plaatsgevonden.');
    expect(m.text).toContain('Coach: Fatima El Idrissi');
    expect(m.text).toContain('Gepland einde: maandag 25 januari 2027');
    expect(m.text).toContain('Heeft u vragen? Neem dan contact op met Fatima El Idrissi, de coach van Daan.');
    expect(m.text).toContain('U ontvangt dit bericht omdat u bij Montessori Lyceum Oostpoort geregistreerd staat als ouder of verzorger van Daan');
    expect(m.text).toContain('https://zorgroute.test/cases/p1-42');
    expect(m.text).not.toContain('afgesloten');
    expect(m.subject).not.toContain('Daan');
  });

  it('TRAJECT_PARENT_UPDATE tells the parents the trajectory has ended, without the outcome or a reason', () => {
    const m = renderer.render('TRAJECT_PARENT_UPDATE', {
      ...base,
      stepLabel: 'Traject afgesloten',
      dueDate: '2027-01-27',
      moment: 'ENDED',
      pupilFirstName: 'Daan',
      // Not part of the message data: must never reach the e-mail.
      ...({ outcome: 'DOORVERWEZEN', reason: 'Angstklachten nemen toe' } as object),
    });
    expect(m.subject).toBe('Begeleiding afgesloten (Montessori Lyceum Oostpoort)');
    expect(m.text).toContain('Het ondersteuningstraject van Daan op Montessori Lyceum Oostpoort is afgesloten.');
    expect(m.text).toContain('Afgesloten op: woensdag 27 januari 2027');
    expect(m.text).toContain('Neem dan contact op met de school.');
    for (const part of [m.subject, m.html, m.text]) expect(part).not.toMatch(/DOORVERWEZEN|doorverwezen|Angst|Gepland einde/);
  });

  it('TRAJECT_OUTCOME tells the zorgcoördinator the outcome (a closed set) and, for VERLENGD, the new end date', () => {
    const verlengd = renderer.render('TRAJECT_OUTCOME', { ...base, stepLabel: 'Eindevaluatie en uitkomst', outcome: 'VERLENGD', pupilFirstName: 'Daan', ownerName: 'Fatima El Idrissi' });
    expect(verlengd.subject).toBe('Uitkomst van de begeleiding vastgelegd (Montessori Lyceum Oostpoort)');
    expect(verlengd.text).toContain('De uitkomst van het ondersteuningstraject van Daan is vastgelegd: verlengd. Het traject loopt door tot maandag 25 januari 2027.');
    expect(verlengd.text).toContain('Nieuwe einddatum: maandag 25 januari 2027');
    expect(verlengd.text).toContain('Je ontvangt dit bericht omdat je zorgcoördinator bent bij Montessori Lyceum Oostpoort');
    const door = renderer.render('TRAJECT_OUTCOME', { ...base, stepLabel: 'Eindevaluatie en uitkomst', outcome: 'DOORVERWEZEN' });
    expect(door.subject).toBe('Uitkomst van de begeleiding vastgelegd (Montessori Lyceum Oostpoort)');
    expect(door.text).toContain('Er is een aanmelding voor het IZO gestart.');
    expect(door.text).toContain('Einddatum traject: maandag 25 januari 2027');
    expect(door.text).not.toContain('Coach:');
    expect(renderer.render('TRAJECT_OUTCOME', { ...base, outcome: 'GESTOPT' }).subject).toBe('Uitkomst van de begeleiding vastgelegd (Montessori Lyceum Oostpoort)');
    expect(renderer.render('TRAJECT_OUTCOME', { ...base, outcome: 'AFGEROND' }).text).toContain('is vastgelegd: afgerond.');
  });

  it('CASE_CLOSED tells the parents, formally, that the school closed the case: which process and when, never why', () => {
    const m = renderer.render('CASE_CLOSED', {
      ...base,
      stepLabel: 'Koppeling aan een coach',
      dueDate: '2027-01-27',
      process: 'ONDERSTEUNINGSTRAJECT',
      pupilFirstName: 'Daan',
      // Not part of the message data: must never reach the e-mail.
      ...({ reason: 'Dubbel aangemaakt dossier' } as object),
    });
    expect(m.subject).toBe('Afgesloten door de school (Montessori Lyceum Oostpoort)');
    expect(m.text).toContain('Montessori Lyceum Oostpoort heeft het ondersteuningstraject van Daan afgesloten.');
    expect(m.text).toContain('Laatste stap: Koppeling aan een coach');
    expect(m.text).toContain('Afgesloten op: woensdag 27 januari 2027');
    expect(m.text).toContain('Neem dan contact op met de zorgcoördinator van Montessori Lyceum Oostpoort.');
    expect(m.text).toContain('U ontvangt dit bericht omdat u bij Montessori Lyceum Oostpoort geregistreerd staat als ouder of verzorger van Daan');
    for (const part of [m.subject, m.html, m.text]) expect(part).not.toMatch(/Dubbel|dossier aangemaakt/);
    expect(renderer.render('CASE_CLOSED', { ...base, process: 'OOV', pupilFirstName: 'Daan' }).text).toContain('heeft het arrangement Onderwijs op Vaart (OOV) van Daan afgesloten');
    expect(() => renderer.render('CASE_CLOSED', { ...base, process: 'ONBEKEND', pupilFirstName: 'Daan' } as never)).toThrow(/process must be one of/);
  });

  it('rejects unknown moments and outcomes, and a parent message without the pupil', () => {
    expect(() => renderer.render('TRAJECT_PARENT_UPDATE', { ...base, moment: 'DIAGNOSE', pupilFirstName: 'Daan' } as never)).toThrow(/moment must be one of/);
    expect(() => renderer.render('TRAJECT_PARENT_UPDATE', { ...base, moment: 'MIDWAY' } as never)).toThrow(/pupilFirstName is required/);
    expect(() => renderer.render('TRAJECT_OUTCOME', { ...base, outcome: 'ONBEKEND' } as never)).toThrow(InvalidMessageDataError);
  });
});
