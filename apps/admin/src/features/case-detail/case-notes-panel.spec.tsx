import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { fakeToday } from '../../test-utils/fake-today';
import { ADD_CASE_NOTE_MUTATION, CASE_NOTES_QUERY } from './case.graphql';
import { CaseNotesPanel } from './case-notes-panel';

const note = {
  __typename: 'CaseNote',
  id: 'note-1',
  caseId: 'case-7',
  notedOn: '2026-11-18',
  text: 'Bericht van de GGD ontvangen.',
  audiences: ['SCHOOL'],
  authorName: 'Karin Zorg',
  authorRole: 'ZORGCOORDINATOR',
  createdAt: '2026-11-18T09:00:00Z',
};
const added = { ...note, id: 'note-2', notedOn: '2026-11-20', text: 'Telefoongesprek met vader.', audiences: ['SCHOOL', 'PARENTS'] };
const notes = (list: object[]) => ({ request: { query: CASE_NOTES_QUERY, variables: { caseId: 'case-7' } }, result: { data: { caseNotes: list } } });

describe('CaseNotesPanel', () => {
  beforeEach(() => fakeToday('2026-11-20T10:00:00+01:00'));
  afterEach(() => jest.useRealTimers());

  it('shows the notes with their date in words, author and audience; a reader without writing gets no form', async () => {
    renderWithProviders(<CaseNotesPanel caseId="case-7" mayWrite={false} />, { session: { user: ZC_USER }, mocks: [notes([note])] });
    expect(await screen.findByText('Bericht van de GGD ontvangen.')).toBeTruthy();
    expect(screen.getByText(/18 november 2026/)).toBeTruthy();
    expect(screen.getByLabelText('Zichtbaar voor: School')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Notitie toevoegen' })).toBeNull();
  });

  it('adds a note shared with the parents, dated today by default', async () => {
    let sent: Record<string, unknown> | null = null;
    const mutation = {
      request: {
        query: ADD_CASE_NOTE_MUTATION,
        variables: (v: { input: Record<string, unknown> }) => {
          sent = v.input;
          return true;
        },
      },
      result: { data: { addCaseNote: added } },
    };
    renderWithProviders(<CaseNotesPanel caseId="case-7" mayWrite />, { session: { user: ZC_USER }, mocks: [notes([note]), mutation, notes([added, note])] });
    expect(await screen.findByText('Bericht van de GGD ontvangen.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Notitie opslaan' }));
    const problem = await screen.findByText('Schrijf eerst een notitie.');
    const text = screen.getByRole('textbox', { name: 'Notitie' });
    expect(text.getAttribute('aria-invalid')).toBe('true');
    expect(text.getAttribute('aria-describedby')).toBe(problem.id);
    // Spaces are no note, and a note is never about a day still to come.
    fireEvent.change(text, { target: { value: '   ' } });
    fireEvent.change(screen.getByLabelText('Datum'), { target: { value: '2026-11-21' } });
    fireEvent.click(screen.getByRole('button', { name: 'Notitie opslaan' }));
    const dateProblem = await screen.findByText('De datum mag niet in de toekomst liggen.');
    expect(screen.getByLabelText('Datum').getAttribute('aria-describedby')).toBe(dateProblem.id);
    expect(screen.getByText('Schrijf eerst een notitie.')).toBeTruthy();
    expect(sent).toBeNull();
    fireEvent.change(screen.getByLabelText('Datum'), { target: { value: '2026-11-20' } });

    fireEvent.change(screen.getByRole('textbox', { name: 'Notitie' }), { target: { value: 'Telefoongesprek met vader.' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ouders' }));
    fireEvent.click(screen.getByRole('button', { name: 'Notitie opslaan' }));
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Notitie' }) as HTMLTextAreaElement).value).toBe(''));
    expect(await screen.findByText('Telefoongesprek met vader.')).toBeTruthy();
    expect(sent).toMatchObject({ caseId: 'case-7', notedOn: '2026-11-20', text: 'Telefoongesprek met vader.', audiences: ['PARENTS'] });
  });

  it('shows the api’s refusal and keeps the note', async () => {
    const refused = {
      request: { query: ADD_CASE_NOTE_MUTATION, variables: () => true },
      result: { errors: [{ message: 'Je mag in deze casus geen notities schrijven' }] },
    };
    renderWithProviders(<CaseNotesPanel caseId="case-7" mayWrite />, { session: { user: ZC_USER }, mocks: [notes([note]), refused] });
    expect(await screen.findByText('Bericht van de GGD ontvangen.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Notitie' }), { target: { value: 'Telefoongesprek met vader.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Notitie opslaan' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Je mag in deze casus geen notities schrijven');
    expect((screen.getByRole('textbox', { name: 'Notitie' }) as HTMLTextAreaElement).value).toBe('Telefoongesprek met vader.');
  });
});
