import { TemplateRenderer } from './template.renderer';

const renderer = new TemplateRenderer();
const data = {
  recipientName: 'Petra Veldkamp',
  schoolName: 'Het Stedelijk Lyceum',
  stepLabel: 'IZO-overleg',
  dueDate: '2026-12-15',
  caseUrl: 'https://zorgroute.test/overleggen/m-1',
  meeting: 'IZO' as const,
  caseCount: 3,
  meetingTime: '14:30',
  location: 'kamer 12',
};

describe('MEETING_OVERVIEW_AGENDA (the agenda of one meeting, issue 17.8)', () => {
  it('names date in words, time, place, the number of pupils and links to the meeting page', () => {
    const m = renderer.render('MEETING_OVERVIEW_AGENDA', data);
    expect(m.subject).toBe('Agenda IZO-overleg van dinsdag 15 december 2026 om 14:30');
    for (const body of [m.html, m.text]) {
      expect(body).toContain('dinsdag 15 december 2026');
      expect(body).toContain('14:30');
      expect(body).toContain('Het Stedelijk Lyceum, kamer 12');
      expect(body).toContain('3 leerlingen op de agenda');
      expect(body).toContain('https://zorgroute.test/overleggen/m-1');
      expect(body).toContain('Beste Petra Veldkamp');
    }
    expect(m.html).toContain('Overleg openen');
  });

  it('carries no pupil names, even when the caller passes them', () => {
    const m = renderer.render('MEETING_OVERVIEW_AGENDA', { ...data, pupilFirstName: 'Daan', pupils: ['Daan de Boer'] } as never);
    for (const body of [m.subject, m.html, m.text]) expect(body).not.toContain('Daan');
  });

  it('says so when no pupil is on the agenda yet, and one pupil in the singular', () => {
    expect(renderer.render('MEETING_OVERVIEW_AGENDA', { ...data, caseCount: 0 }).text).toContain('nog geen leerlingen op de agenda');
    expect(renderer.render('MEETING_OVERVIEW_AGENDA', { ...data, caseCount: 1 }).text).toContain('1 leerling op de agenda');
  });
});
