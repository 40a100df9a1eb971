import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchoolCalendar, dueInSchoolDays, KNOWN_SCHOOL_YEARS } from '../logic';
import { HolidayFileError, holidayFileDigest, holidaysToStore, publishedDate, readHolidayFile } from './holiday-import';

const SAMPLE = readFileSync(join(__dirname, '../../../../docs/samples/holidays/schoolvakanties-2028-2029.json'), 'utf8');

/** The sample with its document changed by `edit` (a deep copy). */
function edited(edit: (doc: { content: { schoolyear: string; vacations: { type: string; compulsorydates?: string; regions: Record<string, string>[] }[] }[] }) => void): string {
  const doc = JSON.parse(SAMPLE);
  edit(doc);
  return JSON.stringify(doc);
}

describe('publishedDate (the ministry writes instants in UTC)', () => {
  it.each([
    ['2028-10-14T00:00:00.000Z', '2028-10-14'], // start: 00:00Z of the first day
    ['2028-10-22T21:59:00.000Z', '2028-10-22'], // end: 23:59 CEST
    ['2029-01-07T22:59:00.000Z', '2029-01-07'], // end: 23:59 CET
    ['2028-10-13T22:00:00.000Z', '2028-10-14'], // an older file's local midnight
    ['2029-02-17', '2029-02-17'],
  ])('%s is %s in Amsterdam', (raw, date) => {
    expect(publishedDate(raw)).toBe(date);
  });
  it.each(['2029-02-30', '17-02-2029', 'morgen', '2029-02-17T25:00:00Z'])('refuses %s', (raw) => {
    expect(publishedDate(raw)).toBeNull();
  });
});

describe('readHolidayFile', () => {
  it('reads the 2028-2029 sample: one school year, the five vacations per region, nothing rejected', () => {
    const preview = readHolidayFile(SAMPLE);
    expect(preview.rejected).toEqual([]);
    expect(preview.fileDigest).toBe(holidayFileDigest(SAMPLE));
    expect(preview.schoolYears.map((y) => y.schoolYear)).toEqual(['2028-2029']);
    const [year] = preview.schoolYears;
    expect(year?.vacations.map((v) => [v.name, v.compulsory])).toEqual([
      ['Herfstvakantie', false],
      ['Kerstvakantie', true],
      ['Voorjaarsvakantie', false],
      ['Meivakantie', true],
      ['Zomervakantie', true],
    ]);
    expect(year?.vacations[0]?.regions).toEqual([
      { region: 'noord', from: '2028-10-14', to: '2028-10-22' },
      { region: 'midden', from: '2028-10-21', to: '2028-10-29' },
      { region: 'zuid', from: '2028-10-21', to: '2028-10-29' },
    ]);
    // "heel Nederland" is every region.
    expect(year?.vacations[1]?.regions.map((r) => `${r.region} ${r.from} ${r.to}`)).toEqual(['noord 2028-12-23 2029-01-07', 'midden 2028-12-23 2029-01-07', 'zuid 2028-12-23 2029-01-07']);
    expect(year?.vacations[4]?.regions.find((r) => r.region === 'noord')).toEqual({ region: 'noord', from: '2029-07-21', to: '2029-09-02' });
  });

  it('reads the list of documents the endpoint of all years answers', () => {
    const both = JSON.stringify([JSON.parse(SAMPLE), JSON.parse(edited((d) => (d.content[0]!.schoolyear = '2029-2030')))]);
    const preview = readHolidayFile(both);
    expect(preview.schoolYears.map((y) => y.schoolYear)).toEqual(['2028-2029', '2029-2030']);
    // The 2028-2029 dates do not lie in 2029-2030: every entry of that year is rejected, with its reason.
    expect(preview.rejected.filter((r) => r.schoolYear === '2029-2030').map((r) => r.reason)).toContain('begint buiten schooljaar 2029-2030');
  });

  it('lists each wrong entry with a Dutch reason and keeps the rest', () => {
    const preview = readHolidayFile(
      edited((d) => {
        const v = d.content[0]!.vacations;
        v[0]!.regions[0]!.region = 'oost';
        v[2]!.regions[2]!.enddate = '2029-02-01T22:59:00.000Z';
        v[3]!.regions[0]!.startdate = '28 april 2029';
        v.push({ type: 'Carnavalsvakantie', compulsorydates: 'false', regions: [] });
      }),
    );
    expect(preview.rejected).toEqual([
      { schoolYear: '2028-2029', entry: 'Herfstvakantie, regio oost', reason: 'onbekende regio; verwacht noord, midden, zuid of heel Nederland' },
      { schoolYear: '2028-2029', entry: 'Voorjaarsvakantie, regio zuid', reason: 'de einddatum ligt vóór de startdatum' },
      { schoolYear: '2028-2029', entry: 'Meivakantie, regio heel Nederland', reason: 'startdatum "28 april 2029" is geen datum' },
      { schoolYear: '2028-2029', entry: 'Vakantie "Carnavalsvakantie"', reason: 'onbekende vakantie; verwacht Herfstvakantie, Kerstvakantie, Voorjaarsvakantie, Meivakantie, Zomervakantie' },
    ]);
    expect(preview.schoolYears[0]?.vacations.find((v) => v.name === 'Zomervakantie')?.regions).toHaveLength(3);
  });

  it('rejects a missing vacation, a region twice, an overlap and an impossible length', () => {
    const missing = readHolidayFile(edited((d) => d.content[0]!.vacations.splice(2, 1)));
    expect(missing.rejected).toEqual([{ schoolYear: '2028-2029', entry: 'Voorjaarsvakantie', reason: 'ontbreekt voor regio noord, midden, zuid' }]);
    const twice = readHolidayFile(edited((d) => d.content[0]!.vacations[0]!.regions.push({ region: 'noord', startdate: '2028-10-14', enddate: '2028-10-22' })));
    expect(twice.rejected).toEqual([{ schoolYear: '2028-2029', entry: 'Herfstvakantie, regio noord', reason: 'staat voor deze regio twee keer in het bestand' }]);
    const overlap = readHolidayFile(edited((d) => (d.content[0]!.vacations[2]!.regions[2]!.startdate = '2028-12-30')));
    expect(overlap.rejected).toEqual([{ schoolYear: '2028-2029', entry: 'Voorjaarsvakantie, regio zuid', reason: 'duurt langer dan 50 dagen' }]);
    const overlapping = readHolidayFile(edited((d) => (d.content[0]!.vacations[2]!.regions[2]!.startdate = '2029-01-06')));
    expect(overlapping.rejected).toEqual([{ schoolYear: '2028-2029', entry: 'Voorjaarsvakantie, regio zuid', reason: 'overlapt met de kerstvakantie' }]);
  });

  it.each([
    ['', 'Het bestand is leeg; er is niets ingelezen'],
    ['<html>niet gevonden</html>', 'Het bestand is geen JSON. Download de schoolvakanties als JSON van de open data van de Rijksoverheid (output=json); er is niets ingelezen'],
    ['{"title":"Schoolvakanties"}', 'Het bestand is geen overzicht van schoolvakanties in het formaat van de Rijksoverheid: verwacht "content" met per schooljaar "schoolyear" en "vacations". Er is niets ingelezen'],
    ['{"content":[{"schoolyear":"2028-2029","vacations":[]}]}', 'Het bestand is geen overzicht van schoolvakanties in het formaat van de Rijksoverheid: verwacht "content" met per schooljaar "schoolyear" en "vacations" (bij content.0.vacations). Er is niets ingelezen'],
    [`{"content":[],"x":"${'a'.repeat(60_000)}"}`, 'Het bestand is groter dan 60.000 tekens; lees minder schooljaren per keer in. Er is niets ingelezen'],
  ])('refuses a file that is not the ministry format as a whole (%#)', (text, message) => {
    expect(() => readHolidayFile(text)).toThrow(HolidayFileError);
    try {
      readHolidayFile(text);
    } catch (e) {
      expect((e as HolidayFileError).messageNl).toBe(message);
    }
  });
});

