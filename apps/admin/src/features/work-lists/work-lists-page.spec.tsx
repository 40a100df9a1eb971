import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeToday } from '../../test-utils/fake-today';
import { makeCase, makePupil, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { STAFF_QUERY } from '../case-steps/step-mutations.graphql';
import { validateReassign } from './reassign-steps-dialog';
import { REASSIGN_OPEN_STEPS_MUTATION, SAVE_WORK_LIST_MUTATION, WORK_LIST_ITEMS_QUERY, WORK_LISTS_QUERY } from './work-lists.graphql';
import { WorkListsPage } from './work-lists-page';

const filter = (f: Record<string, unknown>) => ({ __typename: 'WorkListFilter', mine: null, ownerId: null, ownerUnavailable: null, overdue: null, lateThisWeek: null, process: null, pupilLeft: null, stuck: null, ...f });
const list = (id: string, name: string, count: number, f: Record<string, unknown>, builtIn = true) => ({ __typename: 'WorkList', id, name, description: null, builtIn, count, filter: filter(f) });
const LISTS = {
  request: { query: WORK_LISTS_QUERY, variables: {} },
  result: { data: { workLists: [list('mijn-open-stappen', 'Mijn open stappen', 0, { mine: true }), list('eigenaar-vertrokken', 'Eigenaar vertrokken', 2, { ownerUnavailable: true })] } },
};
const item = (id: string, name: string, leftAt: string | null = null) => ({
  __typename: 'WorkListItem',
  ownerId: 'mentor-gone',
  ownerUnavailable: true,
  case: makeCase({ id, pupil: makePupil({ id: `p-${id}`, displayName: name, leftAt }), ownerName: 'Mentor Vertrokken' }),
});
const ITEMS = {
  request: { query: WORK_LIST_ITEMS_QUERY, variables: { filter: { ownerUnavailable: true } } },
  result: { data: { workListItems: [item('c-1', 'Anouk Smit'), item('c-2', 'Bas Vos', '2026-11-02T10:00:00Z')] } },
};
const STAFF = {
  request: { query: STAFF_QUERY, variables: { schoolId: 'school-1' } },
  result: { data: { staffMembers: [{ __typename: 'StaffMember', id: 'coach-1', name: 'Fatima El Idrissi', role: 'COACH', schoolId: 'school-1' }] } },
};

describe('WorkListsPage', () => {
  beforeEach(() => fakeToday('2026-11-20T10:00:00+01:00'));
  afterEach(() => jest.useRealTimers());

  it('requires a new owner and a reason before anything is sent', () => {
    expect(validateReassign('', '')).toEqual({ owner: 'Kies de nieuwe eigenaar.', reason: expect.stringMatching(/Geef een reden/) });
    expect(validateReassign('u-1', 'ok')).toEqual({ reason: expect.stringMatching(/Geef een reden/) });
    expect(validateReassign('u-1', 'x'.repeat(1001))).toEqual({ reason: 'De reden mag hoogstens 1000 tekens lang zijn.' });
    expect(validateReassign('u-1', 'Mentor vertrokken')).toEqual({});
  });

  it('shows the lists with their counts, marks a pupil who left, and hands the chosen steps over with a reason, reporting a case that failed', async () => {
    const reassign = {
      request: { query: REASSIGN_OPEN_STEPS_MUTATION, variables: { input: { caseIds: ['c-1', 'c-2'], newOwnerId: 'coach-1', reason: 'Mentor vertrokken' } } },
      result: {
        data: {
          reassignOpenSteps: {
            __typename: 'ReassignOpenStepsResult',
            reassigned: 1,
            failed: 1,
            results: [
              { __typename: 'ReassignedStep', caseId: 'c-1', ok: true, code: null, message: null },
              { __typename: 'ReassignedStep', caseId: 'c-2', ok: false, code: 'CASE_CLOSED', message: 'Deze casus is al afgesloten' },
            ],
          },
        },
      },
    };
    renderWithProviders(<WorkListsPage />, {
      session: { user: ZC_USER },
      route: '/werklijsten?lijst=eigenaar-vertrokken',
      path: '/werklijsten',
      mocks: [LISTS, ITEMS, STAFF, reassign, LISTS, ITEMS],
    });
    const nav = await screen.findByRole('navigation', { name: 'Werklijsten' });
    expect(within(nav).getByText('Mijn open stappen')).toBeTruthy();
    expect(within(nav).getByLabelText('2 open stappen')).toBeTruthy();
    // A list holds list items only (axe's "list" rule, found by the browser test).
    expect([...(nav.querySelector('ul') as HTMLUListElement).children].map((c) => c.tagName)).toEqual(['LI', 'LI']);
    const table = await screen.findByRole('table', { name: 'Open stappen' });
    expect(within(table).getAllByText('Vertrokken of gewijzigd')).toHaveLength(2);
    expect(within(table).getAllByTestId('pupil-left-chip')).toHaveLength(1);

    const handOver = screen.getByRole('button', { name: /Stappen overdragen/ }) as HTMLButtonElement;
    expect(handOver.disabled).toBe(true);
    fireEvent.click(within(table).getByRole('checkbox', { name: 'Alle casussen kiezen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Stappen overdragen (2)' }));

    const dialog = await screen.findByRole('dialog', { name: 'Stappen overdragen' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Overdragen' }));
    expect(await within(dialog).findByText('Kies de nieuwe eigenaar.')).toBeTruthy();
    const reasonProblem = within(dialog).getByText('Geef een reden (minstens 3 tekens); die komt in het auditlog van elke casus.');
    const reason = within(dialog).getByRole('textbox', { name: /Reden/ });
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(reason.getAttribute('aria-describedby')).toBe(reasonProblem.id);
    // Nothing was sent: the only reassignOpenSteps mock is still unused (the result below comes from it).
    expect(within(dialog).queryByText(/overgedragen/)).toBeNull();
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: /Nieuwe eigenaar/ }));
    fireEvent.click(await screen.findByRole('option', { name: /Fatima El Idrissi/ }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Reden/ }), { target: { value: ' Mentor vertrokken ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Overdragen' }));

    expect(await within(dialog).findByText(/1 stap overgedragen/, undefined, { timeout: 10_000 })).toBeTruthy();
    const failed = within(dialog).getByRole('list', { name: 'Niet overgedragen' });
    expect(failed.textContent).toContain('Bas Vos');
    expect(failed.textContent).toContain('Deze casus is al afgesloten');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sluiten' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }, 60_000);

  it('offers no hand-over to a teamleider (the api refuses it too)', async () => {
    renderWithProviders(<WorkListsPage />, {
      session: { user: { ...ZC_USER, role: 'TEAMLEIDER' } },
      route: '/werklijsten?lijst=eigenaar-vertrokken',
      path: '/werklijsten',
      mocks: [LISTS, ITEMS],
    });
    const table = await screen.findByRole('table', { name: 'Open stappen' });
    expect(within(table).queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /Stappen overdragen/ })).toBeNull();
  });
});

