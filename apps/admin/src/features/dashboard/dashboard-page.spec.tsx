import { fireEvent, screen, within } from '@testing-library/react';
import { fakeToday } from '../../test-utils/fake-today';
import { makeCase, makePupil, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { CALENDAR_COVERAGE_QUERY } from './calendar-coverage.graphql';
import { CASES_WITHOUT_HOLIDAY_DATA_QUERY } from './cases-without-holiday-data.graphql';
import { DASHBOARD_CASES_QUERY } from './cases.graphql';
import { DashboardPage } from './dashboard-page';
import { WORK_LISTS_QUERY } from '../work-lists/work-lists.graphql';

/** The work lists with their counts (the dashboard of the zorgcoördinator, the teamleider and the admin). */
const workListsMock = {
  request: { query: WORK_LISTS_QUERY, variables: {} },
  result: {
    data: {
      workLists: [
        { __typename: 'WorkList', id: 'mijn-open-stappen', name: 'Mijn open stappen', description: null, builtIn: true, count: 4, filter: { __typename: 'WorkListFilter', mine: true, ownerId: null, ownerUnavailable: null, overdue: null, lateThisWeek: null, process: null, pupilLeft: null, stuck: null } },
      ],
    },
  },
};

/** The holiday data's runway as the API reports it (asked for the zorgcoördinator and the admin only). */
function coverageMock(warning: string | null = null) {
  return {
    request: { query: CALENDAR_COVERAGE_QUERY, variables: {} },
    result: { data: { calendarCoverage: { __typename: 'CalendarCoverage', coveredUntil: '2028-07-31', missingSchoolYears: warning ? ['2028-2029'] : [], warning } } },
  };
}

/** Running cases counted without holiday data (asked for the zorgcoördinator and the admin only). */
function withoutHolidayDataMock(cases: unknown[] = []) {
  return { request: { query: CASES_WITHOUT_HOLIDAY_DATA_QUERY, variables: {} }, result: { data: { casesWithoutHolidayData: cases } } };
}

const casesMock = {
  request: { query: DASHBOARD_CASES_QUERY, variables: { filter: null } },
  maxUsageCount: 2,
  result: {
    data: {
      cases: [
        makeCase({ id: 'a', nextDueDate: '2026-11-22', pupil: makePupil({ id: 'p1', displayName: 'Anna' }) }),
        makeCase({ id: 'b', nextDueDate: '2026-11-18', pupil: makePupil({ id: 'p2', displayName: 'Bram' }) }),
        makeCase({
          id: 'c',
          process: 'JOS',
          nextDueDate: '2026-12-10',
          stuck: true,
          stuckReason: 'Geen handtekening ouders na 15 schooldagen',
          pupil: makePupil({ id: 'p3', displayName: 'Cas' }),
        }),
        makeCase({ id: 'd', closedAt: '2026-11-01T10:00:00Z', nextDueDate: null, pupil: makePupil({ id: 'p4', displayName: 'Dewi' }) }),
      ],
    },
  },
};

describe('DashboardPage', () => {
  beforeEach(() => fakeToday('2026-11-20T10:00:00+01:00'));
  afterEach(() => jest.useRealTimers());

  it('shows the summary and filters the table', async () => {
    renderWithProviders(<DashboardPage />, { mocks: [casesMock, coverageMock(), workListsMock, withoutHolidayDataMock()], session: { user: ZC_USER } });
    expect(await screen.findByRole('link', { name: 'Anna' }, { timeout: 10_000 })).toBeTruthy();
    expect((await screen.findByRole('link', { name: 'Mijn open stappen: 4' })).getAttribute('href')).toBe('/werklijsten?lijst=mijn-open-stappen');
    expect(document.title).toBe('Dashboard · Zorgroute');

    expect(screen.getByTestId('metric-open').textContent).toBe('3');
    expect(screen.getByTestId('metric-dueThisWeek').textContent).toBe('1');
    expect(screen.getByTestId('metric-overdue').textContent).toBe('1');
    expect(screen.getByTestId('metric-stuck').textContent).toBe('1');

    const table = screen.getByRole('table', { name: 'Casussen' });
    expect(within(table).queryByText('Dewi')).toBeNull(); // closed

    fireEvent.click(screen.getByRole('button', { name: 'Te laat' }));
    expect(within(table).getByRole('link', { name: 'Bram' })).toBeTruthy();
    expect(within(table).queryByRole('link', { name: 'Anna' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Te laat' }));
    fireEvent.click(screen.getByRole('button', { name: 'JOS' }));
    expect(within(table).getAllByRole('link').filter((a) => a.getAttribute('href')?.startsWith('/cases/')).map((a) => a.textContent)).toEqual(['Cas']);
    expect(within(table).getByText('Vastgelopen')).toBeTruthy();
  });

  it('asks the API for closed cases only when "Ook afgesloten" is on', async () => {
    const open = makeCase({ id: 'open', pupil: makePupil({ id: 'p1', displayName: 'Anna' }) });
    const closed = makeCase({ id: 'closed', closedAt: '2026-11-01T10:00:00Z', pupil: makePupil({ id: 'p9', displayName: 'Eva' }) });
    renderWithProviders(<DashboardPage />, {
      mocks: [
        { request: { query: DASHBOARD_CASES_QUERY, variables: { filter: null } }, result: { data: { cases: [open] } } },
        {
          request: { query: DASHBOARD_CASES_QUERY, variables: { filter: { includeClosed: true } } },
          result: { data: { cases: [open, closed] } },
        },
        coverageMock(),
        workListsMock,
        withoutHolidayDataMock(),
      ],
      session: { user: ZC_USER },
    });
    await screen.findByRole('link', { name: 'Anna' }, { timeout: 10_000 });
    expect(screen.queryByRole('link', { name: 'Eva' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ook afgesloten' }));
    expect(await screen.findByRole('link', { name: 'Eva' })).toBeTruthy();
    expect(screen.getByTestId('metric-open').textContent).toBe('1');
  });

  it('offers "Traject starten" to the zorgcoördinator only', async () => {
    const { unmount } = renderWithProviders(<DashboardPage />, { mocks: [casesMock, coverageMock(), workListsMock, withoutHolidayDataMock()], session: { user: ZC_USER } });
    expect(await screen.findByRole('button', { name: 'Traject starten' })).toBeTruthy();
    unmount();
    renderWithProviders(<DashboardPage />, {
      mocks: [casesMock],
      session: { user: { ...ZC_USER, role: 'MENTOR' } },
    });
    await screen.findByRole('link', { name: 'Anna' });
    expect(screen.queryByRole('button', { name: 'Traject starten' })).toBeNull();
  });

  it('opens every other start from the step catalogue: all of them for the zorgcoördinator, the IZO-aanmelding for a mentor', async () => {
    const { unmount } = renderWithProviders(<DashboardPage />, { mocks: [casesMock, coverageMock(), workListsMock, withoutHolidayDataMock()], session: { user: ZC_USER } });
    fireEvent.click(await screen.findByRole('button', { name: 'Andere casus starten' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual([
      'IZO-aanmelding starten',
      'JOS starten',
      'OPP starten',
      'TLV-aanvraag starten',
      'Aanmelding registreren',
      'OOV-traject starten',
      'Overdracht PO→VO starten',
    ]);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'TLV-aanvraag starten' }));
    const dialog = await screen.findByRole('dialog', { name: 'TLV-aanvraag starten' });
    expect(within(dialog).getByLabelText(/Waarom een TLV/)).toBeTruthy();
    unmount();

    renderWithProviders(<DashboardPage />, { mocks: [casesMock], session: { user: { ...ZC_USER, role: 'MENTOR' } } });
    fireEvent.click(await screen.findByRole('button', { name: 'Andere casus starten' }));
    expect(within(await screen.findByRole('menu')).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['IZO-aanmelding starten']);
  });

  it('warns the zorgcoördinator on the dashboard when the holiday data runs short', async () => {
    renderWithProviders(<DashboardPage />, {
      mocks: [casesMock, coverageMock('De vakantiedata lopen tot 31 juli 2028; voeg het schooljaar 2028-2029 toe'), workListsMock, withoutHolidayDataMock()],
      session: { user: ZC_USER },
    });
    expect((await screen.findByTestId('calendar-coverage-banner')).textContent).toContain('De vakantiedata lopen tot 31 juli 2028; voeg het schooljaar 2028-2029 toe');
    expect(screen.getByRole('link', { name: 'Anna' })).toBeTruthy();
  });

  it('lists the running cases whose due dates were counted without holiday data, with the step and the date in words', async () => {
    renderWithProviders(<DashboardPage />, {
      mocks: [
        casesMock,
        coverageMock(),
        withoutHolidayDataMock([
          {
            __typename: 'CaseWithoutHolidayData',
            caseId: 'a',
            process: 'ONDERSTEUNINGSTRAJECT',
            schoolName: 'Daltoncollege',
            status: 'AANGEMELD',
            dueDates: [
              { __typename: 'DueDateWithoutHolidayData', step: 'RECORD_INTAKE', stepLabel: 'Intakegesprek vastleggen', date: '2028-10-23', explanation: 'Uiterlijk 2028-10-23 …', schoolYears: ['2028-2029'], nowKnown: ['2028-2029'] },
            ],
          },
        ]),
      ],
      session: { user: ZC_USER },
    });
    const list = await screen.findByTestId('cases-without-holiday-data');
    expect(list.textContent).toContain('1 lopende casus heeft termijnen zonder vakantiegegevens');
    expect(within(list).getByRole('link', { name: 'Intakegesprek vastleggen' }).getAttribute('href')).toBe('/cases/a');
    expect(list.textContent).toContain('(Daltoncollege): maandag 23 oktober 2028, berekend zonder de vakanties van 2028–2029; de vakanties van 2028–2029 zijn inmiddels ingelezen');
  });
});
