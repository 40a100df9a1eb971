import { buildSchoolCalendar, type OverdrachtRegionalCalendar } from '@zorgroute/domain/logic';
import { feedbackMoments, regionalDue, withinWarmWindow } from './overdracht.rules';

const calendar = buildSchoolCalendar('midden');
const cal: OverdrachtRegionalCalendar = {
  schoolYear: '2026-2027',
  schooladviesBy: '2026-03-24',
  aanmeldweek: { from: '2026-03-09', to: '2026-03-13' },
  osoDeadline: '2026-04-10',
  warmeOverdracht: { from: '2026-05-11', to: '2026-06-26' },
  startSchoolYear: '2026-08-31',
};

describe('P6 rules', () => {
  it('a regional date still ahead is the due date; one already passed gives N school days from today, saying so', () => {
    const ahead = regionalDue(cal, calendar, '2026-03-02', '2026-03-13', 'Het OKR is klaar', 'P6.okr', 5);
    expect(ahead.date).toBe('2026-03-13');
    expect(ahead.rule).toBe('P6.okr');
    expect(ahead.explanation).toContain('Het OKR is klaar (regionale overdrachtskalender 2026-2027: 2026-03-13).');
    const late = regionalDue(cal, calendar, '2026-03-16', '2026-03-13', 'Het OKR is klaar', 'P6.okr', 5);
    expect(late.date).toBe('2026-03-23');
    expect(late.rule).toBe('P6.okr.late');
    expect(late.explanation).toContain('Het OKR is klaar: de regionale datum 2026-03-13 (kalender 2026-2027) was al voorbij, daarom 5 schooldagen na vandaag.');
  });

  it('feedback moments: the region’s dates, else 16 weeks after the start and the last school day before the zomervakantie', () => {
    expect(feedbackMoments(cal, { terugkoppelingMoments: ['EINDE_LEERJAAR_1', 'NA_EERSTE_RAPPORT'] }, calendar).map((m) => [m.moment, m.date])).toEqual([
      ['NA_EERSTE_RAPPORT', '2026-12-21'],
      ['EINDE_LEERJAAR_1', '2027-07-16'],
    ]);
    const set = { ...cal, terugkoppeling: { naEersteRapport: '2027-02-01', eindeLeerjaar1: '2027-06-30' } };
    const moments = feedbackMoments(set, { terugkoppelingMoments: ['NA_EERSTE_RAPPORT'] }, calendar);
    expect(moments).toEqual([{ moment: 'NA_EERSTE_RAPPORT', date: '2027-02-01', explanation: 'Terugkoppeling na het eerste rapport op 2027-02-01 (regionale kalender).' }]);
  });

  it('a warm handover counts as inside the regional window on its first and last day', () => {
    expect(withinWarmWindow(cal, '2026-05-11')).toBe(true);
    expect(withinWarmWindow(cal, '2026-06-26')).toBe(true);
    expect(withinWarmWindow(cal, '2026-06-27')).toBe(false);
    expect(withinWarmWindow(cal, '2026-05-10')).toBe(false);
  });
});
