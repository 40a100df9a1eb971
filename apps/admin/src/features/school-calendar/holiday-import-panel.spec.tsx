import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { CALENDAR_COVERAGE_QUERY } from '../dashboard/calendar-coverage.graphql';
import { HolidayImportPanel } from './holiday-import-panel';
import { HOLIDAY_DATA_YEARS_QUERY, HOLIDAY_IMPORT_PREVIEW_QUERY, IMPORT_SCHOOL_HOLIDAYS_MUTATION, type HolidayImportPreview } from './school-holidays.graphql';

const FILE_TEXT = '{"content":[{"schoolyear":"2028-2029","vacations":["…"]}]}';
const DIGEST = 'a'.repeat(64);

const entry = (vacation: string, compulsory: boolean, region: string, from: string, to: string) => ({ schoolYear: '2028-2029', vacation, compulsory, region, from, to });
const PREVIEW: HolidayImportPreview = {
  fileDigest: DIGEST,
  schoolYears: [{ schoolYear: '2028-2029', replaces: null }],
  entries: [
    entry('Herfstvakantie', false, 'noord', '2028-10-14', '2028-10-22'),
    entry('Herfstvakantie', false, 'midden', '2028-10-21', '2028-10-29'),
    entry('Herfstvakantie', false, 'zuid', '2028-10-21', '2028-10-29'),
    entry('Kerstvakantie', true, 'noord', '2028-12-23', '2029-01-07'),
    entry('Kerstvakantie', true, 'midden', '2028-12-23', '2029-01-07'),
    entry('Kerstvakantie', true, 'zuid', '2028-12-23', '2029-01-07'),
  ],
  rejected: [],
};

function typed(p: HolidayImportPreview) {
  return {
    __typename: 'HolidayImportPreview',
    ...p,
    schoolYears: p.schoolYears.map((y) => ({ __typename: 'HolidayImportSchoolYear', ...y })),
    entries: p.entries.map((e) => ({ __typename: 'HolidayImportEntry', ...e })),
    rejected: p.rejected.map((r) => ({ __typename: 'HolidayImportRejection', ...r })),
  };
}

function yearsMock(imported: boolean) {
  const years = [
    { __typename: 'HolidayDataYear', schoolYear: '2027-2028', source: 'BUNDLED', importedAt: null, importedByName: null },
    ...(imported ? [{ __typename: 'HolidayDataYear', schoolYear: '2028-2029', source: 'IMPORTED', importedAt: '2026-12-07T09:30:00Z', importedByName: 'Paula Platform' }] : []),
  ];
  return { request: { query: HOLIDAY_DATA_YEARS_QUERY, variables: {} }, result: { data: { holidayDataYears: years } } };
}

function coverageMock(warning: string | null) {
  return {
    request: { query: CALENDAR_COVERAGE_QUERY, variables: {} },
    result: { data: { calendarCoverage: { __typename: 'CalendarCoverage', coveredUntil: warning ? '2028-07-31' : '2029-07-31', missingSchoolYears: warning ? ['2028-2029'] : [], warning } } },
  };
}

function previewMock(result: object) {
  return { request: { query: HOLIDAY_IMPORT_PREVIEW_QUERY, variables: { content: FILE_TEXT } }, result };
}

function chooseFile() {
  const input = screen.getByLabelText('Bestand met schoolvakanties');
  fireEvent.change(input, { target: { files: [new File([FILE_TEXT], 'schoolvakanties-2028-2029.json', { type: 'application/json' })] } });
}

/** The file is read and the mocks answer asynchronously; on a busy machine that takes more than a second. */
const SLOW = { timeout: 10_000 };

const PLATFORM = { ...ZC_USER, role: 'PLATFORM_ADMIN' as const, schoolId: null };

