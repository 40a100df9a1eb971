import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeToday } from '../../test-utils/fake-today';
import { SCHOOL, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { ADD_SCHOOL_DAY_OFF_MUTATION, LAST_RUNNING_CASES_CALENDAR_RUN_QUERY, REMOVE_SCHOOL_DAY_OFF_MUTATION, SCHOOL_CALENDAR_QUERY, type SchoolDayOff } from './school-calendar.graphql';
import { SchoolCalendarPage, schoolYearOf } from './school-calendar-page';

const studiedag: SchoolDayOff = { id: 'off-1', schoolYear: '2026-2027', from: '2027-02-03', to: '2027-02-03', name: 'Studiedag', createdByName: 'Ilse Bakker' };

function calendarMock(daysOff: SchoolDayOff[]) {
  return {
    request: { query: SCHOOL_CALENDAR_QUERY, variables: { schoolId: SCHOOL.id, schoolYear: '2026-2027' } },
    result: {
      data: {
        schoolCalendar: {
          __typename: 'SchoolCalendar',
          schoolId: SCHOOL.id,
          region: 'midden',
          schoolYear: '2026-2027',
          holidaysKnown: true,
          holidays: [{ __typename: 'CalendarRange', from: '2026-12-19', to: '2027-01-03', name: 'Kerstvakantie' }],
          daysOff: daysOff.map((d) => ({ __typename: 'SchoolDayOff', ...d })),
          schoolDays: 188,
        },
      },
    },
  };
}

describe('SchoolCalendarPage', () => {
  beforeEach(() => fakeToday('2026-11-20T10:00:00+01:00'));
  afterEach(() => jest.useRealTimers());

  it('knows the school year of a date (1 August – 31 July)', () => {
    expect(schoolYearOf('2026-07-31')).toBe('2025-2026');
    expect(schoolYearOf('2026-08-01')).toBe('2026-2027');
  });

  it('shows the days off and holidays in words, adds a day off and removes one', async () => {
    const added: unknown[] = [];
    const removed: unknown[] = [];
    renderWithProviders(<SchoolCalendarPage />, {
      session: { user: ZC_USER },
      mocks: [
        calendarMock([studiedag]),
        // The running-cases panel: never sent yet.
        { request: { query: LAST_RUNNING_CASES_CALENDAR_RUN_QUERY, variables: { schoolId: SCHOOL.id } }, result: { data: { lastRunningCasesCalendarRun: null } } },
        {
          request: {
            query: ADD_SCHOOL_DAY_OFF_MUTATION,
            variables: (vars: unknown) => {
              added.push(vars);
              return true;
            },
          },
          result: { data: { addSchoolDayOff: { __typename: 'SchoolDayOff', id: 'off-2' } } },
        },
        calendarMock([studiedag, { ...studiedag, id: 'off-2', from: '2027-03-15', to: '2027-03-16', name: 'Toetsweek-voorbereiding' }]),
        {
          request: {
            query: REMOVE_SCHOOL_DAY_OFF_MUTATION,
            variables: (vars: unknown) => {
              removed.push(vars);
              return true;
            },
          },
          result: { data: { removeSchoolDayOff: { __typename: 'SchoolDayOff', id: 'off-1' } } },
        },
        calendarMock([{ ...studiedag, id: 'off-2', from: '2027-03-15', to: '2027-03-16', name: 'Toetsweek-voorbereiding' }]),
      ],
    });
    const list = await screen.findByRole('list', { name: 'Vrije dagen' });
    expect(within(list).getByText(/3 februari 2027/)).toBeTruthy();
    expect(screen.getByText(/19 december 2026 t\/m .*3 januari 2027/)).toBeTruthy();
    expect(screen.getByText('188 schooldagen in 2026–2027.')).toBeTruthy();

    // An empty form asks for the first day and a name; the errors are the fields' descriptions.
    const form = screen.getByRole('form', { name: 'Vrije dag toevoegen' });
    fireEvent.click(within(form).getByRole('button', { name: 'Vrije dag toevoegen' }));
    const fromProblem = await within(form).findByText('Vul de eerste vrije dag in');
    expect(within(form).getByLabelText(/Eerste dag/).getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByLabelText(/Eerste dag/).getAttribute('aria-describedby')).toBe(fromProblem.id);
    const nameProblem = within(form).getByText('Geef de vrije dag een naam, bijvoorbeeld Studiedag');
    expect(within(form).getByLabelText(/Naam/).getAttribute('aria-describedby')).toBe(nameProblem.id);

    // A range that ends before it starts is refused before anything is sent, as are spaces for a name.
    fireEvent.change(within(form).getByLabelText(/Eerste dag/), { target: { value: '2027-03-16' } });
    fireEvent.change(within(form).getByLabelText(/Laatste dag/), { target: { value: '2027-03-15' } });
    fireEvent.change(within(form).getByLabelText(/Naam/), { target: { value: '   ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Vrije dag toevoegen' }));
    const toProblem = await within(form).findByText('De laatste vrije dag ligt voor de eerste');
    expect(within(form).getByLabelText(/Laatste dag/).getAttribute('aria-describedby')).toBe(toProblem.id);
    expect(within(form).getByText('Geef de vrije dag een naam, bijvoorbeeld Studiedag')).toBeTruthy();
    expect(within(form).queryByText('Vul de eerste vrije dag in')).toBeNull();
    expect(added).toEqual([]);
    fireEvent.change(within(form).getByLabelText(/Naam/), { target: { value: ' Toetsweek-voorbereiding ' } });

    fireEvent.change(within(form).getByLabelText(/Eerste dag/), { target: { value: '2027-03-15' } });
    fireEvent.change(within(form).getByLabelText(/Laatste dag/), { target: { value: '2027-03-16' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Vrije dag toevoegen' }));
    await waitFor(() => expect(added).toEqual([{ input: { schoolId: SCHOOL.id, from: '2027-03-15', to: '2027-03-16', name: 'Toetsweek-voorbereiding', schoolYear: '2026-2027' } }]));
    expect(await screen.findByText(/15 maart 2027 t\/m .*16 maart 2027/)).toBeTruthy();
    await waitFor(() => expect((within(form).getByLabelText(/Naam/) as HTMLInputElement).value).toBe(''));

    fireEvent.click(screen.getByRole('button', { name: /^Studiedag op .*verwijderen$/ }));
    await waitFor(() => expect(removed).toEqual([{ id: 'off-1' }]));
    await waitFor(() => expect(screen.queryByText(/3 februari 2027/)).toBeNull());
  }, 120_000);
});
