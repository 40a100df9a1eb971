import type { WorkflowHandle } from '@temporalio/client';
import { addDays, formatISO, parseISO } from 'date-fns';
import { addSchoolDays, buildSchoolCalendar, nextSchoolDay, toIsoDate } from '@zorgroute/domain/logic';
import { FakeCaseActivities } from '../../../test/fake-case-activities';
import { DAY, maybeRecordHistory, updateError, useWorkflowTestKit, waitUntil } from '../../../test/workflow-test-kit';
import { getTrajectState, ondersteuningstrajectWorkflow, type OndersteuningstrajectState, type StartOndersteuningstrajectInput } from '../ondersteuningstraject/ondersteuningstraject.workflow';
import { getJosState, josWorkflow, planJosStartgesprek, recordJosStartgesprek, submitJosForm, type JosState, type StartJosInput } from '../jos/jos.workflow';
import { recordConsentDecision } from './consent';
import { getZorgrouteState, zorgrouteWorkflow, type StartZorgrouteInput } from '../zorgroute/zorgroute.workflow';
import { adminCloseCase, adminExtendDueDate, adminReassignStep, adminResendNotification } from './admin-actions';

const zc = { id: 'zc-1', name: 'Marieke Verhoef' };
const admin = { id: 'admin-1', name: 'Beheerder Jansen' };
const p1Input: StartOndersteuningstrajectInput = { schoolId: 's-1', pupilId: 'pupil-1', startedBy: zc, reason: 'Faalangst bij toetsen', weeks: 8 };
const p2Input: StartZorgrouteInput = { schoolId: 's-1', pupilId: 'pupil-1', startedBy: { id: 'mentor-1', name: 'Sanne de Wit' }, referrerRole: 'MENTOR', source: 'GROEPSBESPREKING' };

const kit = useWorkflowTestKit();

type P1Handle = WorkflowHandle<typeof ondersteuningstrajectWorkflow>;

function startP1(tq: string): Promise<P1Handle> {
  return kit.env.client.workflow.start(ondersteuningstrajectWorkflow, { taskQueue: tq, workflowId: `admin-p1-${tq}`, args: [p1Input] });
}

async function waitForP1(h: P1Handle, check: (st: OndersteuningstrajectState) => boolean): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const st = await h.query(getTrajectState).catch(() => null);
    if (st && check(st)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('state not reached');
}

const plus = (date: string, days: number) => formatISO(addDays(parseISO(date), days), { representation: 'date' });

