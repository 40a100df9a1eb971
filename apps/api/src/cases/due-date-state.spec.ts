import { dueDateStates } from './due-date-state';

const dues = [{ step: 'FIRST_TERM' }, { step: 'TEN_WEEK_MARK' }, { step: 'DECIDE' }];

describe('dueDateStates', () => {
  it('runs every date of an open case without decision or extension', () => {
    expect(dueDateStates({ process: 'ZORGPLICHT' as never, closedAt: null, data: { decision: null, clock: { extended: false } } }, dues).map((d) => d.state)).toEqual(['OPEN', 'OPEN', 'OPEN']);
  });

  it('marks the first zorgplicht term as replaced once the term was extended', () => {
    expect(dueDateStates({ process: 'ZORGPLICHT' as never, closedAt: null, data: { decision: null, clock: { extended: true } } }, dues).map((d) => d.state)).toEqual(['REPLACED', 'OPEN', 'OPEN']);
  });

  it('marks the terms as met once decided, and every date of a closed case', () => {
    expect(dueDateStates({ process: 'ZORGPLICHT' as never, closedAt: null, data: { decision: { outcome: 'TOEGELATEN' }, clock: { extended: true } } }, dues).map((d) => d.state)).toEqual(['DONE', 'DONE', 'OPEN']);
    expect(dueDateStates({ process: 'ONDERSTEUNINGSTRAJECT' as never, closedAt: new Date(), data: {} }, [{ step: 'END_DATE' }]).map((d) => d.state)).toEqual(['DONE']);
  });
});
