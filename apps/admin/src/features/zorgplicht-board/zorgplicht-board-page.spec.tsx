import { fireEvent, screen, within } from '@testing-library/react';
import { fakeToday } from '../../test-utils/fake-today';
import { makePupil, SCHOOL, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { tlvBoardMock } from './tlv-board.mock';
import { ZorgplichtBoardPage } from './zorgplicht-board-page';
import { ZORGPLICHT_CLOCKS_QUERY, type ZorgplichtClock } from './zorgplicht.graphql';

const TODAY = '2026-11-20';

function makeClock(caseId: string, name: string, daysRemaining: number): ZorgplichtClock & { __typename: 'ZorgplichtClock' } {
  return {
    __typename: 'ZorgplichtClock',
    caseId,
    pupil: makePupil({ id: `p-${caseId}`, displayName: name }),
    school: SCHOOL,
    status: 'ONDERZOEK',
    statusLabel: 'Onderzoek',
    clockState: daysRemaining < 0 ? 'VERLOPEN' : daysRemaining <= 7 ? 'LAATSTE_WEEK' : 'OP_SCHEMA',
    receivedOn: '2026-11-01',
    firstDueDate: '2026-12-13',
    dueDate: '2026-12-13',
    dueExplanation: '6 kalenderweken na ontvangst',
    tenWeekDate: '2027-01-10',
    tenWeekReached: false,
    extensionUsed: false,
    extensionWeeks: null,
    extendedOn: null,
    overdue: daysRemaining < 0,
    daysOverdue: Math.max(0, -daysRemaining),
    daysRemaining,
    daysSinceReceipt: 19,
    ownerName: null,
    extraSupportExpected: true,
  };
}

const counts = [{ __typename: 'ZorgplichtSchoolCount', school: SCHOOL, open: 60, lastWeek: 1, overdue: 2, extended: 0, pastTenWeeks: 0 }];

const QUIET_SCHOOL = { __typename: 'School', id: 'school-quiet', name: 'Duinroos College', region: 'midden' };

function pageMock(offset: number, limit: number, clocks: ZorgplichtClock[], filter: Record<string, unknown> = { schoolId: null, clockState: null }, countsPerSchool: unknown[] = counts) {
  return {
    request: { query: ZORGPLICHT_CLOCKS_QUERY, variables: { filter, limit, offset } },
    result: { data: { zorgplichtClocks: { __typename: 'ZorgplichtOverview', today: TODAY, totalCount: 60, offset, clocks, countsPerSchool } } },
  };
}

describe('ZorgplichtBoardPage', () => {
  beforeEach(() => fakeToday('2026-11-20T10:00:00+01:00'));
  afterEach(() => jest.useRealTimers());

  it('asks for the first page, shows the counts over all pages and pages on', async () => {
    renderWithProviders(<ZorgplichtBoardPage />, {
      mocks: [pageMock(0, 50, [makeClock('a', 'Anna', -3), makeClock('b', 'Bram', 4)]), pageMock(50, 50, [makeClock('c', 'Cas', 30)]), tlvBoardMock()],
      session: { user: ZC_USER },
    });
    expect(await screen.findByText('Anna')).toBeTruthy();
    expect(screen.getByText('1–50 van 60')).toBeTruthy();
    const counted = screen.getAllByRole('table')[0];
    expect(within(counted).getByText('60')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Volgende pagina' }));
    expect(await screen.findByText('Cas')).toBeTruthy();
    expect(screen.queryByText('Anna')).toBeNull();
    expect(screen.getByText('51–60 van 60')).toBeTruthy();
  });

  it('shows a member school without open terms with zeros and "Geen lopende aanmeldingen"', async () => {
    const withQuiet = [...counts, { __typename: 'ZorgplichtSchoolCount', school: QUIET_SCHOOL, open: 0, lastWeek: 0, overdue: 0, extended: 0, pastTenWeeks: 0 }];
    renderWithProviders(<ZorgplichtBoardPage />, {
      mocks: [pageMock(0, 50, [makeClock('a', 'Anna', -3)], undefined, withQuiet), tlvBoardMock()],
      session: { user: ZC_USER },
    });
    await screen.findByText('Anna');
    const counted = screen.getAllByRole('table')[0];
    const quiet = within(counted).getByText('Duinroos College').closest('tr') as HTMLElement;
    expect(quiet.getAttribute('data-school-id')).toBe('school-quiet');
    expect(within(quiet).getByText('Geen lopende aanmeldingen')).toBeTruthy();
    expect(within(quiet).getAllByRole('cell').slice(1).map((cell) => cell.textContent)).toEqual(['0', '0', '0', '0', '0']);
    // A school with open terms has no such line.
    const busy = within(counted).getByText(SCHOOL.name).closest('tr') as HTMLElement;
    expect(within(busy).queryByText('Geen lopende aanmeldingen')).toBeNull();
    // The school filter offers it too.
    fireEvent.mouseDown(screen.getByRole('combobox', { name: /School/ }));
    expect(screen.getByRole('option', { name: 'Duinroos College' })).toBeTruthy();
  });

  it('goes back to the first page with another page size', async () => {
    renderWithProviders(<ZorgplichtBoardPage />, {
      mocks: [pageMock(0, 50, [makeClock('a', 'Anna', -3)]), pageMock(50, 50, [makeClock('c', 'Cas', 30)]), pageMock(0, 100, [makeClock('a', 'Anna', -3), makeClock('c', 'Cas', 30)]), tlvBoardMock()],
      session: { user: ZC_USER },
    });
    await screen.findByText('Anna');
    fireEvent.click(screen.getByRole('button', { name: 'Volgende pagina' }));
    await screen.findByText('Cas');
    fireEvent.mouseDown(screen.getByRole('combobox', { name: /Per pagina/ }));
    fireEvent.click(screen.getByRole('option', { name: '100' }));
    expect(await screen.findByText('1–60 van 60')).toBeTruthy();
    expect(await screen.findByText('Anna')).toBeTruthy();
  });
});
