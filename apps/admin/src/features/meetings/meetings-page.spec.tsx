import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MeetingFieldsFragment, MeetingKind } from '../../gql/graphql';
import { fakeToday } from '../../test-utils/fake-today';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { meetingFormSchema, minutesFormSchema } from './meeting-forms';
import { MEETING_KIND_OPTIONS, MEETINGS_QUERY, PLAN_MEETING_MUTATION } from './meetings.graphql';
import { MeetingsPage } from './meetings-page';

const meeting = (id: string, kind: MeetingKind, kindLabel: string, date: string, over: Partial<MeetingFieldsFragment> = {}): MeetingFieldsFragment & { __typename: 'Meeting' } => ({
  __typename: 'Meeting',
  id,
  schoolId: ZC_USER.schoolId ?? '',
  schoolName: ZC_USER.schoolName ?? '',
  kind,
  kindLabel,
  schoolYear: '2026-2027',
  date,
  time: '14:30',
  location: 'kamer 12',
  cancelled: false,
  cancelReason: null,
  agendaRounds: 0,
  agendaSentAt: null,
  minutes: null,
  minutesRecordedAt: null,
  caseCount: 0,
  ...over,
});

describe('meeting forms (zod)', () => {
  it('asks for a date from today, a time as HH:MM and a short place', () => {
    const schema = meetingFormSchema('2026-11-20');
    expect(schema.safeParse({ kind: 'IZO', date: '2026-11-24', time: '14:30', location: 'kamer 12' }).success).toBe(true);
    expect(schema.safeParse({ kind: 'IZO', date: '2026-11-24', time: '', location: '' }).success).toBe(true);
    const messages = (v: Record<string, unknown>) => (schema.safeParse(v).error?.issues ?? []).map((i) => i.message);
    expect(messages({ kind: 'IZO', date: '', time: '', location: '' })).toEqual(['Vul de datum in']);
    expect(messages({ kind: 'IZO', date: '2026-11-19', time: '', location: '' })).toEqual(['De datum ligt in het verleden']);
    expect(messages({ kind: 'IZO', date: '2026-11-24', time: '9 uur', location: '' })).toEqual(['Vul de tijd in als UU:MM, bijvoorbeeld 14:30']);
    // 24 hours, whatever the browser's locale: no AM/PM, no hour 25; "14.30" and "9:30" are sent as HH:mm.
    expect(messages({ kind: 'IZO', date: '2026-11-24', time: '2:30 PM', location: '' })).toEqual(['Gebruik de 24-uursnotatie zonder AM of PM, bijvoorbeeld 14:30 voor 2:30 PM']);
    expect(messages({ kind: 'IZO', date: '2026-11-24', time: '09:30am', location: '' })).toEqual(['Gebruik de 24-uursnotatie zonder AM of PM, bijvoorbeeld 14:30 voor 2:30 PM']);
    expect(messages({ kind: 'IZO', date: '2026-11-24', time: '25:00', location: '' })).toEqual(['Die tijd bestaat niet: uren van 00 tot en met 23, minuten van 00 tot en met 59']);
    expect(messages({ kind: 'IZO', date: '2026-11-24', time: '14:60', location: '' })).toEqual(['Die tijd bestaat niet: uren van 00 tot en met 23, minuten van 00 tot en met 59']);
    expect(schema.parse({ kind: 'IZO', date: '2026-11-24', time: ' 14.30 ', location: '' }).time).toBe('14:30');
    expect(schema.parse({ kind: 'IZO', date: '2026-11-24', time: '9:30', location: '' }).time).toBe('09:30');
    expect(schema.parse({ kind: 'IZO', date: '2026-11-24', time: '00:00', location: '' }).time).toBe('00:00');
    expect(messages({ kind: 'IZO', date: '2026-11-24', time: '', location: 'x'.repeat(121) })).toEqual(['Hoogstens 120 tekens']);
    expect(minutesFormSchema.safeParse({ minutes: '  ', notes: {} }).error?.issues[0].message).toBe('Schrijf het verslag');
  });

  it('offers exactly the schema’s meeting kinds and refuses any other kind', () => {
    expect(MEETING_KIND_OPTIONS).toEqual([
      { value: 'IZO', label: 'IZO-overleg' },
      { value: 'ZAT', label: 'ZAT-overleg' },
      { value: 'FLEX_ZAT', label: 'Flex-ZAT' },
    ]);
    const parsed = meetingFormSchema('2026-11-20').safeParse({ kind: 'OVERLEG', date: '2026-11-24', time: '', location: '' });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(['Kies het soort overleg']);
  });
});

