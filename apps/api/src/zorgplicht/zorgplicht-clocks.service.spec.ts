/**
 * The SWV board's schools (issue 17.12) without a database: which schools are on whose board, and how the per-school
 * aggregates of the counts' SQL become one row per school, zeros for a school without open clocks. The SQL itself and
 * the scoping against PostgreSQL are in zorgplicht-clocks.service.int-spec.ts.
 */
import { Role } from '@zorgroute/domain';
import { boardSchoolsWhere, schoolCounts } from './zorgplicht-clocks.service';

const anemoon = { id: 's1', name: 'Anemoon College', region: 'midden' as const };
const berkenlaan = { id: 's2', name: 'Berkenlaan Lyceum', region: 'midden' as const };
const duinroos = { id: 's4', name: 'Duinroos College', region: 'noord' as const };

describe('the schools on the zorgplicht board', () => {
  it('are the SWV’s member schools, the zorgcoördinator’s own school, every school for the admin, none for others', () => {
    expect(boardSchoolsWhere({ role: Role.SWV_MEDEWERKER, swvId: 'swv-a', schoolId: null })).toEqual({ swvId: 'swv-a' });
    expect(boardSchoolsWhere({ role: Role.ZORGCOORDINATOR, swvId: 'swv-a', schoolId: 's1' })).toEqual({ id: 's1' });
    expect(boardSchoolsWhere({ role: Role.ADMIN, swvId: null, schoolId: null })).toEqual({});
    expect(boardSchoolsWhere({ role: Role.SWV_MEDEWERKER, swvId: null, schoolId: null })).toBeNull();
    expect(boardSchoolsWhere({ role: Role.ZORGCOORDINATOR, swvId: null, schoolId: null })).toBeNull();
    for (const role of [Role.MENTOR, Role.TEAMLEIDER, Role.COACH, Role.PARENT, Role.PUPIL]) expect(boardSchoolsWhere({ role, swvId: 'swv-a', schoolId: 's1' })).toBeNull();
  });

  it('each get a row, one without open clocks with zeros, sorted by name; the rows add up to the open clocks', () => {
    const raw = [
      { schoolId: 's2', open: 3, lastWeek: 0, overdue: 2, extended: 1, pastTenWeeks: 1 },
      { schoolId: 's1', open: 2, lastWeek: 1, overdue: 0, extended: 0, pastTenWeeks: 0 },
    ];
    const rows = schoolCounts([duinroos, berkenlaan, anemoon], raw);
    expect(rows).toEqual([
      { school: anemoon, open: 2, lastWeek: 1, overdue: 0, extended: 0, pastTenWeeks: 0 },
      { school: berkenlaan, open: 3, lastWeek: 0, overdue: 2, extended: 1, pastTenWeeks: 1 },
      { school: duinroos, open: 0, lastWeek: 0, overdue: 0, extended: 0, pastTenWeeks: 0 },
    ]);
    expect(rows.reduce((sum, r) => sum + r.open, 0)).toBe(5);
    expect(schoolCounts([duinroos], [])).toEqual([{ school: duinroos, open: 0, lastWeek: 0, overdue: 0, extended: 0, pastTenWeeks: 0 }]);
    expect(schoolCounts([], [])).toEqual([]);
  });

  it('keeps a counted school whose name could not be read', () => {
    expect(schoolCounts([], [{ schoolId: 'x', open: 1, lastWeek: 1, overdue: 0, extended: 0, pastTenWeeks: 0 }])).toEqual([
      { school: { id: 'x', name: '?', region: '?' }, open: 1, lastWeek: 1, overdue: 0, extended: 0, pastTenWeeks: 0 },
    ]);
  });
});
