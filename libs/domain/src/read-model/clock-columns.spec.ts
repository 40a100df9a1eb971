import { clockColumns } from './case-read-model.repository';

describe('clockColumns (the read model’s clock columns)', () => {
  const clock = { receivedOn: '2027-01-11', dueDate: '2027-02-22', tenWeekDate: '2027-03-22', extended: false, warnDaysBefore: 5 };

  it('takes the zorgplicht clock’s dates, warning days and extension from data.clock', () => {
    expect(clockColumns({ clock })).toEqual({ receivedOn: '2027-01-11', dueDate: '2027-02-22', tenWeekDate: '2027-03-22', warnDays: 5, extended: false });
    expect(clockColumns({ clock: { ...clock, extended: true, warnDaysBefore: undefined } })).toEqual(expect.objectContaining({ warnDays: 7, extended: true }));
  });

  it('leaves every column empty for a case without a complete clock (it is not on the board)', () => {
    const none = { receivedOn: null, dueDate: null, tenWeekDate: null, warnDays: null, extended: null };
    expect(clockColumns({})).toEqual(none);
    expect(clockColumns({ clock: null })).toEqual(none);
    expect(clockColumns({ clock: { ...clock, dueDate: undefined } })).toEqual(none);
    expect(clockColumns({ clock: { ...clock, tenWeekDate: 'morgen' } })).toEqual(none);
  });
});