describe('HolidayImportPanel', () => {
  it('previews the file (vacations per region, dates in words), stores it and shows the years', async () => {
    const saved: unknown[] = [];
    renderWithProviders(<HolidayImportPanel />, {
      session: { user: PLATFORM },
      mocks: [
        yearsMock(false),
        coverageMock('De vakantiedata lopen tot 31 juli 2028; voeg het schooljaar 2028-2029 toe'),
        previewMock({ data: { schoolHolidayImportPreview: typed(PREVIEW) } }),
        {
          request: {
            query: IMPORT_SCHOOL_HOLIDAYS_MUTATION,
            variables: (vars: unknown) => {
              saved.push(vars);
              return true;
            },
          },
          result: {
            data: {
              importSchoolHolidays: {
                __typename: 'HolidayImportResult',
                schoolYears: ['2028-2029'],
                coverage: { __typename: 'CalendarCoverage', coveredUntil: '2029-07-31', missingSchoolYears: [], warning: null },
                runningCases: {
                  __typename: 'RunningCasesCalendarResult',
                  updated: 2,
                  unchanged: 0,
                  dueDatesMoved: 1,
                  failed: [{ __typename: 'RunningCaseCalendarFailure', caseId: 'case-9', code: 'CASE_CLOSED', message: 'Deze casus loopt niet (meer)' }],
                },
              },
            },
          },
        },
        yearsMock(true),
        coverageMock(null),
      ],
    });
    expect(await screen.findByText(/voeg het schooljaar 2028-2029 toe/, undefined, SLOW)).toBeTruthy();
    expect(await screen.findByText('2027–2028: meegeleverd met Zorgroute', undefined, SLOW)).toBeTruthy();
    chooseFile();
    const table = await screen.findByRole('table', { name: 'Schoolvakanties 2028-2029' }, SLOW);
    const rows = within(table).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual([
      'VakantieRegioData',
      'Herfstvakantie (advies)Noordzaterdag 14 oktober 2028 t/m zondag 22 oktober 2028',
      'Midden en Zuidzaterdag 21 oktober 2028 t/m zondag 29 oktober 2028',
      'KerstvakantieHeel Nederlandzaterdag 23 december 2028 t/m zondag 7 januari 2029',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Vakantiegegevens opslaan' }));
    const statuses = await screen.findAllByRole('status', undefined, SLOW);
    expect(statuses.map((s) => s.textContent)).toEqual([
      'Opgeslagen: schoolvakanties 2028–2029. Nieuwe casussen rekenen ermee.',
      '2 lopende casussen bijgewerkt, waarvan 1 met een verschoven termijn (zie de tijdlijn van de casus).',
    ]);
    // The running cases counted without the year took it; one that did not is listed with its reason.
    expect(screen.getByRole('list', { name: 'Niet bijgewerkte casussen' }).textContent).toBe('case-9: Deze casus loopt niet (meer)');
    expect(saved).toEqual([{ content: FILE_TEXT, fileDigest: DIGEST }]);
    expect(await screen.findByText(/2028–2029: ingelezen door Paula Platform op/, undefined, SLOW)).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/voeg het schooljaar 2028-2029 toe/)).toBeNull());
  });

  it('lists the rejected entries with their reasons and does not offer to store the file', async () => {
    const rejected = { ...PREVIEW, rejected: [{ __typename: 'HolidayImportRejection', schoolYear: '2028-2029', entry: 'Herfstvakantie, regio oost', reason: 'onbekende regio; verwacht noord, midden, zuid of heel Nederland' }] };
    renderWithProviders(<HolidayImportPanel />, {
      session: { user: PLATFORM },
      mocks: [yearsMock(false), coverageMock(null), previewMock({ data: { schoolHolidayImportPreview: typed(rejected) } })],
    });
    await screen.findByText('2027–2028: meegeleverd met Zorgroute', undefined, SLOW);
    chooseFile();
    const list = await screen.findByRole('list', { name: 'Afgekeurde regels' }, SLOW);
    expect(list.textContent).toBe('2028–2029, Herfstvakantie, regio oost: onbekende regio; verwacht noord, midden, zuid of heel Nederland');
    expect(screen.getByText(/1 regel wordt niet ingelezen/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Vakantiegegevens opslaan' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the Dutch error of a file that is not the ministry format', async () => {
    renderWithProviders(<HolidayImportPanel />, {
      session: { user: PLATFORM },
      mocks: [
        yearsMock(false),
        coverageMock(null),
        previewMock({ errors: [new GraphQLError('Het bestand is geen JSON. Download de schoolvakanties als JSON van de open data van de Rijksoverheid (output=json); er is niets ingelezen', { extensions: { code: 'BAD_USER_INPUT' } })] }),
      ],
    });
    await screen.findByText('2027–2028: meegeleverd met Zorgroute', undefined, SLOW);
    chooseFile();
    expect(await screen.findByText(/Het bestand is geen JSON/, undefined, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Vakantiegegevens opslaan' })).toBeNull();
  });
});