describe('MeetingsPage', () => {
  beforeEach(() => fakeToday('2026-11-20T10:00:00+01:00'));
  afterEach(() => jest.useRealTimers());

  it('lists the school year’s meetings with dates in words and warns when fewer than 6 ZAT meetings are planned', async () => {
    const list = {
      request: { query: MEETINGS_QUERY, variables: { schoolId: ZC_USER.schoolId, schoolYear: '2026-2027', kind: null } },
      result: {
        data: {
          meetings: {
            __typename: 'MeetingOverview',
            meetings: [meeting('m-1', 'IZO', 'IZO-overleg', '2026-11-24', { caseCount: 3, agendaRounds: 1 }), meeting('m-2', 'ZAT', 'ZAT-overleg', '2026-12-10', { cancelled: true, time: null, location: null })],
            zatCheck: { __typename: 'ZatCalendarCheck', schoolYear: '2026-2027', count: 4, minimum: 6, warning: 'Schooljaar 2026-2027 heeft 4 ZAT-overleggen; plan er minstens 6 per schooljaar.' },
          },
        },
      },
    };
    renderWithProviders(<MeetingsPage />, { session: { user: ZC_USER }, route: '/overleggen', path: '/overleggen', mocks: [list] });
    const items = await screen.findByRole('list', { name: 'Overleggen' });
    expect(within(items).getByRole('link', { name: 'IZO-overleg van dinsdag 24 november 2026' }).getAttribute('href')).toBe('/overleggen/m-1');
    expect(within(items).getByText('3 leerlingen · agenda verstuurd')).toBeTruthy();
    expect(within(items).getByText('Geannuleerd')).toBeTruthy();
    expect(within(items).getByText('tijd en plaats nog niet bekend')).toBeTruthy();
    expect(screen.getByText(/heeft 4 ZAT-overleggen; plan er minstens 6/)).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Overleg plannen' })).toBeTruthy();
  });

  it('filters by kind with the schema’s MeetingKind value', async () => {
    const overview = (kind: MeetingKind | null, meetings: ReturnType<typeof meeting>[]) => ({
      request: { query: MEETINGS_QUERY, variables: { schoolId: ZC_USER.schoolId, schoolYear: '2026-2027', kind } },
      result: { data: { meetings: { __typename: 'MeetingOverview', meetings, zatCheck: { __typename: 'ZatCalendarCheck', schoolYear: '2026-2027', count: 6, minimum: 6, warning: null } } } },
    });
    const mocks = [
      overview(null, [meeting('m-1', 'IZO', 'IZO-overleg', '2026-11-24'), meeting('m-3', 'FLEX_ZAT', 'Flex-ZAT', '2026-12-03')]),
      overview('FLEX_ZAT', [meeting('m-3', 'FLEX_ZAT', 'Flex-ZAT', '2026-12-03')]),
    ];
    renderWithProviders(<MeetingsPage />, { session: { user: ZC_USER }, route: '/overleggen', path: '/overleggen', mocks });
    expect(await screen.findByRole('link', { name: 'IZO-overleg van dinsdag 24 november 2026' })).toBeTruthy();
    // The filter is the first "Soort overleg" select (the second is the plan form's).
    fireEvent.mouseDown(screen.getAllByRole('combobox', { name: 'Soort overleg' })[0]);
    fireEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name: 'Flex-ZAT' }));
    const items = await screen.findByRole('list', { name: 'Overleggen' });
    await within(items).findByRole('link', { name: 'Flex-ZAT van donderdag 3 december 2026' });
    expect(within(items).queryByRole('link', { name: 'IZO-overleg van dinsdag 24 november 2026' })).toBeNull();
  });
  it('takes the time as 24-hour text, whatever the browser’s locale: "2:30 PM" and "25:00" get a Dutch message and nothing is sent; "14.30" is sent as 14:30', async () => {
    const overview = {
      request: { query: MEETINGS_QUERY, variables: { schoolId: ZC_USER.schoolId, schoolYear: '2026-2027', kind: null } },
      result: { data: { meetings: { __typename: 'MeetingOverview', meetings: [], zatCheck: { __typename: 'ZatCalendarCheck', schoolYear: '2026-2027', count: 6, minimum: 6, warning: null } } } },
    };
    const sent: unknown[] = [];
    const plan = {
      request: {
        query: PLAN_MEETING_MUTATION,
        variables: (vars: unknown) => {
          sent.push(vars);
          return true;
        },
      },
      result: { data: { planMeeting: meeting('m-9', 'IZO', 'IZO-overleg', '2026-11-24') } },
    };
    renderWithProviders(<MeetingsPage />, { session: { user: ZC_USER }, route: '/overleggen', path: '/overleggen', mocks: [overview, plan, overview] });
    const form = await screen.findByRole('form', { name: 'Overleg plannen' });
    const time = within(form).getByRole('textbox', { name: 'Tijd' }) as HTMLInputElement;
    // A text field: an <input type=time> would be drawn as 2:30 PM by an English or headless browser.
    expect(time.type).toBe('text');
    fireEvent.change(within(form).getByLabelText(/Datum/), { target: { value: '2026-11-24' } });

    const problemFor = async (typed: string, message: string) => {
      fireEvent.change(time, { target: { value: typed } });
      fireEvent.click(within(form).getByRole('button', { name: 'Overleg plannen' }));
      const problem = await within(form).findByText(message);
      expect(time.getAttribute('aria-invalid')).toBe('true');
      expect(time.getAttribute('aria-describedby')).toBe(problem.id);
    };
    await problemFor('2:30 PM', 'Gebruik de 24-uursnotatie zonder AM of PM, bijvoorbeeld 14:30 voor 2:30 PM');
    await problemFor('25:00', 'Die tijd bestaat niet: uren van 00 tot en met 23, minuten van 00 tot en met 59');
    expect(sent).toEqual([]);

    fireEvent.change(time, { target: { value: '14.30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Overleg plannen' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ input: { schoolId: ZC_USER.schoolId, kind: 'IZO', date: '2026-11-24', time: '14:30', location: null } });
  });
});
