import { fireEvent, screen, within } from '@testing-library/react';
import { fakeToday } from '../../test-utils/fake-today';
import { makeCase, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { ADMIN_ACTIONS, adminActionUnavailable } from './admin-action-dialog';
import { STUCK_CASES_QUERY } from './stuck-cases.graphql';
import { StuckCasesPage } from './stuck-cases-page';

const ADMIN = { ...ZC_USER, id: 'admin-1', role: 'ADMIN' as const, schoolId: null, schoolName: null };
const STATUTORY = 'De termijn van dit proces is wettelijk en kan niet door beheer worden verlengd.';

const stuck = (id: string, process: 'ZORGPLICHT' | 'ONDERSTEUNINGSTRAJECT') => ({
  __typename: 'StuckCase',
  summary: makeCase({ id, process, stuck: true, stuckReason: 'Besluit ver over de termijn', nextDueDate: '2026-07-01' }),
  reason: 'OVERDUE',
  reasonLabel: 'Termijn ruim verstreken',
  since: '2026-08-01T08:00:00Z',
  lastError: null,
  history: [],
});

describe('StuckCasesPage: the statutory term of the zorgplicht', () => {
  beforeEach(() => fakeToday('2026-11-20T10:00:00+01:00'));
  afterEach(() => jest.useRealTimers());

  it('knows which action a process does not allow', () => {
    const extend = ADMIN_ACTIONS.find((a) => a.mutation === 'adminExtendDueDate')!;
    const close = ADMIN_ACTIONS.find((a) => a.mutation === 'adminCloseCase')!;
    expect(adminActionUnavailable(extend, 'ZORGPLICHT')).toBe(STATUTORY);
    expect(adminActionUnavailable(extend, 'TLV')).toBe(STATUTORY);
    expect(adminActionUnavailable(extend, 'ONDERSTEUNINGSTRAJECT')).toBeNull();
    expect(adminActionUnavailable(close, 'ZORGPLICHT')).toBeNull();
  });

  it('shows "Termijn verlengen" disabled with the reason for a P4 case, and lets the admin close it with a reason', async () => {
    renderWithProviders(<StuckCasesPage />, {
      session: { user: ADMIN },
      mocks: [{ request: { query: STUCK_CASES_QUERY, variables: { schoolId: null } }, result: { data: { stuckCases: [stuck('p4-1', 'ZORGPLICHT'), stuck('p1-1', 'ONDERSTEUNINGSTRAJECT')] } } }],
    });
    await screen.findAllByText('Termijn ruim verstreken');
    const [p4, p1] = screen.getAllByRole('article');
    const extendP4 = within(p4).getByRole('button', { name: 'Termijn verlengen' }) as HTMLButtonElement;
    expect(extendP4.disabled).toBe(true);
    expect(document.getElementById(extendP4.getAttribute('aria-describedby') ?? '')?.textContent).toContain(STATUTORY);
    expect((within(p1).getByRole('button', { name: 'Termijn verlengen' }) as HTMLButtonElement).disabled).toBe(false);
    expect(within(p1).queryByText(new RegExp(STATUTORY))).toBeNull();

    fireEvent.click(within(p4).getByRole('button', { name: 'Casus sluiten' }));
    const dialog = await screen.findByRole('dialog', { name: 'Casus sluiten' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Casus sluiten' }));
    expect(await within(dialog).findByText(/Geef een reden/)).toBeTruthy();
  });
});