describe('admin actions on a stuck case (time skipping)', () => {
  it('P1: extending the due date of an overdue step clears the stuck mark and restarts the ladder from the new date', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await startP1(tq);
      await waitForP1(h, (st) => st.case.waitingFor === 'RECORD_INTAKE');
      await kit.env.sleep(56 * DAY);
      await waitForP1(h, (st) => st.case.stuck);
      expect((await h.query(getTrajectState)).case.stuckReason).toBe('OVERDUE:RECORD_INTAKE');
      const today = await kit.today();

      // Bad input changes nothing: no reason, or a date that is not later.
      const recorded = fakes.snapshots.length;
      expect((await updateError(h.executeUpdate(adminExtendDueDate, { args: [{ actor: admin, reason: ' ', newDueDate: plus(today, 14) }] }))).type).toBe('BAD_USER_INPUT');
      expect((await updateError(h.executeUpdate(adminExtendDueDate, { args: [{ actor: admin, reason: 'Zieke mentor', newDueDate: '2020-01-01' }] }))).type).toBe('BAD_USER_INPUT');
      expect(fakes.snapshots.length).toBe(recorded);

      const before = fakes.notifications.length;
      // Three weeks on, on a school day (the due rung goes out on the due date itself; from a start in the herfstvakantie
      // three weeks on can be a Saturday).
      const newDue = nextSchoolDay(plus(today, 21), buildSchoolCalendar('midden'));
      await h.executeUpdate(adminExtendDueDate, { args: [{ actor: admin, reason: 'Leerling was langdurig ziek', newDueDate: newDue }] });
      const st = await h.query(getTrajectState);
      expect(st.case.stuck).toBe(false);
      expect(st.case.nextDueDate).toBe(newDue);
      const dueDates = st.case.data.dueDates as { step: string; date: string; explanation: string }[];
      expect(dueDates.find((d) => d.step === 'RECORD_INTAKE')?.explanation).toContain('Verlengd door beheer: Leerling was langdurig ziek');
      const audit = fakes.audit.find((a) => a.action === 'ADMIN_DUE_DATE_EXTENDED');
      expect(audit).toMatchObject({ actorId: admin.id, actorName: admin.name, reason: 'Leerling was langdurig ziek' });

      // Nothing fires until the new ladder's first rung (2 school days before the new date); then only new rungs.
      await kit.env.sleep(7 * DAY);
      expect(fakes.notifications.slice(before).filter((n) => n.key.includes(':RECORD_INTAKE:'))).toHaveLength(0);
      await kit.sleepUntil(plus(newDue, 1));
      const fresh = fakes.notifications.slice(before).filter((n) => n.key.includes(':RECORD_INTAKE:'));
      expect(fresh.map((n) => n.key.split(':').at(-1))).toEqual(['before-2', 'due']);
      expect(fresh.every((n) => n.key.includes(':admin1:') && n.dueDate === newDue)).toBe(true);
      expect((await h.query(getTrajectState)).case.stuck).toBe(false);
      await h.executeUpdate(adminCloseCase, { args: [{ actor: admin, reason: 'Einde test' }] });
      await h.result();
    });
    expect(fakes.duplicates).toBe(0);
  }, 180_000);

  it('P1: reassigning the open step tells the new owner and sends him the remaining reminders', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await startP1(tq);
      await waitForP1(h, (st) => st.case.waitingFor === 'RECORD_INTAKE');
      const same = await updateError(h.executeUpdate(adminReassignStep, { args: [{ actor: admin, reason: 'Andere eigenaar', newOwnerId: 'zc-1', newOwnerName: zc.name }] }));
      expect(same.type).toBe('BAD_USER_INPUT');
      await h.executeUpdate(adminReassignStep, { args: [{ actor: admin, reason: 'Zorgcoördinator met verlof', newOwnerId: 'zc-2', newOwnerName: 'Joris Bakker' }] });
      const st = await h.query(getTrajectState);
      expect(st.case.ownerUserId).toBe('zc-2');
      expect(st.case.participantIds).toContain('zc-2');
      await waitUntil(() => fakes.notifications.some((n) => n.kind === 'STEP_ASSIGNED' && n.recipients.userIds?.[0] === 'zc-2'));
      await kit.env.sleep(28 * DAY);
      const reminders = fakes.notifications.filter((n) => n.kind === 'STEP_REMINDER');
      expect(reminders.length).toBeGreaterThan(0);
      expect(reminders.every((n) => n.recipients.userIds?.[0] === 'zc-2')).toBe(true);
      expect(fakes.audit.find((a) => a.action === 'ADMIN_STEP_REASSIGNED')).toMatchObject({ actorId: admin.id, reason: 'Zorgcoördinator met verlof' });

      // Re-sending a message of this case: a new key derived from the old one, to the same recipient.
      const assigned = fakes.notifications.find((n) => n.kind === 'STEP_ASSIGNED' && n.recipients.userIds?.[0] === 'zc-2');
      const deliveryKey = `${assigned?.key}:zc-2`;
      await h.executeUpdate(adminResendNotification, { args: [{ actor: admin, reason: 'Mail kwam niet aan', deliveryKey }] });
      await waitUntil(() => fakes.notifications.some((n) => n.key === `${deliveryKey}:resend:1`));
      const unknown = await updateError(h.executeUpdate(adminResendNotification, { args: [{ actor: admin, reason: 'Mail kwam niet aan', deliveryKey: 'other-case:x:zc-2' }] }));
      expect(unknown.type).toBe('BAD_USER_INPUT');
      await h.executeUpdate(adminCloseCase, { args: [{ actor: admin, reason: 'Einde test' }] });
      await h.result();
    });
    expect(fakes.duplicates).toBe(0);
  }, 180_000);

  it('P1: closing ends the case in GESLOTEN_DOOR_BEHEER with the open step cancelled', async () => {
    const fakes = new FakeCaseActivities();
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await kit.env.client.workflow.start(ondersteuningstrajectWorkflow, { taskQueue: tq, workflowId: 'ondersteuningstraject-gesloten-door-beheer', args: [p1Input] });
      await waitForP1(h, (st) => st.case.waitingFor === 'RECORD_INTAKE');
      expect((await updateError(h.executeUpdate(adminCloseCase, { args: [{ actor: admin, reason: 'x' }] }))).type).toBe('BAD_USER_INPUT');
      await h.executeUpdate(adminCloseCase, { args: [{ actor: admin, reason: 'Dubbel aangemaakt dossier' }] });
      const result = await h.result();
      await maybeRecordHistory(h, 'ondersteuningstraject-gesloten-door-beheer');
      const countAfter = fakes.notifications.length;
      await kit.env.sleep(30 * DAY);
      expect(fakes.notifications.length).toBe(countAfter);
      return result;
    });
    expect(final.case.status).toBe('GESLOTEN_DOOR_BEHEER');
    expect(final.case.outcome).toBe('GESLOTEN_DOOR_BEHEER');
    expect(final.case.closedAt).not.toBeNull();
    expect(final.case.waitingFor).toBeNull();
    expect(fakes.latest?.status).toBe('GESLOTEN_DOOR_BEHEER');
    expect(fakes.audit.find((a) => a.action === 'ADMIN_CASE_CLOSED')).toMatchObject({ actorName: admin.name, reason: 'Dubbel aangemaakt dossier' });
    expect(fakes.audit.some((a) => a.action.startsWith('STATUS_MATCHING'))).toBe(false);
    // The parents are told once that the school closed the case: which process and when, never the reason.
    const told = fakes.notifications.filter((n) => n.kind === 'CASE_CLOSED');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ recipients: { parentsOfPupil: p1Input.pupilId }, process: 'ONDERSTEUNINGSTRAJECT', dueDate: toIsoDate(final.case.closedAt ?? '') });
    expect(JSON.stringify(told[0])).not.toContain('Dubbel aangemaakt dossier');
  }, 120_000);

  it('P3: closing cancels the planned startgesprek for everyone invited, with the same calendar entry', async () => {
    const fakes = new FakeCaseActivities();
    const mentor = { id: 'mentor-1', name: 'Sanne de Wit' };
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const name = 'jos-gesloten-door-beheer-startgesprek-afgelast';
      const input: StartJosInput = { schoolId: 's-1', pupilId: 'pupil-1', startedBy: zc, decisionDate: await kit.today(), needs: ['FAALANGST'], decisionNotes: 'Besproken in het ondersteuningsteam', mentorId: mentor.id, josWorkerId: 'jos-1' };
      const h = await kit.env.client.workflow.start(josWorkflow, { taskQueue: tq, workflowId: name, args: [input] });
      for (let i = 0; i < 300 && (await h.query(getJosState).catch(() => null))?.case.status !== 'AANMELDFORMULIER'; i++) await new Promise((r) => setTimeout(r, 50));
      await h.executeUpdate(submitJosForm, {
        args: [{ actor: mentor, needs: ['FAALANGST'], problemDescription: 'Blokkeert bij toetsen', singleSchoolRelatedProblem: true, alreadyTried: 'Gesprekken met de mentor', parentsInformed: true }],
      });
      const meetingDate = addSchoolDays(await kit.today(), 3, buildSchoolCalendar('midden'));
      await h.executeUpdate(planJosStartgesprek, { args: [{ actor: { id: 'jos-1', name: 'Lotte Brinkhorst' }, date: meetingDate, time: '15:00', location: 'kamer JOS' }] });
      await waitUntil(() => fakes.notifications.some((n) => n.kind === 'MEETING_INVITATION'), 'the invitation');
      await h.executeUpdate(adminCloseCase, { args: [{ actor: admin, reason: 'Ouders hebben de school verlaten' }] });
      const result = await h.result();
      await maybeRecordHistory(h, name);
      return result;
    });
    expect(final.case.status).toBe('GESLOTEN_DOOR_BEHEER');
    const [invitation] = fakes.notifications.filter((n) => n.kind === 'MEETING_INVITATION');
    const cancelled = fakes.notifications.filter((n) => n.kind === 'MEETING_CANCELLED');
    expect(cancelled).toEqual([{ ...invitation, key: `${invitation.key}:cancelled`, kind: 'MEETING_CANCELLED' }]);
    expect(fakes.notifications.filter((n) => n.kind === 'CASE_CLOSED')).toHaveLength(1);
    expect(JSON.stringify(cancelled)).not.toContain('verlaten');
    expect(fakes.duplicates).toBe(0);
  }, 180_000);

  it('P3: refuses a due date after the JOS cap, with the cap date; up to the cap is allowed', async () => {
    const fakes = new FakeCaseActivities();
    const mentor = { id: 'mentor-1', name: 'Sanne de Wit' };
    const jos = { id: 'jos-1', name: 'Lotte Brinkhorst' };
    await kit.withWorker(fakes.activities(), async (tq) => {
      const today = await kit.today();
      const input: StartJosInput = { schoolId: 's-1', pupilId: 'pupil-1', startedBy: zc, decisionDate: today, needs: ['FAALANGST'], mentorId: mentor.id, josWorkerId: jos.id };
      const h = await kit.env.client.workflow.start(josWorkflow, { taskQueue: tq, workflowId: `admin-p3-cap-${tq}`, args: [input] });
      const waitFor = async (check: (st: JosState) => boolean) => {
        for (let i = 0; i < 300; i++) {
          const st = await h.query(getJosState).catch(() => null);
          if (st && check(st)) return st;
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error('state not reached');
      };
      await waitFor((st) => st.case.status === 'AANMELDFORMULIER');
      await h.executeUpdate(submitJosForm, { args: [{ actor: mentor, needs: ['FAALANGST'], problemDescription: 'Blokkeert bij toetsen', singleSchoolRelatedProblem: true, alreadyTried: 'Gesprekken', parentsInformed: true }] });
      await waitFor((st) => st.case.status === 'STARTGESPREK');
      await h.executeUpdate(recordJosStartgesprek, { args: [{ actor: jos, date: today, parentsPresent: true, mentorPresent: true, pupilPresent: true, summary: 'Kennismaking' }] });
      const asked = await waitFor((st) => st.signature?.status === 'PENDING');
      await h.executeUpdate(recordConsentDecision, { args: [{ actor: { id: 'parent-1', name: 'Petra Veldkamp' }, requestId: asked.signature?.requestId as string, decision: 'GIVEN', method: 'DIGITAL', giverUserId: 'parent-1', giverRole: 'PARENT' }] });
      const goals = await waitFor((st) => st.case.status === 'DOELEN' && st.case.waitingFor === 'SET_GOALS');
      const cap = goals.capDate as string;

      const recorded = fakes.snapshots.length;
      const beyond = await updateError(h.executeUpdate(adminExtendDueDate, { args: [{ actor: admin, reason: 'Leerling langdurig ziek', newDueDate: plus(cap, 1) }] }));
      expect(beyond.type).toBe('STEP_NOT_ALLOWED');
      expect(beyond.message).toContain(cap);
      expect(fakes.snapshots.length).toBe(recorded);

      await h.executeUpdate(adminExtendDueDate, { args: [{ actor: admin, reason: 'Leerling langdurig ziek', newDueDate: cap }] });
      expect((await h.query(getJosState)).case.nextDueDate).toBe(cap);
      await h.executeUpdate(adminCloseCase, { args: [{ actor: admin, reason: 'Einde test' }] });
      await h.result();
    });
    expect(fakes.duplicates).toBe(0);
  }, 180_000);

  it('P2: extends the referral step and closes the case in GESLOTEN_DOOR_BEHEER', async () => {
    const fakes = new FakeCaseActivities();
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await kit.env.client.workflow.start(zorgrouteWorkflow, { taskQueue: tq, workflowId: `admin-p2-${tq}`, args: [p2Input] });
      for (let i = 0; i < 300 && (await h.query(getZorgrouteState).catch(() => null))?.case.waitingFor !== 'SUBMIT_REFERRAL'; i++) await new Promise((r) => setTimeout(r, 50));
      const st = await h.query(getZorgrouteState);
      const newDue = plus(st.case.nextDueDate as string, 10);
      await h.executeUpdate(adminExtendDueDate, { args: [{ actor: admin, reason: 'Mentor heeft meer tijd nodig', newDueDate: newDue }] });
      expect((await h.query(getZorgrouteState)).case.nextDueDate).toBe(newDue);
      await kit.sleepUntil(newDue);
      const reminders = fakes.notifications.filter((n) => n.kind === 'STEP_REMINDER');
      expect(reminders.length).toBeGreaterThan(0);
      expect(reminders.every((n) => n.dueDate === newDue && n.key.includes(':admin1:'))).toBe(true);
      await h.executeUpdate(adminCloseCase, { args: [{ actor: admin, reason: 'Leerling verhuisd naar een andere regio' }] });
      return h.result();
    });
    expect(final.case.status).toBe('GESLOTEN_DOOR_BEHEER');
    expect(final.case.closedAt).not.toBeNull();
    expect(fakes.audit.filter((a) => a.action === 'STATUS_AFGESLOTEN')).toHaveLength(0);
    expect(fakes.duplicates).toBe(0);
  }, 180_000);
});