// Real timers: the form needs no fixed day.
describe('the new work list form', () => {
  it('saves a new work list only with a name and at least one condition, then shows it with one request per list', async () => {
    const sent: unknown[] = [];
    // Every request the page makes, in order: a save asks the lists once more and the new list's items once, nothing else.
    const requests: string[] = [];
    const own = list('wl-1', 'Mijn te late stappen', 0, { mine: true, overdue: true }, false);
    const lists = (workLists: unknown[]) => () => (requests.push('WorkLists'), { data: { workLists } });
    const items = { request: { query: WORK_LIST_ITEMS_QUERY, variables: () => true }, maxUsageCount: 50, result: (v: { filter: unknown }) => (requests.push(`WorkListItems ${JSON.stringify(v.filter)}`), { data: { workListItems: [] } }) };
    renderWithProviders(<WorkListsPage />, {
      session: { user: ZC_USER },
      route: '/werklijsten',
      path: '/werklijsten',
      mocks: [
        { request: LISTS.request, result: lists(LISTS.result.data.workLists) },
        items,
        {
          request: {
            query: SAVE_WORK_LIST_MUTATION,
            variables: (vars: unknown) => {
              sent.push(vars);
              return true;
            },
          },
          result: () => (requests.push('SaveWorkList'), { data: { saveWorkList: { __typename: 'WorkList', id: 'wl-1' } } }),
        },
        { request: LISTS.request, result: lists([...LISTS.result.data.workLists, own]) },
      ],
    });
    const form = await screen.findByRole('form', { name: 'Eigen werklijst bewaren' });
    fireEvent.click(within(form).getByRole('button', { name: 'Bewaren' }));
    const nameProblem = await within(form).findByText('Geef de werklijst een naam.');
    const name = within(form).getByRole('textbox', { name: /Naam/ });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toBe(nameProblem.id);
    const conditionsProblem = within(form).getByText('Kies ten minste één voorwaarde.');
    const conditions = within(form).getByRole('group', { name: 'Voorwaarden' });
    expect(conditions.getAttribute('aria-describedby')).toBe(conditionsProblem.id);
    expect(within(conditions).getByRole('checkbox', { name: 'Te laat' }).getAttribute('aria-invalid')).toBe('true');

    // Spaces are no name; a name without a condition is no list either.
    fireEvent.change(name, { target: { value: '   ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Bewaren' }));
    expect(await within(form).findByText('Geef de werklijst een naam.')).toBeTruthy();
    fireEvent.change(name, { target: { value: ' Mijn te late stappen ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Bewaren' }));
    await waitFor(() => expect(within(form).queryByText('Geef de werklijst een naam.')).toBeNull());
    expect(within(form).getByText('Kies ten minste één voorwaarde.')).toBeTruthy();
    expect(sent).toEqual([]);

    // Ticked in any order, the filter holds the chosen conditions.
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Te laat' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Mijn stappen' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Bewaren' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Mijn te late stappen' })).toBeTruthy();
    expect(await screen.findByText('Geen open stappen in deze werklijst.')).toBeTruthy();
    expect(sent).toEqual([{ input: { name: 'Mijn te late stappen', filter: { mine: true, overdue: true } } }]);
    // Settled: the old list is not asked again and the new one only once (it was fetched over and over when the list
    // followed only the URL, which the router changes in an interruptible transition).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(requests).toEqual(['WorkLists', 'WorkListItems {"mine":true}', 'SaveWorkList', 'WorkLists', 'WorkListItems {"mine":true,"overdue":true}']);
    // The form is empty again for the next list.
    expect((within(form).getByRole('textbox', { name: /Naam/ }) as HTMLInputElement).value).toBe('');
    expect((within(form).getByRole('checkbox', { name: 'Te laat' }) as HTMLInputElement).checked).toBe(false);
  }, 60_000);
});
