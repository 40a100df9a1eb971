import { holidayDataCoverage } from './holiday-coverage';
import { KNOWN_SCHOOL_YEARS } from '../logic/calendar';

describe('holidayDataCoverage', () => {
  it('is content while the current and the next school year are covered (the bundled data, 6 December 2026)', () => {
    expect(KNOWN_SCHOOL_YEARS.at(-1)).toBe('2027-2028');
    expect(holidayDataCoverage('2026-12-06')).toEqual({
      today: '2026-12-06',
      coveredUntil: '2028-07-31',
      missingSchoolYears: [],
      warning: null,
      warningEn: null,
    });
    // The last day of school year 2026-2027: the next one (2027-2028) is still known.
    expect(holidayDataCoverage('2027-07-31').warning).toBeNull();
  });

  it('warns from 1 August 2027: the next school year 2028-2029 has no data', () => {
    expect(holidayDataCoverage('2027-08-01')).toEqual({
      today: '2027-08-01',
      coveredUntil: '2028-07-31',
      missingSchoolYears: ['2028-2029'],
      warning: 'De vakantiedata lopen tot 31 juli 2028; voeg het schooljaar 2028-2029 toe',
      warningEn: 'The school holiday data ends on 2028-07-31; add school year 2028-2029',
    });
  });

  it('names both years once the current one is missing too, and copes with no data at all', () => {
    expect(holidayDataCoverage('2028-08-01').warning).toBe('De vakantiedata lopen tot 31 juli 2028; voeg de schooljaren 2028-2029 en 2029-2030 toe');
    expect(holidayDataCoverage('2026-12-06', ['2025-2026']).missingSchoolYears).toEqual(['2026-2027', '2027-2028']);
    expect(holidayDataCoverage('2026-12-06', [])).toEqual(expect.objectContaining({ coveredUntil: null, warning: 'Er zijn geen vakantiedata; voeg de schooljaren 2026-2027 en 2027-2028 toe' }));
  });
});
