/**
 * A case whose due dates fall in a school year without regional holiday data (issue 13 item 6): the due date says so
 * in its explanation and the read model keeps the mark (`data.dueDates[].withoutHolidayData`, which the api's
 * `casesWithoutHolidayData` lists); with the school year imported (the ministry's published 2028-2029 file), the same
 * case counts its herfstvakantie and carries no mark. The test server's clock starts on Thursday 19 October 2028, just
 * before the herfstvakantie of regio midden (21–29 October 2028).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { holidaysToStore, readHolidayFile } from '@zorgroute/domain';
import { buildSchoolCalendar, KNOWN_SCHOOL_YEARS, type SchoolCalendar } from '@zorgroute/domain/logic';
import { FakeCaseActivities } from '../../../test/fake-case-activities';
import { maybeRecordHistory, updateError, useWorkflowTestKit, waitUntil } from '../../../test/workflow-test-kit';
import { getTrajectState, ondersteuningstrajectWorkflow } from '../ondersteuningstraject/ondersteuningstraject.workflow';
import { adminCloseCase } from './admin-actions';
import { useSchoolCalendar } from './calendar-update';
import type { DueDateView } from './case-recorder';

const SAMPLE = readFileSync(join(__dirname, '../../../../../docs/samples/holidays/schoolvakanties-2028-2029.json'), 'utf8');
const kit = useWorkflowTestKit({ startAt: '2028-10-19T10:00' });
const zc = { id: 'zc-1', name: 'Marieke Verhoef' };

const midden = buildSchoolCalendar('midden');
const withYear = (): SchoolCalendar => buildSchoolCalendar('midden', [], KNOWN_SCHOOL_YEARS, { '2028-2029': holidaysToStore(readHolidayFile(SAMPLE).schoolYears[0]!) });

/** Starts a P1 case on `calendar` and answers the due date of its intake as the read model shows it. */
async function intakeDue(calendar: SchoolCalendar): Promise<DueDateView> {
  const fakes = new FakeCaseActivities();
  const acts = fakes.activities();
  const base = acts.loadCaseContext;
  acts.loadCaseContext = async (input) => ({ ...(await base(input)), calendar });
  return kit.withWorker(acts, async (taskQueue) => {
    const h = await kit.env.client.workflow.start(ondersteuningstrajectWorkflow, {
      taskQueue,
      workflowId: `holidays-${taskQueue}`,
      args: [{ schoolId: 's-1', pupilId: 'pupil-1', startedBy: zc, reason: 'Faalangst bij toetsen', weeks: 9 }],
    });
    const due = () => ((fakes.latest?.data.dueDates as DueDateView[] | undefined) ?? []).find((d) => d.step === 'RECORD_INTAKE');
    await waitUntil(() => due() !== undefined, 'the intake step');
    await h.terminate('test finished');
    return due() as DueDateView;
  });
}

