/**
 * Conformance: every process workflow type answers the shared admin updates (PROCESSES.md cross-cutting rule 6):
 * extend the open step's due date (refused for the statutory P4 term), reassign it, re-send one of its messages and
 * close the case. A process that forgets to install them fails here ("No registered handler for update").
 */
import type { Workflow } from '@temporalio/common';
import { addCalendarDays, buildSchoolCalendar, nextSchoolDay, type PolicyOverrides } from '@zorgroute/domain/logic';
import { FakeCaseActivities } from '../../../test/fake-case-activities';
import { updateError, useWorkflowTestKit, waitUntil } from '../../../test/workflow-test-kit';
import { josWorkflow } from '../jos/jos.workflow';
import { ondersteuningstrajectWorkflow } from '../ondersteuningstraject/ondersteuningstraject.workflow';
import { oovWorkflow } from '../oov/oov.workflow';
import { overdrachtWorkflow } from '../overdracht/overdracht.workflow';
import { zorgplichtWorkflow } from '../zorgplicht/zorgplicht.workflow';
import { zorgrouteWorkflow } from '../zorgroute/zorgroute.workflow';
import { adminCloseCase, adminExtendDueDate, adminReassignStep, adminResendNotification, CLOSED_BY_ADMIN_STATUS } from './admin-actions';

const zc = { id: 'zc-1', name: 'Marieke Verhoef' };
const mentor = { id: 'mentor-1', name: 'Sanne de Wit' };
const admin = { id: 'admin-1', name: 'Beheerder Jansen' };

interface ProcessUnderTest {
  process: string;
  workflow: Workflow;
  /** Start input; `today` is the test server's date in Amsterdam. */
  input: (today: string) => object;
  /** The statutory term of P4 cannot be extended by an admin. */
  extendable: boolean;
  /** Policy overrides the process needs to start (P6: a regional transfer calendar around the test's date). */
  policies?: (today: string) => PolicyOverrides;
}

const cal = buildSchoolCalendar('midden');

const PROCESSES: ProcessUnderTest[] = [
  {
    process: 'ONDERSTEUNINGSTRAJECT',
    workflow: ondersteuningstrajectWorkflow,
    input: () => ({ schoolId: 's-1', pupilId: 'pupil-1', startedBy: zc, reason: 'Faalangst bij toetsen', weeks: 8 }),
    extendable: true,
  },
  {
    process: 'ZORGROUTE',
    workflow: zorgrouteWorkflow,
    input: () => ({ schoolId: 's-1', pupilId: 'pupil-1', startedBy: mentor, referrerRole: 'MENTOR', source: 'GROEPSBESPREKING' }),
    extendable: true,
  },
  {
    process: 'JOS',
    workflow: josWorkflow,
    input: (today) => ({ schoolId: 's-1', pupilId: 'pupil-1', startedBy: zc, decisionDate: today, needs: ['FAALANGST'], mentorId: mentor.id, josWorkerId: 'jos-1' }),
    extendable: true,
  },
  {
    process: 'ZORGPLICHT',
    workflow: zorgplichtWorkflow,
    input: (today) => ({ schoolId: 's-1', pupilId: 'pupil-1', startedBy: zc, receivedOn: today, extraSupportExpected: true, preferenceSchoolIds: ['s-1'] }),
    extendable: false,
  },
  {
    process: 'OOV',
    workflow: oovWorkflow,
    input: () => ({ schoolId: 's-1', pupilId: 'pupil-1', startedBy: zc, reason: 'Ernstige schoolangst', source: 'DIRECT' }),
    extendable: true,
  },
  {
    process: 'OVERDRACHT',
    workflow: overdrachtWorkflow,
    input: (today) => ({
      schoolId: 's-1',
      pupilId: 'pupil-1',
      startedBy: zc,
      schoolYear: '2027-2028',
      applicationReceivedOn: today,
      poSchoolName: 'Basisschool De Regenboog',
      poContactName: 'Anja Vos (intern begeleider)',
      supportNeedsExpected: false,
      brugklascoordinatorId: 'brugklas-1',
    }),
    extendable: true,
    policies: (today) => {
      const start = nextSchoolDay(addCalendarDays(today, 120), cal);
      return {
        overdracht: {
          regionalCalendars: [
            {
              schoolYear: '2027-2028',
              schooladviesBy: addCalendarDays(today, 5),
              aanmeldweek: { from: addCalendarDays(today, 10), to: nextSchoolDay(addCalendarDays(today, 14), cal) },
              osoDeadline: nextSchoolDay(addCalendarDays(today, 30), cal),
              warmeOverdracht: { from: nextSchoolDay(addCalendarDays(today, 40), cal), to: nextSchoolDay(addCalendarDays(today, 80), cal) },
              startSchoolYear: start,
            },
          ],
        },
      };
    },
  },
];

const kit = useWorkflowTestKit();

describe('every process answers the shared admin updates (time skipping)', () => {
  it.each(PROCESSES)('$process: extend, reassign, resend and close', async ({ workflow, input, extendable, policies }) => {
    const today = await kit.today();
    const fakes = new FakeCaseActivities(policies?.(today));
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await kit.env.client.workflow.start(workflow, { taskQueue: tq, workflowId: `shared-${tq}`, args: [input(today)] });
      await waitUntil(() => !!fakes.latest?.waitingFor && fakes.notifications.some((n) => n.kind === 'STEP_ASSIGNED' && n.recipients.userIds?.length), 'first open step');
      const open = fakes.latest!;

      // 169 days after the start (2027-06-30 from the suite's default start), whatever clock the suite starts at.
      const newDueDate = addCalendarDays(today, 169);
      const extend = h.executeUpdate(adminExtendDueDate, { args: [{ actor: admin, reason: 'Leerling langdurig ziek', newDueDate }] });
      if (extendable) {
        await extend;
        await waitUntil(() => fakes.latest?.nextDueDate === newDueDate, 'extended due date');
      } else {
        expect((await updateError(extend)).type).toBe('STEP_NOT_ALLOWED');
      }

      await h.executeUpdate(adminReassignStep, { args: [{ actor: admin, reason: 'Eigenaar met verlof', newOwnerId: 'zc-2', newOwnerName: 'Joris Bakker' }] });
      await waitUntil(() => fakes.notifications.some((n) => n.kind === 'STEP_ASSIGNED' && n.recipients.userIds?.[0] === 'zc-2'), 'reassigned step');

      const sent = fakes.notifications.find((n) => n.recipients.userIds?.length);
      const deliveryKey = `${sent!.key}:${sent!.recipients.userIds![0]}`;
      await h.executeUpdate(adminResendNotification, { args: [{ actor: admin, reason: 'Mail kwam niet aan', deliveryKey }] });
      await waitUntil(() => fakes.notifications.some((n) => n.key === `${deliveryKey}:resend:1`), 'resent message');

      await h.executeUpdate(adminCloseCase, { args: [{ actor: admin, reason: 'Dubbel aangemaakt dossier' }] });
      expect(open.waitingFor).not.toBeNull();
      return (await h.result()) as { case: { status: string; closedAt: string | null } };
    });
    expect(final.case.status).toBe(CLOSED_BY_ADMIN_STATUS);
    expect(final.case.closedAt).not.toBeNull();
    expect(fakes.audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([...(extendable ? ['ADMIN_DUE_DATE_EXTENDED'] : []), 'ADMIN_STEP_REASSIGNED', 'ADMIN_NOTIFICATION_RESENT', 'ADMIN_CASE_CLOSED']),
    );
    expect(fakes.duplicates).toBe(0);
  }, 120_000);
});
