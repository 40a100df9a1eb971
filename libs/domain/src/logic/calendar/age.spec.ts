import { ageOn, birthdayOfAge } from './age';

describe('ageOn', () => {
  it('is 16 on the day of the 16th birthday, 15 the day before', () => {
    expect(ageOn('2011-01-12', '2027-01-12')).toBe(16);
    expect(ageOn('2011-01-12', '2027-01-11')).toBe(15);
    expect(ageOn('2011-01-12', '2027-12-31')).toBe(16);
  });

  it('counts a 29 February birthday from 28 February in a year without it', () => {
    expect(ageOn('2012-02-29', '2028-02-29')).toBe(16);
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(birthdayOfAge('2011-02-28', 16)).toBe('2027-02-28');
  });
});

describe('birthdayOfAge', () => {
  it('gives the date of the birthday of that age', () => {
    expect(birthdayOfAge('2011-01-12', 16)).toBe('2027-01-12');
    expect(birthdayOfAge('2012-02-29', 16)).toBe('2028-02-29');
    expect(birthdayOfAge('2012-02-29', 15)).toBe('2027-02-28');
  });
});
