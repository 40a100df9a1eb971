import { render, screen, within } from '@testing-library/react';
import { DueDatesList } from './due-dates-list';

describe('DueDatesList', () => {
  it('is headed in Dutch and counts down only to the dates that still run (issue 17.5)', () => {
    render(
      <DueDatesList
        today="2026-11-20"
        dueDates={[
          { step: 'FIRST_TERM', label: 'Eerste beslistermijn', date: '2026-11-16', explanation: 'Besluit uiterlijk maandag 16 november 2026.', state: 'REPLACED' },
          { step: 'DECIDE', label: 'Besluit over de aanmelding', date: '2026-12-07', explanation: 'Verlengd met 3 weken.', state: 'OPEN' },
          { step: 'TEN_WEEK_MARK', label: '10-wekengrens', date: '2026-11-10', explanation: 'Melding aan het SWV.', state: 'DONE' },
        ]}
      />,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Termijnen' })).toBeTruthy();
    expect(screen.queryByText('Deadlines')).toBeNull();
    // One countdown: the running decision term. The replaced first term is not "4 dagen te laat".
    expect(screen.getByText('over 17 dagen')).toBeTruthy();
    expect(screen.queryByText(/te laat/)).toBeNull();
    const past = screen.getByRole('list', { name: 'Afgeronde en vervangen termijnen' });
    expect(within(past).getByText('vervangen')).toBeTruthy();
    expect(within(past).getByText('afgerond')).toBeTruthy();
    expect(within(past).getByText('ma 16 nov. 2026')).toBeTruthy();
  });

  it('says so when no date runs', () => {
    render(<DueDatesList today="2026-11-20" dueDates={[{ step: 'END_DATE', label: 'Einddatum', date: '2026-11-01', explanation: 'Einde.', state: 'DONE' }]} />);
    expect(screen.getByText('Geen lopende termijnen.')).toBeTruthy();
  });
});
