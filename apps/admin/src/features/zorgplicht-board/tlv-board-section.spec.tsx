import { screen, within } from '@testing-library/react';
import { fakeToday } from '../../test-utils/fake-today';
import { makePupil, SCHOOL, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { TlvBoardSection } from './tlv-board-section';
import { type TlvBoardExpiring, type TlvBoardRequest } from './tlv-board.graphql';
import { tlvBoardMock } from './tlv-board.mock';

function request(caseId: string, name: string, over: Partial<TlvBoardRequest> = {}): TlvBoardRequest & { __typename: 'TlvBoardRequest' } {
  return {
    __typename: 'TlvBoardRequest',
    caseId,
    pupil: makePupil({ id: `p-${caseId}`, displayName: name }),
    school: SCHOOL,
    status: 'ADVIES',
    statusLabel: 'Advies',
    submittedOn: '2026-11-02',
    requestedCategory: 'Laag',
    missingItems: 0,
    decisionDueDate: '2026-12-14',
    decisionDueExplanation: 'Uiterlijk 2026-12-14: 6 kalenderweken na het complete dossier.',
    daysRemaining: 24,
    overdue: false,
    termExtended: false,
    ...over,
  };
}

function expiring(caseId: string, name: string, over: Partial<TlvBoardExpiring> = {}): TlvBoardExpiring & { __typename: 'TlvBoardExpiring' } {
  return {
    __typename: 'TlvBoardExpiring',
    caseId,
    pupil: makePupil({ id: `p-${caseId}`, displayName: name }),
    school: SCHOOL,
    status: 'AFLOPEND',
    statusLabel: 'TLV loopt af',
    category: 'Midden',
    endDate: '2027-01-31',
    reminderDate: '2026-10-31',
    daysUntilEnd: 72,
    herindicatie: null,
    herindicatieCaseId: null,
    ...over,
  };
}

describe('TlvBoardSection', () => {
  beforeEach(() => fakeToday('2026-11-20T10:00:00+01:00'));
  afterEach(() => jest.useRealTimers());

  it('shows the open requests with their decision term in words, overdue and not yet started ones marked', async () => {
    renderWithProviders(<TlvBoardSection />, {
      mocks: [
        tlvBoardMock({
          requests: [
            request('a', 'Anna', { decisionDueDate: '2026-11-17', daysRemaining: -3, overdue: true, statusLabel: 'Besluit' }),
            request('b', 'Bram', { termExtended: true, daysRemaining: 1 }),
            request('c', 'Cas', { status: 'DOSSIER', statusLabel: 'TLV-dossier samenstellen', submittedOn: null, decisionDueDate: null, decisionDueExplanation: null, daysRemaining: null, missingItems: 2 }),
          ],
        }),
      ],
      session: { user: ZC_USER },
    });
    const table = await screen.findByRole('table', { name: 'TLV-aanvragen' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['Anna', 'Bram', 'Cas']);
    expect(within(rows[0]).getByRole('link').getAttribute('href')).toBe('/cases/a');
    expect(within(rows[0]).getByText('3 dagen te laat')).toBeTruthy();
    expect(within(rows[0]).getByText(/17 nov\. 2026/)).toBeTruthy();
    expect(within(rows[1]).getByText(/14 dec\. 2026 \(verlengd\)/)).toBeTruthy();
    expect(within(rows[1]).getByText('nog 1 dag')).toBeTruthy();
    expect(within(rows[2]).getByText('Nog niet ingediend')).toBeTruthy();
    expect(within(rows[2]).getByText('Termijn loopt vanaf het complete dossier')).toBeTruthy();
    expect(within(rows[2]).getByText('2')).toBeTruthy();
    // No internal codes on screen.
    expect(screen.queryByText('DOSSIER')).toBeNull();
  });

  it('shows the TLVs that run out with their end date and the herindicatie so far', async () => {
    renderWithProviders(<TlvBoardSection />, {
      mocks: [tlvBoardMock({ expiring: [expiring('d', 'Dewi', { herindicatie: 'AANVRAGEN', herindicatieCaseId: 'tlv-herindicatie-d' }), expiring('e', 'Eva', { endDate: '2027-02-19', daysUntilEnd: 91, status: 'AFGEGEVEN' })] })],
      session: { user: ZC_USER },
    });
    const table = await screen.findByRole('table', { name: 'Aflopende TLV’s' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]).getByRole('link', { name: 'Aangevraagd' }).getAttribute('href')).toBe('/cases/tlv-herindicatie-d');
    expect(within(rows[0]).getByText(/31 jan\. 2027/)).toBeTruthy();
    expect(within(rows[0]).getByText('nog 72 dagen')).toBeTruthy();
    expect(within(rows[1]).getByText('Nog niet besloten')).toBeTruthy();
    expect(screen.getByText('Geen open TLV-aanvragen.')).toBeTruthy();
  });
});
