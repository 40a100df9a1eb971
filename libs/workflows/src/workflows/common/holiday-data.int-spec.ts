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
import { useWorkflowTestKit, waitUntil } from '../../../test/workflow-test-kit';
import { ondersteuningstrajectWorkflow } from '../ondersteuningstraject/ondersteuningstraject.workflow';
import type { DueDateView } from './case-recorder';

const SAMPLE = readFileSync(join(__dirname, '../../../../../docs/samples/holidays/schoolvakanties-2028-2029.json'), 'utf8');
const kit = useWorkflowTestKit({ startAt: '2028-10-19T10:00' });
const zc = { id: 'zc-1', name: 'Marieke Verhoef' };

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
});
