import { textForPeople } from './text-for-people';

describe('textForPeople', () => {
  it('words the dates and replaces the rule name by Dutch (the zorgplicht clock as the workflow records it)', () => {
    expect(
      textForPeople(
        'Besluit uiterlijk 2026-12-14: 6 kalenderweken na 2026-11-02 (de zomervakantie schort de termijn niet op); 2026-11-02 is de datum van ontvangst van de schriftelijke aanmelding (regel P4.decisionWeeks).',
      ),
    ).toBe(
      'Besluit uiterlijk maandag 14 december 2026: 6 kalenderweken na maandag 2 november 2026 (de zomervakantie schort de termijn niet op); maandag 2 november 2026 is de datum van ontvangst van de schriftelijke aanmelding (de wettelijke beslistermijn).',
    );
  });

  it('leaves an unknown rule out and keeps null', () => {
    expect(textForPeople('Uiterlijk 2026-12-01 (regel P9.something).')).toBe('Uiterlijk dinsdag 1 december 2026.');
    expect(textForPeople(null)).toBeNull();
  });
});
