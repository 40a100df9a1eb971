import { makeCase, makePupil } from '../../test-utils/fixtures';
import { currentPeriod, evaluationsDue, splitOovCases } from './oov-board-model';
import { type OovPeriod } from './oov-board.graphql';

const period = (round: number, mid: string, end: string): OovPeriod => ({
  round,
  arrangement: 'OBSERVATIE_6W',
  arrangementLabel: 'observatietraject (6 weken)',
  location: 'OOV Gouda',
  startDate: '2026-11-02',
  endDate: end,
  midEvaluationDate: mid,
  endEvaluationDate: end,
});

describe('the OOV board', () => {
  it('puts requests awaiting the SWV first, oldest due date first, and leaves out closed cases and other processes', () => {
    const cases = [
      makeCase({ id: 'a', process: 'OOV', waitingFor: 'OOV_SWV_DECISION', nextDueDate: '2026-12-01', pupil: makePupil({ displayName: 'Anna' }) }),
      makeCase({ id: 'b', process: 'OOV', waitingFor: 'OOV_SWV_DECISION', nextDueDate: '2026-11-25', pupil: makePupil({ displayName: 'Bram' }) }),
      makeCase({ id: 'c', process: 'OOV', waitingFor: 'OOV_MID_EVALUATION', nextDueDate: '2026-11-30' }),
      makeCase({ id: 'd', process: 'OOV', waitingFor: null, closedAt: '2026-11-01T10:00:00Z' }),
      makeCase({ id: 'e', process: 'JOS', waitingFor: 'OOV_SWV_DECISION' }),
    ];
    const { awaiting, other } = splitOovCases(cases);
    expect(awaiting.map((c) => c.id)).toEqual(['b', 'a']);
    expect(other.map((c) => c.id)).toEqual(['c']);
  });

  it('shows the latest period and the evaluations of it that are still to come', () => {
    const record = { periods: [period(1, '2026-11-16', '2026-12-14'), period(2, '2027-01-11', '2027-02-08')], evaluations: [{ round: 1, kind: 'HALVERWEGE', date: '2026-11-16' }, { round: 2, kind: 'HALVERWEGE', date: '2027-01-11' }] };
    expect(currentPeriod(record)?.round).toBe(2);
    expect(evaluationsDue(record)).toEqual([{ kind: 'EIND', label: 'Evaluatie voor het einde', date: '2027-02-08' }]);
    expect(evaluationsDue({ periods: [], evaluations: [] })).toEqual([]);
  });
});
