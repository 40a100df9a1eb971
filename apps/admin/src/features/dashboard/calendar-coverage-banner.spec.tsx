import { screen, waitFor } from '@testing-library/react';
import { type Role } from '../../gql/graphql';
import { renderWithProviders } from '../../test-utils/render';
import { ZC_USER } from '../../test-utils/fixtures';
import { CALENDAR_COVERAGE_QUERY } from './calendar-coverage.graphql';
import { CalendarCoverageBanner } from './calendar-coverage-banner';

const WARNING = 'De vakantiedata lopen tot 31 juli 2028; voeg het schooljaar 2028-2029 toe';

/** The API's answer; `result` records whether the query was asked. */
function coverageMock(warning: string | null) {
  const result = jest.fn(() => ({
    data: { calendarCoverage: { __typename: 'CalendarCoverage', coveredUntil: '2028-07-31', missingSchoolYears: warning ? ['2028-2029'] : [], warning } },
  }));
  return { request: { query: CALENDAR_COVERAGE_QUERY, variables: {} }, result };
}

function renderFor(role: Role, warning: string | null) {
  const mock = coverageMock(warning);
  renderWithProviders(<CalendarCoverageBanner role={role} />, { mocks: [mock], session: { user: { ...ZC_USER, role } } });
  return mock.result;
}

describe('CalendarCoverageBanner', () => {
  it.each<Role>(['ZORGCOORDINATOR', 'ADMIN'])('shows %s the warning when the holiday data runs short', async (role) => {
    renderFor(role, WARNING);
    const banner = await screen.findByTestId('calendar-coverage-banner');
    expect(banner.textContent).toContain(WARNING);
    expect(banner.textContent).toContain('Vakantiedata aanvullen');
  });

  it('shows nothing while the current and the next school year are covered', async () => {
    const asked = renderFor('ZORGCOORDINATOR', null);
    await waitFor(() => expect(asked).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('calendar-coverage-banner')).toBeNull();
  });

  it.each<Role>(['MENTOR', 'TEAMLEIDER', 'SWV_MEDEWERKER', 'PARENT'])('shows %s nothing and does not ask', async (role) => {
    const asked = renderFor(role, WARNING);
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).not.toHaveBeenCalled();
    expect(screen.queryByTestId('calendar-coverage-banner')).toBeNull();
  });
});