describe('due dates in a school year without holiday data', () => {
  it('say so in their explanation and carry the mark into the read model; with the year imported they count its vacations', async () => {
    expect(await kit.today()).toBe('2028-10-19');
    const without = await intakeDue(buildSchoolCalendar('midden'));
    expect(without.withoutHolidayData).toEqual(['2028-2029']);
    expect(without.explanation).toContain('Let op: deze datum is zonder vakantiegegevens berekend: van schooljaar 2028-2029 zijn de regionale vakanties nog niet bekend');

    const [year] = readHolidayFile(SAMPLE).schoolYears;
    const imported = await intakeDue(buildSchoolCalendar('midden', [], KNOWN_SCHOOL_YEARS, { '2028-2029': holidaysToStore(year!) }));
    expect(imported.withoutHolidayData).toBeUndefined();
    expect(imported.explanation).not.toContain('zonder vakantiegegevens');
    expect(imported.explanation).toContain('Herfstvakantie');
    // The herfstvakantie moved the due date: the case without the data counted its days as school days.
    expect(imported.date > without.date).toBe(true);
  }, 120_000);

  it('a running case takes the imported year (useSchoolCalendar): its open step moves, its ladder restarts and no reminder goes out twice', async () => {
    const fakes = new FakeCaseActivities();
    const acts = fakes.activities();
    const base = acts.loadCaseContext;
    acts.loadCaseContext = async (input) => ({ ...(await base(input)), calendar: midden });
    const admin = { id: 'platform-1', name: 'Platformbeheer' };
    const intake = () => ((fakes.latest?.data.dueDates as DueDateView[] | undefined) ?? []).find((d) => d.step === 'RECORD_INTAKE');
    const reminders = () => fakes.notifications.filter((n) => n.kind === 'STEP_REMINDER' && n.key.includes(':RECORD_INTAKE:'));
    await kit.withWorker(acts, async (taskQueue) => {
      const workflowId = 'ondersteuningstraject-schoolkalender-bijgewerkt';
      const h = await kit.env.client.workflow.start(ondersteuningstrajectWorkflow, {
        taskQueue,
        workflowId,
        args: [{ schoolId: 's-1', pupilId: 'pupil-1', startedBy: zc, reason: 'Faalangst bij toetsen', weeks: 9 }],
      });
      await waitUntil(() => intake() !== undefined, 'the intake step');
      // 10 school days from Thursday 19 October, the herfstvakantie counted as school days.
      expect(intake()).toMatchObject({ date: '2028-11-02', withoutHolidayData: ['2028-2029'] });

      // Wednesday 1 November: the reminder two school days before the old due date went out.
      await kit.sleepUntil('2028-11-01', 10);
      await waitUntil(() => reminders().length === 1, 'the first reminder');
      expect(reminders().map((n) => [n.rung, n.dueDate])).toEqual([['before-2', '2028-11-02']]);

      // Bad input changes nothing.
      const recorded = fakes.snapshots.length;
      expect((await updateError(h.executeUpdate(useSchoolCalendar, { args: [{ actor: admin, reason: 'Import', calendar: { ...withYear(), region: 'oost' as never } }] }))).type).toBe('BAD_USER_INPUT');
      expect((await updateError(h.executeUpdate(useSchoolCalendar, { args: [{ actor: admin, reason: ' ', calendar: withYear() }] }))).type).toBe('BAD_USER_INPUT');
      expect(fakes.snapshots.length).toBe(recorded);

      await h.executeUpdate(useSchoolCalendar, { args: [{ actor: admin, reason: 'Vakantiegegevens 2028-2029 geïmporteerd', calendar: withYear() }] });
      const st = await h.query(getTrajectState);
      expect(st.case.nextDueDate).toBe('2028-11-09');
      expect(intake()?.date).toBe('2028-11-09');
      expect(intake()?.withoutHolidayData).toBeUndefined();
      expect(intake()?.explanation).toContain('Herfstvakantie 5');
      expect(intake()?.explanation).not.toContain('zonder vakantiegegevens');
      const entry = fakes.audit.find((a) => a.action === 'CALENDAR_UPDATED_DUE_DATES_MOVED');
      expect(entry).toMatchObject({ actorId: admin.id, reason: 'Vakantiegegevens 2028-2029 geïmporteerd' });
      expect(entry?.description).toBe('Schoolkalender bijgewerkt met de vakantiegegevens van 2028-2029: termijn van "Intakegesprek en ontwikkeldoel vastleggen" van 2028-11-02 naar 2028-11-09');

      // Sent again (a retried import, the button pressed twice): nothing changes, no second entry, no ladder restart.
      const entries = () => fakes.audit.filter((a) => a.action.startsWith('CALENDAR_UPDATED')).length;
      expect(await h.executeUpdate(useSchoolCalendar, { args: [{ actor: admin, reason: 'Nogmaals verstuurd', calendar: withYear() }] })).toMatchObject({ movedSteps: 0, unchanged: true });
      expect(entries()).toBe(1);
      expect(intake()?.date).toBe('2028-11-09');

      // The old due date passes silently; the new one gets its reminder once; before-2 (sent already) is not repeated.
      await kit.sleepUntil('2028-11-10', 12);
      await waitUntil(() => reminders().length === 2, 'the reminder on the new due date');
      expect(reminders().map((n) => [n.rung, n.dueDate])).toEqual([['before-2', '2028-11-02'], ['due', '2028-11-09']]);
      expect(reminders()[1]?.key).toContain(':admin1:');
      expect(fakes.notifications.some((n) => n.kind === 'STEP_ESCALATION')).toBe(false);
      await h.executeUpdate(adminCloseCase, { args: [{ actor: admin, reason: 'Einde test' }] });
      await h.result();
      await maybeRecordHistory(h, workflowId);
    });
    expect(fakes.duplicates).toBe(0);
  }, 180_000);
});