describe('an imported school year in the calendar', () => {
  const [year] = readHolidayFile(SAMPLE).schoolYears;
  const stored = holidaysToStore(year!);

  it('stores per region the vacations and the public holidays on school days outside them, as for a bundled year', () => {
    expect(stored.zuid.map((h) => `${h.name} ${h.from}`)).toEqual([
      'Herfstvakantie 2028-10-21',
      'Kerstvakantie 2028-12-23',
      'Voorjaarsvakantie 2029-02-10',
      'Goede Vrijdag 2029-03-30',
      'Tweede Paasdag 2029-04-02',
      'Koningsdag 2029-04-27', // a Friday, the day before the meivakantie
      'Meivakantie 2029-04-28',
      'Hemelvaartsdag 2029-05-10',
      'Tweede Pinksterdag 2029-05-21',
      'Zomervakantie 2029-07-14',
    ]);
  });

  it('buildSchoolCalendar adds it to the bundled years, and due dates in it count its vacations', () => {
    const cal = buildSchoolCalendar('midden', [], KNOWN_SCHOOL_YEARS, { '2028-2029': stored });
    expect(cal.schoolYears).toEqual([...KNOWN_SCHOOL_YEARS, '2028-2029']);
    const due = dueInSchoolDays('2028-10-20', 1, cal, 'r');
    expect(due.date).toBe('2028-10-30'); // the herfstvakantie of midden is skipped
    expect(due.withoutHolidayData).toBeUndefined();
    expect(due.explanation).not.toContain('zonder vakantiegegevens');
  });

  it('without it, the same due date says it was computed without holiday data', () => {
    const due = dueInSchoolDays('2028-10-20', 1, buildSchoolCalendar('midden'), 'r');
    expect(due.date).toBe('2028-10-23'); // the herfstvakantie counted as school days
    expect(due.withoutHolidayData).toEqual(['2028-2029']);
    expect(due.inputs.withoutHolidayData).toBe('2028-2029');
    expect(due.explanation).toBe(
      'Uiterlijk 2028-10-23: 1 schooldag na 2028-10-20 (regio midden; 2 vrije dagen overgeslagen: weekend 2). Let op: deze datum is zonder vakantiegegevens berekend: van schooljaar 2028-2029 zijn de regionale vakanties nog niet bekend, alleen weekenden en eigen vrije dagen zijn overgeslagen.',
    );
  });

  it('a due date across the end of the data names the school year it lacks (from a known year into an unknown one)', () => {
    const due = dueInSchoolDays('2028-07-03', 30, buildSchoolCalendar('noord'), 'r');
    expect(due.withoutHolidayData).toEqual(['2028-2029']);
    expect(dueInSchoolDays('2028-03-01', 10, buildSchoolCalendar('noord'), 'r').withoutHolidayData).toBeUndefined();
  });
});
