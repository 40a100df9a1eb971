import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeToday } from '../../test-utils/fake-today';
import { makeCase, makePupil, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { servedForm } from '../../test-utils/step-forms';
import { TAKE_STEP_MUTATION } from '../case-steps/step-form.graphql';
import { OOV_CASE_QUERY, OOV_CASES_QUERY } from './oov-board.graphql';
import { OovBoardPage } from './oov-board-page';

const SWV_USER = { ...ZC_USER, id: 'swv-1', name: 'Anouk Terpstra', role: 'SWV_MEDEWERKER' as const, schoolId: null, schoolName: null };

const awaiting = makeCase({ id: 'oov-a', process: 'OOV', status: 'BESLUIT_SWV', statusLabel: 'Besluit SWV', waitingFor: 'OOV_SWV_DECISION', nextDueDate: '2026-12-04', pupil: makePupil({ id: 'p1', displayName: 'Sem de Groot' }) });
const placed = makeCase({ id: 'oov-b', process: 'OOV', status: 'GEPLAATST', statusLabel: 'Geplaatst', waitingFor: 'OOV_MID_EVALUATION', nextDueDate: '2026-12-01', pupil: makePupil({ id: 'p2', displayName: 'Milan Jansen' }) });

/** The OOV record of a case as the api answers it, with the forms of the steps the case offers the caller. */
const record = (id: string, extra: Record<string, unknown>, stepForms: unknown[] = []) => ({
  request: { query: OOV_CASE_QUERY, variables: { id } },
  maxUsageCount: 3,
  result: {
    data: {
      oovCase: {
        __typename: 'OovCase',
        detail: { __typename: 'CaseDetail', summary: { __typename: 'CaseSummary', id }, stepForms },
        enrolledAtSchoolName: 'Daltoncollege',
        requests: [],
        decisions: [],
        periods: [],
        evaluations: [],
        location: null,
        startDate: null,
        endDate: null,
        ...extra,
      },
    },
  },
});

/** The board's answers; the api says whether the caller may take the SWV's decision (the SWV: yes; a school: no). */
const mocksFor = (mayDecide: boolean) => [
  { request: { query: OOV_CASES_QUERY }, maxUsageCount: 3, result: { data: { cases: [placed, awaiting] } } },
  record(
    'oov-a',
    {
      requests: [
        { __typename: 'OovRequest', round: 1, reasons: ['SCHOOLANGST'], arrangement: 'OBSERVATIE_6W', arrangementLabel: 'observatietraject (6 weken)', preferredLocation: 'Gouda', motivation: 'Thuiszitter sinds zes weken', goals: 'Weer naar school', submittedOn: '2026-11-20', extension: false },
      ],
    },
    [servedForm('OOV', 'OOV_SWV_DECISION', { mayTake: mayDecide }), servedForm('OOV', 'STOP_OOV', { mayTake: !mayDecide })],
  ),
  record('oov-b', {
    decisions: [{ __typename: 'OovSwvDecision', round: 1, decision: 'TOEGEKEND', arrangement: 'OBS_BEHANDEL_3M', location: 'OOV Gouda', decidedOn: '2026-10-01' }],
    periods: [
      { __typename: 'OovPeriod', round: 1, arrangement: 'OBS_BEHANDEL_3M', arrangementLabel: 'observatie- en behandeltraject (3 maanden)', location: 'OOV Gouda', startDate: '2026-10-05', endDate: '2027-01-05', midEvaluationDate: '2026-11-18', endEvaluationDate: '2026-12-15' },
    ],
    evaluations: [{ __typename: 'OovEvaluation', round: 1, kind: 'HALVERWEGE', date: '2026-11-18' }],
  }),
];

describe('OovBoardPage', () => {
  beforeEach(() => fakeToday('2026-11-20T10:00:00+01:00'));
  afterEach(() => jest.useRealTimers());

  it('shows the SWV the requests awaiting its decision and the current placements', async () => {
    renderWithProviders(<OovBoardPage />, { mocks: mocksFor(true), session: { user: SWV_USER } });
    const request = await screen.findByRole('article', { name: 'Sem de Groot' });
    expect(await within(request).findByText('Thuiszitter sinds zes weken')).toBeTruthy();
    expect(within(request).getByText('Schoolangst')).toBeTruthy();
    expect(within(request).getByRole('button', { name: 'Besluit vastleggen' })).toBeTruthy();
    expect(document.title).toBe('OOV-aanvragen en plaatsingen · Zorgroute');

    const table = screen.getByRole('table', { name: /Lopende OOV-trajecten/ });
    const row = within(table).getByRole('row', { name: /Milan Jansen/ });
    expect(await within(row).findByText('OOV Gouda')).toBeTruthy();
    expect(within(row).getByText('observatie- en behandeltraject (3 maanden)')).toBeTruthy();
    expect(within(row).getByText(/Evaluatie voor het einde/)).toBeTruthy();
    expect(within(row).queryByText(/Evaluatie halverwege/)).toBeNull();
  });

  it('lets a school’s zorgcoördinator follow a request without deciding it: the decision is a status chip', async () => {
    renderWithProviders(<OovBoardPage />, { mocks: mocksFor(false), session: { user: ZC_USER } });
    const request = await screen.findByRole('article', { name: 'Sem de Groot' });
    const chip = await within(request).findByText('Besluit van het SWV over de OOV-aanvraag');
    expect(chip.closest('.MuiChip-root')).toBeTruthy();
    expect(within(request).queryByRole('button')).toBeNull();
  });

  it('follows the api, not the role: an SWV employee the api does not let decide gets no button', async () => {
    renderWithProviders(<OovBoardPage />, { mocks: mocksFor(false), session: { user: SWV_USER } });
    const request = await screen.findByRole('article', { name: 'Sem de Groot' });
    expect(await within(request).findByText('Besluit van het SWV over de OOV-aanvraag')).toBeTruthy();
    expect(within(request).queryByRole('button', { name: 'Besluit vastleggen' })).toBeNull();
  });

  it('lets the SWV decide with the catalogue form the api serves, sent with takeStep', async () => {
    const take = jest.fn(() => ({ data: { takeStep: { __typename: 'CaseSummary', id: 'oov-a', status: 'INTAKE' } } }));
    const input = { decision: 'AFGEWEZEN', motivation: 'Eerst de interne ondersteuning afmaken' };
    renderWithProviders(<OovBoardPage />, {
      mocks: [...mocksFor(true), { request: { query: TAKE_STEP_MUTATION, variables: { caseId: 'oov-a', step: 'OOV_SWV_DECISION', input } }, result: take }],
      session: { user: SWV_USER },
    });
    const request = await screen.findByRole('article', { name: 'Sem de Groot' });
    fireEvent.click(await within(request).findByRole('button', { name: 'Besluit vastleggen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Besluit over de OOV-aanvraag' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Besluit vastleggen' }));
    expect(await within(dialog).findByText('Vul in: besluit')).toBeTruthy();
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: /^Besluit/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Afgewezen' }));
    expect(within(dialog).queryByLabelText(/Locatie van de OOV/)).toBeNull();
    fireEvent.change(within(dialog).getByLabelText(/^Motivering/), { target: { value: input.motivation } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Besluit vastleggen' }));
    await waitFor(() => expect(take).toHaveBeenCalled());
  });
});
