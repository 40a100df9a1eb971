import { fireEvent, screen, within } from '@testing-library/react';
import { fakeToday } from '../../test-utils/fake-today';
import { makeCase, makePupil, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { servedForm } from '../../test-utils/step-forms';
import { DOSSIER_EXPORT_OPTIONS_QUERY } from '../dossier/dossier.graphql';
import { CASE_DOCUMENTS_QUERY, CASE_NOTES_QUERY, CASE_QUERY } from './case.graphql';

import { ZAT_MEETING_QUERY } from './planned-meeting.graphql';
import { CasePage } from './case-page';

function caseMock(overrides: Parameters<typeof makeCase>[0] = {}) {
  return {
    request: { query: CASE_QUERY, variables: { id: 'case-7' } },
    result: {
      data: {
        case: {
          __typename: 'CaseDetail',
          summary: makeCase({ id: 'case-7', ...overrides }),
          policyVersion: 'default-2026.1',
          timeline: [
            {
              __typename: 'TimelineEntry',
              id: 't2',
              at: '2026-11-11T08:30:00Z',
              kind: 'REMINDER',
              actorName: null,
              reason: null as string | null,
              description: 'Herinnering verstuurd aan de zorgcoördinator',
            },
            {
              __typename: 'TimelineEntry',
              id: 't1',
              at: '2026-11-10T09:00:00Z',
              kind: 'STARTED',
              actorName: 'Ilse Bakker',
              reason: null as string | null,
              description: 'Traject gestart',
            },
          ],
          dueDates: [
            {
              __typename: 'DueDateExplanation',
              step: 'RECORD_INTAKE',
              label: 'Intakegesprek en ontwikkeldoel',
              date: '2026-11-24',
              explanation: '10 schooldagen na aanmelding op 10 nov (beleid default-2026.1)',
              state: 'OPEN',
            },
          ],
          openSteps: ['RECORD_INTAKE'],
          openStepLabels: ['Intakegesprek en ontwikkeldoel'],
          // The forms the api serves the caller (the step catalogue's), with whether he may take each.
          stepForms: [servedForm('ONDERSTEUNINGSTRAJECT', 'RECORD_INTAKE'), servedForm('ONDERSTEUNINGSTRAJECT', 'STOP_TRAJECTORY', { open: false })] as unknown[],
          goal: null,
          coachName: null,
          sessions: [],
          hiddenFromParents: false as boolean | null,
          zorgroute: null as null | { __typename: 'ZorgrouteDetail'; parentsExceptionActive: boolean; parentsExceptionReason: string | null; parentsExceptionApprovedBy: string | null },
          consents: [
            {
              __typename: 'ConsentRecord',
              id: 'case-7:consent:IZO_BESPREKING:1',
              caseId: 'case-7',
              kind: 'IZO_BESPREKING',
              label: 'Toestemming voor bespreking in het IZO',
              process: 'ZORGROUTE',
              pupilId: 'pupil-1',
              scope: 'Bespreking in het IZO',
              status: 'PENDING',
              statusLabel: 'Wacht op antwoord',
              requestedAt: '2026-11-12T09:00:00Z',
              respondBy: '2026-11-26',
              decidedAt: null,
              giverName: null,
              method: null,
              pupilMayDecide: false,
              withdrawnAt: null,
              needsEveryGuardian: true,
              missingGivers: [{ __typename: 'ConsentGiver', userId: 'user-vader', name: 'Ruud Veldkamp' }],
            },
          ],
          deliveries: [
            {
              __typename: 'Delivery',
              id: 'd1',
              kind: 'STEP_REMINDER',
              kindLabel: 'Herinnering',
              recipient: 'Marieke Verhoef',
              subject: 'Intake nog niet vastgelegd',
              status: 'SENT',
              statusLabel: 'Verstuurd',
              createdAt: '2026-11-18T07:00:00Z',
              sentAt: '2026-11-18T07:00:05Z',
              attempts: 1,
              lastError: null,
            },
          ],
        },
      },
    },
  };
}

/** The api's answer for the zorgcoördinator: the PDF, and the JSON with a reason. */
const exportOptions = {
  request: { query: DOSSIER_EXPORT_OPTIONS_QUERY, variables: { pupilId: 'pupil-1' } },
  result: { data: { dossierExportOptions: { __typename: 'DossierExportOptions', formats: ['pdf', 'json'], reasonRequired: ['json'], refusal: null } } },
};

const documentsMock = {
  request: { query: CASE_DOCUMENTS_QUERY, variables: { caseId: 'case-7' } },
  result: {
    data: {
      caseDocuments: [
        {
          __typename: 'CaseDocument',
          id: 'doc-1',
          caseId: 'case-7',
          kind: 'ZORGPLICHT_BESLUIT',
          kindLabel: 'Brief: besluit over de aanmelding',
          fileName: 'besluitbrief.pdf',
          contentType: 'application/pdf',
          sizeBytes: 20480,
          createdAt: '2026-11-19T10:00:00Z',
          downloadPath: '/documents/doc-1',
          source: 'GENERATED',
          audiences: ['SCHOOL', 'PARENTS'],
          uploadedByName: null,
        },
      ],
    },
  },
};

const notesMock = {
  request: { query: CASE_NOTES_QUERY, variables: { caseId: 'case-7' } },
  result: { data: { caseNotes: [] } },
  maxUsageCount: 10,
};

describe('CasePage', () => {
  beforeEach(() => fakeToday('2026-11-20T10:00:00+01:00'));
  afterEach(() => jest.useRealTimers());

  it('shows header, due dates with explanation, timeline, consents, reminders, documents and open steps', async () => {
    renderWithProviders(<CasePage />, {
      mocks: [caseMock(), documentsMock, notesMock, exportOptions],

      session: { user: ZC_USER },
      path: '/cases/:id',
      route: '/cases/case-7',
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sanne de Vries' })).toBeTruthy();
    expect(document.title).toBe('Sanne de Vries – Ondersteuningstraject · Zorgroute');
    expect(screen.getByTestId('case-status').textContent).toBe('Status: Aangemeld');
    // The api answers temporalUrl null for everyone but a platform administrator: no link into the Temporal Web UI.
    expect(screen.queryByRole('link', { name: /Bekijk in Temporal/ })).toBeNull();
    expect(screen.getByText('10 schooldagen na aanmelding op 10 nov (beleid default-2026.1)')).toBeTruthy();
    // The deadline is named by the API's Dutch label.
    expect(screen.getByRole('heading', { level: 3, name: 'Intakegesprek en ontwikkeldoel' })).toBeTruthy();
    expect(screen.getByText('over 4 dagen')).toBeTruthy();
    expect(screen.queryByText('Deze casus is vastgelopen')).toBeNull();

    const timeline = screen.getAllByRole('listitem').filter((li) => li.closest('ol'));
    expect(timeline.map((li) => li.textContent)).toEqual([
      expect.stringContaining('Traject gestart'),
      expect.stringContaining('Herinnering verstuurd'),
    ]);
    expect(timeline[0].textContent).toContain('Ilse Bakker');

    expect(screen.getByText('Toestemming voor bespreking in het IZO')).toBeTruthy();
    // Custody: the parents disagree, and the case says whose answer is still missing.
    expect(screen.getByText(/alle ouders met gezag moeten toestemming geven\. Wacht nog op: Ruud Veldkamp\./)).toBeTruthy();
    expect(screen.getByText(/Intake nog niet vastgelegd/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Brief: besluit over de aanmelding' })).toBeTruthy();
    expect(screen.getByText(/donderdag 19 november 2026 · besluitbrief\.pdf/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Terug naar dashboard' }).getAttribute('href')).toBe('/');
    expect(screen.queryByTestId('parents-exception')).toBeNull();

    // A button for the open step and for stopping; the step opens a form that checks its fields.
    expect(screen.getByRole('button', { name: 'Traject stoppen' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Intakegesprek vastleggen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Intakegesprek vastleggen' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Intake opslaan' }));
    expect(await within(dialog).findByText(/Vul in: ontwikkeldoel van de leerling/)).toBeTruthy();
  });

  it('offers the dossier in the pupil section to the zorgcoördinator, not to a mentor, and shows reasons in the timeline', async () => {
    const mock = caseMock({ stuck: false });
    mock.result.data.case.timeline[0] = { ...mock.result.data.case.timeline[0], description: 'Casus gesloten door beheer', reason: 'Dubbele aanmelding' };
    const { unmount } = renderWithProviders(<CasePage />, { mocks: [mock, documentsMock, notesMock, exportOptions], session: { user: ZC_USER }, path: '/cases/:id', route: '/cases/case-7' });
    expect(await screen.findByRole('button', { name: 'Dossier downloaden (PDF)' }, { timeout: 10_000 })).toBeTruthy();

    expect(screen.getByRole('button', { name: 'Dossier downloaden (JSON)' })).toBeTruthy();
    expect(screen.getByText('Reden: Dubbele aanmelding')).toBeTruthy();
    unmount();

    renderWithProviders(<CasePage />, { mocks: [caseMock(), documentsMock, notesMock], session: { user: { ...ZC_USER, role: 'MENTOR' } }, path: '/cases/:id', route: '/cases/case-7' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sanne de Vries' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Dossier downloaden/ })).toBeNull();
  });

  it('links to the Temporal Web UI only when the api gives the link (platform administrators)', async () => {
    const temporalUrl = 'http://127.0.0.1:8233/namespaces/default/workflows/case-7';
    renderWithProviders(<CasePage />, {
      mocks: [caseMock({ temporalUrl }), documentsMock, notesMock],
      session: { user: { ...ZC_USER, role: 'ADMIN', schoolId: null, schoolName: null } },
      path: '/cases/:id',
      route: '/cases/case-7',
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sanne de Vries' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Bekijk in Temporal/ }).getAttribute('href')).toBe(temporalUrl);
  });

  it('renders for a parent and for the SWV without the delivery log (null from the api), and letters only for the parent', async () => {
    const forFamily = () => {
      const mock = caseMock();
      const detail = mock.result.data.case as Record<string, unknown>;
      detail.deliveries = null;
      detail.hiddenFromParents = null;
      return mock;
    };
    const parent = { ...ZC_USER, id: 'user-parent', role: 'PARENT' as const, schoolId: null };
    const { unmount } = renderWithProviders(<CasePage />, { mocks: [forFamily(), documentsMock, notesMock], session: { user: parent }, path: '/cases/:id', route: '/cases/case-7' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sanne de Vries' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Verstuurde berichten en herinneringen' })).toBeNull();
    expect(await screen.findByRole('button', { name: 'Brief: besluit over de aanmelding' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Terug naar het overzicht' }).getAttribute('href')).toBe('/mijn');
    unmount();

    const swv = { ...ZC_USER, id: 'user-swv', role: 'SWV_MEDEWERKER' as const, schoolId: null };
    renderWithProviders(<CasePage />, { mocks: [forFamily(), { ...documentsMock, result: { data: { caseDocuments: [] } } }, notesMock], session: { user: swv }, path: '/cases/:id', route: '/cases/case-7' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sanne de Vries' })).toBeTruthy();
    // The SWV lists only documents shared with it (none here), and uploads nothing.
    expect(await screen.findByText('Nog geen documenten.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Brief: besluit over de aanmelding' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Document toevoegen' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Notitie toevoegen' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Verstuurde berichten en herinneringen' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Terug naar zorgplicht' }).getAttribute('href')).toBe('/swv');
  });

  it('tells the school that a case is kept from the parents; the zorgcoördinator lifts the exception with a reason', async () => {
    const hidden = (mayLift: boolean) => {
      const mock = caseMock({ process: 'ZORGROUTE', status: 'VOORGESPREK', statusLabel: 'Voorgesprek ouders en leerling' });
      mock.result.data.case.stepForms = [servedForm('ZORGROUTE', 'LIFT_PARENTS_EXCEPTION', { open: false, mayTake: mayLift })];
      mock.result.data.case.hiddenFromParents = true;
      mock.result.data.case.zorgroute = { __typename: 'ZorgrouteDetail', parentsExceptionActive: true, parentsExceptionReason: 'Onveilige thuissituatie', parentsExceptionApprovedBy: 'Ilse Bakker' };
      mock.result.data.case.openSteps = [];
      mock.result.data.case.openStepLabels = [];
      return mock;
    };
    const zatMeeting = () => ({
      request: { query: ZAT_MEETING_QUERY, variables: { id: 'case-7' } },
      result: { data: { case: { __typename: 'CaseDetail', summary: { __typename: 'CaseSummary', id: 'case-7' }, zorgroute: { __typename: 'ZorgrouteDetail', zatMeeting: null } } } },
    });
    const { unmount } = renderWithProviders(<CasePage />, { mocks: [hidden(true), documentsMock, notesMock, zatMeeting()], session: { user: ZC_USER }, path: '/cases/:id', route: '/cases/case-7' });
    const panel = await screen.findByTestId('parents-exception');
    expect(panel.textContent).toContain('Verborgen voor de ouders');
    expect(panel.textContent).toContain('Reden: Onveilige thuissituatie (goedgekeurd door Ilse Bakker)');
    fireEvent.click(within(panel).getByRole('button', { name: 'Uitzondering opheffen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Uitzondering opheffen' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Uitzondering opheffen' }));
    expect(await within(dialog).findByText(/Vul in: reden/)).toBeTruthy();
    // Its one place is the panel: "Open stappen" does not offer it a second time.
    expect(document.querySelector('[data-step="LIFT_PARENTS_EXCEPTION"]')).toBeNull();
    unmount();

    renderWithProviders(<CasePage />, { mocks: [hidden(false), documentsMock, notesMock, zatMeeting()], session: { user: { ...ZC_USER, role: 'MENTOR' } }, path: '/cases/:id', route: '/cases/case-7' });
    const forMentor = await screen.findByTestId('parents-exception');
    expect(within(forMentor).queryByRole('button', { name: 'Uitzondering opheffen' })).toBeNull();
  });

  it('shows the stuck banner with its reason', async () => {
    renderWithProviders(<CasePage />, {
      mocks: [caseMock({ stuck: true, stuckReason: 'Intake 10 schooldagen te laat' }), documentsMock, notesMock],
      session: { user: ZC_USER },
      path: '/cases/:id',
      route: '/cases/case-7',
    });
    expect(await screen.findByText('Deze casus is vastgelopen')).toBeTruthy();
    expect(screen.getByText('Intake 10 schooldagen te laat')).toBeTruthy();
  });

  it('shows that the pupil is no longer enrolled (a leaver of the import)', async () => {
    renderWithProviders(<CasePage />, {
      mocks: [caseMock({ pupil: makePupil({ leftAt: '2026-11-02T10:00:00Z' }) }), documentsMock, notesMock],
      session: { user: ZC_USER },
      path: '/cases/:id',
      route: '/cases/case-7',
    });
    expect((await screen.findByTestId('pupil-left-banner')).textContent).toMatch(/Leerling staat niet meer ingeschreven \(uitgeschreven op maandag 2 november 2026\)/);
  });

  it('shows the API error when the case does not exist', async () => {
    renderWithProviders(<CasePage />, {
      mocks: [
        {
          request: { query: CASE_QUERY, variables: { id: 'case-7' } },
          result: { errors: [{ message: 'Casus niet gevonden.', extensions: { code: 'NOT_FOUND' } }] },
        },
      ],
      session: { user: ZC_USER },
      path: '/cases/:id',
      route: '/cases/case-7',
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Casus niet gevonden.');
  });
});
