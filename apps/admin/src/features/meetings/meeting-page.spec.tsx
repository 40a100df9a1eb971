import { fireEvent, screen } from '@testing-library/react';
import type { MeetingCaseFieldsFragment, MeetingFieldsFragment } from '../../gql/graphql';
import { fakeToday } from '../../test-utils/fake-today';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders, type RenderOptions } from '../../test-utils/render';
import { MEETING_QUERY, RECORD_MEETING_MINUTES_MUTATION } from './meetings.graphql';
import { MeetingPage } from './meeting-page';

// A ZAT meeting held three days before "today": the zorgcoördinator records its minutes.
const MEETING_ID = 'meeting-zat-17';

const meeting = (over: Partial<MeetingFieldsFragment> = {}): MeetingFieldsFragment & { __typename: 'Meeting' } => ({
  __typename: 'Meeting',
  id: MEETING_ID,
  schoolId: ZC_USER.schoolId ?? '',
  schoolName: ZC_USER.schoolName ?? '',
  kind: 'ZAT',
  kindLabel: 'ZAT-overleg',
  schoolYear: '2026-2027',
  date: '2026-11-17',
  time: '14:30',
  location: 'kamer 12',
  cancelled: false,
  cancelReason: null,
  agendaRounds: 1,
  agendaSentAt: '2026-11-10T09:00:00.000Z',
  minutes: null,
  minutesRecordedAt: null,
  caseCount: 3,
  ...over,
});

const meetingCase = (caseId: string, pupilName: string, className: string): MeetingCaseFieldsFragment & { __typename: 'MeetingCase' } => ({
  __typename: 'MeetingCase',
  caseId,
  pupilId: `pupil-${caseId}`,
  pupilName,
  className,
  status: 'RUNNING',
  statusLabel: 'Loopt',
  plannedDate: '2026-11-17',
});

const CASES = [meetingCase('case-a', 'Fenna Klaassen', '2B'), meetingCase('case-b', 'Jurre Wolters', '3A'), meetingCase('case-c', 'Lotte Brouwer', '1C')];

const detail = (over: Partial<MeetingFieldsFragment> = {}) => ({
  meeting: { __typename: 'MeetingDetail', meeting: meeting(over), cases: CASES, candidates: [], agendaRecipientCount: 4 },
});

const meetingMock = (data: ReturnType<typeof detail>) => ({ request: { query: MEETING_QUERY, variables: { id: MEETING_ID } }, result: { data } });

const recorded = () => ({
  data: { recordMeetingMinutes: { __typename: 'MeetingDetail', meeting: { __typename: 'Meeting', id: MEETING_ID } } },
});

const render = (mocks: RenderOptions['mocks']) =>
  renderWithProviders(<MeetingPage />, { session: { user: ZC_USER }, route: `/overleggen/${MEETING_ID}`, path: '/overleggen/:id', mocks });

const type = (label: string, value: string) => fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } });

describe('MeetingPage minutes (Verslag)', () => {
  beforeEach(() => fakeToday('2026-11-20T10:00:00+01:00'));
  afterEach(() => jest.useRealTimers());

  it('sends the trimmed minutes with one note per case that has one, then shows that it was saved', async () => {
    const expectedInput = {
      meetingId: MEETING_ID,
      minutes: 'Drie leerlingen besproken; afspraken staan bij de notities.',
      caseNotes: [
        { caseId: 'case-a', note: 'Mentor belt ouders deze week.' },
        { caseId: 'case-c', note: 'Over zes weken opnieuw bespreken.' },
      ],
    };
    const mutation = jest.fn(recorded);
    const mocks = [
      meetingMock(detail()),
      { request: { query: RECORD_MEETING_MINUTES_MUTATION, variables: { input: expectedInput } }, result: mutation },
      // The refetch after saving: the minutes are now recorded.
      meetingMock(detail({ minutes: expectedInput.minutes, minutesRecordedAt: '2026-11-20T09:00:00.000Z' })),
    ];
    render(mocks);
    expect(await screen.findByRole('form', { name: 'Verslag' })).toBeTruthy();
    type('Verslag van het overleg', '  Drie leerlingen besproken; afspraken staan bij de notities.\n');
    type('Notitie over Fenna Klaassen', ' Mentor belt ouders deze week. ');
    // Jurre gets no note (only spaces): he is left out of caseNotes.
    type('Notitie over Jurre Wolters', '   ');
    type('Notitie over Lotte Brouwer', 'Over zes weken opnieuw bespreken.');
    fireEvent.click(screen.getByRole('button', { name: 'Verslag opslaan' }));

    expect(await screen.findByText('Verslag opgeslagen; de notities staan in het logboek van de leerlingen.')).toBeTruthy();
    expect(mutation).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/^Vastgelegd op vrijdag 20 november 2026/)).toBeTruthy();
    // The form is ready for the next round: the minutes stay, the notes are emptied (they are in the logboek now).
    expect((screen.getByRole('textbox', { name: 'Verslag van het overleg' }) as HTMLTextAreaElement).value).toBe(expectedInput.minutes);
    expect((screen.getByRole('textbox', { name: 'Notitie over Fenna Klaassen' }) as HTMLTextAreaElement).value).toBe('');
  });

  it('asks for the minutes in Dutch and sends nothing when they are empty', async () => {
    const mutation = jest.fn(recorded);
    const mocks = [
      meetingMock(detail()),
      // Would answer any save of this meeting: it must not be asked.
      { request: { query: RECORD_MEETING_MINUTES_MUTATION }, variableMatcher: () => true, result: mutation },
    ];
    render(mocks);
    await screen.findByRole('form', { name: 'Verslag' });
    type('Verslag van het overleg', '   ');
    type('Notitie over Fenna Klaassen', 'Alleen een notitie, geen verslag.');
    fireEvent.click(screen.getByRole('button', { name: 'Verslag opslaan' }));

    expect(await screen.findByText('Schrijf het verslag')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Verslag van het overleg' }).getAttribute('aria-invalid')).toBe('true');
    // Give a wrongly sent mutation the time to arrive.
    await new Promise((r) => setTimeout(r, 50));
    expect(mutation).not.toHaveBeenCalled();
    expect(screen.queryByText(/Verslag opgeslagen/)).toBeNull();
  });
});
