import { InvalidMessageDataError } from './template.errors';
import { TemplateRenderer } from './template.renderer';

const renderer = new TemplateRenderer();
const APP = 'https://zorgroute.test/';
const base = { recipientName: 'Jan de Vries', schoolName: 'Het Stedelijk Lyceum', stepLabel: 'Dagoverzicht', dueDate: '2026-11-24', caseUrl: APP };
const items = [
  { title: 'Herinnering: Intakegesprek (uiterlijk maandag 30 november 2026)', stepLabel: 'Intakegesprek', dueDate: '2026-11-30', caseUrl: 'https://zorgroute.test/cases/c-1', pupilFirstName: 'Sanne' },
  { title: 'Nieuwe taak: Coach kiezen (uiterlijk dinsdag 1 december 2026)', stepLabel: 'Coach kiezen', dueDate: '2026-12-01', caseUrl: 'https://zorgroute.test/cases/c-2' },
];

describe('DAILY_DIGEST template', () => {
  it('lists every message of the day with its step, due date and link, in one Dutch e-mail', () => {
    const m = renderer.render('DAILY_DIGEST', { ...base, items });
    expect(m.subject).toBe('Zorgroute: Dagoverzicht van dinsdag 24 november 2026 (2 berichten)');
    expect(m.text).toContain('Beste Jan de Vries,');
    expect(m.text).toContain('- Herinnering: Intakegesprek (uiterlijk maandag 30 november 2026)\n  Taak: Intakegesprek (leerling: Sanne)\n  Uiterlijk af: maandag 30 november 2026\n  Openen: https://zorgroute.test/cases/c-1');
    expect(m.text).toContain('- Nieuwe taak: Coach kiezen (uiterlijk dinsdag 1 december 2026)\n  Taak: Coach kiezen\n  Uiterlijk af: dinsdag 1 december 2026');
    expect(m.text).toContain('hebt gekozen voor één dagoverzicht per schooldag');
    expect(m.html).toContain('href="https://zorgroute.test/cases/c-2"');
    expect(m.html).toContain('Naar Zorgroute');
    expect(renderer.render('DAILY_DIGEST', { ...base, items: items.slice(0, 1) }).subject).toContain('(1 bericht)');
  });

  it('shows only the declared fields of an item and escapes them', () => {
    const leaky = [{ ...items[0], reason: 'Vermoeden van ADHD', title: 'Taak <script>x</script>' }];
    const m = renderer.render('DAILY_DIGEST', { ...base, items: leaky });
    expect(`${m.html}${m.text}`).not.toContain('ADHD');
    expect(m.html).toContain('Taak &lt;script&gt;x&lt;/script&gt;');
  });

  it('refuses an empty digest or a bad item without echoing values', () => {
    const bad = (data: unknown) => () => renderer.render('DAILY_DIGEST', data as never);
    expect(bad({ ...base, items: [] })).toThrow(InvalidMessageDataError);
    expect(bad({ ...base, items: [{ ...items[0], dueDate: 'morgen' }] })).toThrow(/items\.0\.dueDate must be a date/);
    expect(bad({ ...base, items: [{ ...items[0], caseUrl: 'javascript:alert(1)' }] })).toThrow(/items\.0\.caseUrl must be an http/);
    expect(bad({ ...base, items: [{ ...items[0], title: ' ' }] })).not.toThrow(/Sanne/);
  });
});
