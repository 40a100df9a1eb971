import { screen } from '@testing-library/react';
import { type ConsentFieldsFragment } from '../../gql/graphql';
import { makeCase, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { CaseProgressCard } from './case-progress-card';
import { ConsentRequestCard } from './consent-request-card';
import { CASE_PROGRESS_QUERY } from './my-cases.graphql';

const PARENT = { ...ZC_USER, role: 'PARENT' as const };
const PUPIL = { ...ZC_USER, role: 'PUPIL' as const };

const request: ConsentFieldsFragment = {
  id: 'r-1',
  caseId: 'case-1',
  kind: 'IZO',
  label: 'Bespreking in het intern zorgoverleg',
  process: 'ZORGROUTE',
  pupilId: 'pupil-1',
  scope: 'Bespreken van de hulpvraag in het IZO',
  status: 'PENDING',
  statusLabel: 'Gevraagd',
  requestedAt: '2026-11-10T09:00:00.000Z',
  respondBy: '2026-11-24',
  decidedAt: null,
  giverName: null,
  method: null,
  scanDocumentId: null,
  pupilMayDecide: true,
  withdrawnAt: null,
};

/** The case's progress as the api answers it, with one step form and whether the caller may take it. */
const progress = (step: string, mayTake: boolean) => ({
  request: { query: CASE_PROGRESS_QUERY, variables: { id: 'case-1' } },
  result: {
    data: {
      case: {
        __typename: 'CaseDetail',
        summary: { __typename: 'CaseSummary', id: 'case-1' },
        goal: 'Rustiger worden voor een toets',
        coachName: null,
        openSteps: [step],
        sessions: [],
        stepForms: [{ __typename: 'StepForm', step, mayTake }],
      },
    },
  },
});

describe('the family portal speaks the family’s language (issue 17.6)', () => {
  it('shows a zorgplicht case to the parents without the internal status and without goal or thermometer', () => {
    const zorgplicht = makeCase({ process: 'ZORGPLICHT', status: 'TERUG_NAAR_AANMELDER', statusLabel: 'Terug naar aanmelder' });
    renderWithProviders(<CaseProgressCard summary={zorgplicht} today="2026-11-20" staff={false} />, { session: { user: PARENT } });
    expect(screen.queryByText('Terug naar aanmelder')).toBeNull();
    expect(screen.queryByText(/Nog geen doel/)).toBeNull();
    expect(screen.queryByText(/thermometer/i)).toBeNull();
    expect(screen.getByText('De school houdt u op de hoogte per e-mail; brieven vindt u hieronder.')).toBeTruthy();
  });

  it('keeps the goal and the chart for a trajectory, and the status for staff', async () => {
    const trajectory = makeCase({ status: 'ACTIEF', statusLabel: 'Actief' });
    renderWithProviders(<CaseProgressCard summary={trajectory} today="2026-11-20" staff={true} />, { session: { user: ZC_USER }, mocks: [progress('LOG_SESSION', true)] });
    expect(await screen.findByText('Rustiger worden voor een toets')).toBeTruthy();
    expect(screen.getByText('Actief')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sessie vastleggen' })).toBeTruthy();
  });

  it('offers "Contact vastleggen" on a JOS case only to who may take it (issue 17.3)', async () => {
    const jos = makeCase({ process: 'JOS', status: 'ACTIEF', statusLabel: 'Actief' });
    const { unmount } = renderWithProviders(<CaseProgressCard summary={jos} today="2026-11-20" staff={true} />, { session: { user: { ...ZC_USER, role: 'MENTOR' } }, mocks: [progress('LOG_CONTACT', false)] });
    expect(await screen.findByText('Rustiger worden voor een toets')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Contact vastleggen' })).toBeNull();
    unmount();
    renderWithProviders(<CaseProgressCard summary={jos} today="2026-11-20" staff={true} />, { session: { user: { ...ZC_USER, role: 'JOS_MEDEWERKER' } }, mocks: [progress('LOG_CONTACT', true)] });
    expect(await screen.findByRole('button', { name: 'Contact vastleggen' })).toBeTruthy();
  });

  it('addresses the pupil with "je" and the parents with "u"', () => {
    const { unmount } = renderWithProviders(<ConsentRequestCard request={request} onAnswered={() => undefined} isPupil />, { session: { user: PUPIL } });
    expect(screen.getByText('Waarvoor vragen wij jouw toestemming?')).toBeTruthy();
    expect(screen.getByText(/^Je kunt je toestemming later altijd weer intrekken/)).toBeTruthy();
    expect(screen.queryByText(/\b[Uu]w?\b/)).toBeNull();
    unmount();
    renderWithProviders(<ConsentRequestCard request={request} onAnswered={() => undefined} />, { session: { user: PARENT } });
    expect(screen.getByText('Waarvoor vragen wij uw toestemming?')).toBeTruthy();
  });
});
