import { fireEvent, screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { SCHOOL, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { RunningCasesCalendarPanel } from './running-cases-calendar';
import { APPLY_SCHOOL_CALENDAR_MUTATION, LAST_RUNNING_CASES_CALENDAR_RUN_QUERY } from './school-calendar.graphql';

const SLOW = { timeout: 10_000 };

function applyMock(result: object) {
  return { request: { query: APPLY_SCHOOL_CALENDAR_MUTATION, variables: { schoolId: SCHOOL.id } }, result };
}

function lastRunMock(run: object | null) {
  return { request: { query: LAST_RUNNING_CASES_CALENDAR_RUN_QUERY, variables: { schoolId: SCHOOL.id } }, result: { data: { lastRunningCasesCalendarRun: run } } };
}

describe('RunningCasesCalendarPanel', () => {
  it('shows the last time the calendar was sent to the running cases and what it did for the school', async () => {
    renderWithProviders(<RunningCasesCalendarPanel schoolId={SCHOOL.id} />, {
      session: { user: ZC_USER },
      mocks: [
        lastRunMock({
          __typename: 'RunningCasesCalendarRun',
          at: '2026-12-07T09:30:00.000Z',
          reason: 'Vakantiegegevens 2028-2029 geïmporteerd',
          result: {
            __typename: 'RunningCasesCalendarResult',
            updated: 1,
            unchanged: 0,
            dueDatesMoved: 1,
            failed: [{ __typename: 'RunningCaseCalendarFailure', caseId: 'case-3', code: 'CASE_CLOSED', message: 'Deze casus loopt niet (meer)' }],
          },
        }),
      ],
    });
    const region = await screen.findByRole('region', { name: 'Laatst toegepast' }, SLOW);
    expect(region.textContent).toContain('Vakantiegegevens 2028-2029 geïmporteerd');
    expect(region.textContent).toContain('7 december 2026');
    expect(screen.getByRole('status').textContent).toBe('1 lopende casus bijgewerkt, waarvan 1 met een verschoven termijn (zie de tijdlijn van de casus).');
    expect(screen.getByRole('list', { name: 'Niet bijgewerkte casussen' }).textContent).toBe('case-3: Deze casus loopt niet (meer)');
  });

  it('sends the calendar to the running cases and says how many took it, moved, and which did not', async () => {
    renderWithProviders(<RunningCasesCalendarPanel schoolId={SCHOOL.id} />, {
      session: { user: ZC_USER },
      mocks: [
        lastRunMock(null),
        applyMock({
          data: {
            applySchoolCalendarToRunningCases: {
              __typename: 'RunningCasesCalendarResult',
              updated: 3,
              unchanged: 1,
              dueDatesMoved: 2,
              failed: [{ __typename: 'RunningCaseCalendarFailure', caseId: 'case-7', code: 'UNAVAILABLE', message: 'De casus kon nu niet worden bijgewerkt; probeer het later opnieuw' }],
            },
          },
        }),
      ],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Kalender toepassen op lopende casussen' }));
    expect((await screen.findByRole('status', undefined, SLOW)).textContent).toBe('3 lopende casussen bijgewerkt, waarvan 2 met een verschoven termijn (zie de tijdlijn van de casus). 1 casus rekende al met deze kalender.');
    expect(screen.getByText('1 casus is niet bijgewerkt')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Niet bijgewerkte casussen' }).textContent).toBe('case-7: De casus kon nu niet worden bijgewerkt; probeer het later opnieuw');
  });

  it('says so when there was nothing to update', async () => {
    renderWithProviders(<RunningCasesCalendarPanel schoolId={SCHOOL.id} />, {
      session: { user: ZC_USER },
      mocks: [lastRunMock(null), applyMock({ data: { applySchoolCalendarToRunningCases: { __typename: 'RunningCasesCalendarResult', updated: 0, unchanged: 0, dueDatesMoved: 0, failed: [] } } })],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Kalender toepassen op lopende casussen' }));
    expect((await screen.findByRole('status', undefined, SLOW)).textContent).toBe('Er waren geen lopende casussen om bij te werken.');
    expect(screen.queryByRole('list', { name: 'Niet bijgewerkte casussen' })).toBeNull();
  });

  it('shows the Dutch error when the caller may not', async () => {
    renderWithProviders(<RunningCasesCalendarPanel schoolId={SCHOOL.id} />, {
      session: { user: ZC_USER },
      mocks: [lastRunMock(null), applyMock({ errors: [new GraphQLError('U heeft geen toegang tot deze gegevens of actie', { extensions: { code: 'FORBIDDEN' } })] })],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Kalender toepassen op lopende casussen' }));
    expect(await screen.findByText(/U heeft geen toegang/, undefined, SLOW)).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
