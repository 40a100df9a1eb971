/**
 * A ZAT meeting and a P2 case's PLAN_ZAT step (issue 17.8) on the real stack (Temporal dev server, PostgreSQL, mail
 * catcher): a case taken through triage, IZO (with a ZAT referral) and the parent's ZAT consent waits for PLAN_ZAT
 * (its school had no ZAT meeting when it started, so nothing planned it by itself); it is a candidate of a ZAT meeting
 * the zorgcoördinator plans, not of a Flex-ZAT; a ZAT too soon for its agenda is refused and changes nothing; put on
 * the meeting, the case's own PLAN_ZAT step plans it there with the meeting's time and place: it is on the meeting's
 * agenda (and no longer a candidate), its timeline and zorgroute detail show the planned ZAT, it waits for RECORD_ZAT.
 */
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { SchoolDayOffRepository, SchoolEntity } from '@zorgroute/domain';
import { addSchoolDays, isSchoolDay, schoolYearOf, toIsoDate } from '@zorgroute/domain/logic';
import { dateInWords } from '@zorgroute/dates';
import { eventually } from './graphql-client';
import { useTestStack } from './test-stack';

const stack = useTestStack({ name: 'e2e-meetings-zat' });
const RUN = Date.now().toString(36);
const ZC = 'zc@daltoncollege.example';
// A pupil with no P2 case in any other suite (one open IZO referral per pupil); her demo case is an OPP.
const PUPIL = { name: 'Evi Smeets', parent: 'ouder.smeets@voorbeeldmail.example' };

const PLAN = `mutation($i: PlanMeetingInput!) { planMeeting(input: $i) { id kind date caseCount } }`;
const DETAIL = `query($id: ID!) { meeting(id: $id) { meeting { id caseCount } cases { caseId pupilName plannedDate statusLabel } candidates { caseId pupilName } } }`;
const PUT = `mutation($i: PutCaseOnMeetingInput!) { putCaseOnMeeting(input: $i) { cases { caseId } } }`;
type Detail = { meeting: { meeting: { id: string; caseCount: number }; cases: { caseId: string; pupilName: string; plannedDate: string | null; statusLabel: string }[]; candidates: { caseId: string; pupilName: string }[] } };
const CASE = `query($id: ID!) { case(id: $id) {
  summary { status waitingFor nextDueDate }
  timeline { kind description }
  zorgroute { zatMeeting { meetingDate flex invitees } }
} }`;
type CaseDetail = {
  case: {
    summary: { status: string; waitingFor: string | null; nextDueDate: string | null };
    timeline: { kind: string; description: string }[];
    zorgroute: { zatMeeting: { meetingDate: string; flex: boolean; invitees: string[] } | null } | null;
  };
};

let current = '';
async function as(email: string): Promise<void> {
  if (current === email) return;
  await stack.gql.login(email);
  current = email;
}

async function waitingFor(id: string, step: string): Promise<void> {
  await eventually(async () => (await stack.gql.ok<CaseDetail>(CASE, { id })).case.summary.waitingFor === step, 30_000, `step ${step}`);
}

async function takeStep(caseId: string, step: string, input: Record<string, unknown>): Promise<void> {
  await stack.gql.ok(`mutation($c: ID!, $s: String!, $i: JSONObject!) { takeStep(caseId: $c, step: $s, input: $i) { id } }`, { c: caseId, s: step, i: input });
}

async function parentConsents(caseId: string, kind: string): Promise<void> {
  await as(PUPIL.parent);
  const request = await eventually(async () => {
    const { myConsentRequests } = await stack.gql.ok<{ myConsentRequests: { id: string; caseId: string; kind: string }[] }>(`query { myConsentRequests { id caseId kind } }`);
    return myConsentRequests.find((r) => r.caseId === caseId && r.kind === kind);
  }, 30_000, `the ${kind} consent request`);
  await stack.gql.ok(`mutation($i: GiveConsentInput!) { giveConsent(input: $i) { status } }`, { i: { caseId, requestId: request.id, decision: 'GIVEN' } });
  await as(ZC);
}

let caseId = '';
const meetingIds: string[] = [];

describe('a P2 case planned onto a ZAT meeting through its PLAN_ZAT step', () => {
  afterAll(async () => {
    const ds = stack.app?.get(DataSource);
    if (caseId) {
      await stack.app?.get(Client).workflow.getHandle(caseId).terminate('meetings ZAT test finished').catch(() => undefined);
      await ds?.query('UPDATE case_summary SET closed_at = now() WHERE id = $1 AND closed_at IS NULL', [caseId]);
    }
    // Its ZAT meetings would become the ZAT calendar of P2 cases other suites start later on this database.
    if (meetingIds.length) await ds?.query(`UPDATE meeting SET cancelled_at = now(), cancel_reason = 'test afgerond' WHERE id = ANY($1) AND cancelled_at IS NULL`, [meetingIds]);
  }, 60_000);

  it('takes a case to PLAN_ZAT, puts it on a ZAT meeting, and finds it on the agenda and in its timeline', async () => {
    const ds = stack.app.get(DataSource);
    const school = await ds.getRepository(SchoolEntity).findOneByOrFail({ brin: '99XA00' });
    const cal = await new SchoolDayOffRepository(ds).calendarFor(school);
    const today = toIsoDate(Date.now());
    await as(ZC);
    const { pupils } = await stack.gql.ok<{ pupils: { id: string; displayName: string }[] }>(`query { pupils { id displayName } }`);
    const pupil = pupils.find((p) => p.displayName === PUPIL.name);
    if (!pupil) throw new Error(`demo pupil ${PUPIL.name} missing`);

    // A case snapshots its school's ZAT meetings when it starts and is put on the next one by itself. Another suite on
    // this database (the demo seed) may have planned the school year's ZAT meetings: they are set aside while the case
    // starts, so that it waits for PLAN_ZAT, and put back right after.
    await ds.query(`UPDATE meeting SET cancelled_at = now(), cancel_reason = $2 WHERE school_id = $1 AND kind = 'ZAT' AND cancelled_at IS NULL AND meeting_date >= CURRENT_DATE`, [school.id, `opzij ${RUN}`]);
    try {
      const { startZorgroute } = await stack.gql.ok<{ startZorgroute: { id: string } }>(`mutation($i: StartZorgrouteInput!) { startZorgroute(input: $i) { id } }`, {
        i: {
          pupilId: pupil.id,
          source: 'GROEPSBESPREKING',
          requestKey: `meetings-zat-${RUN}`,
          submit: true,
          form: { reasons: ['PROBLEMATISCH_FUNCTIONEREN_THUIS'], parentsInformed: true, problem: 'Veel verzuim', pupilHelpQuestion: 'Hulp bij op tijd komen', mentorSupportQuestion: 'Hoe houd ik contact?', firstLineActions: 'Gesprekken gevoerd' },
        },
      });
      caseId = startZorgroute.id;
      await waitingFor(caseId, 'TRIAGE');
    } finally {
      await ds.query(`UPDATE meeting SET cancelled_at = NULL, cancel_reason = NULL WHERE cancel_reason = $1`, [`opzij ${RUN}`]);
    }

    // Triage, voorgesprek, the parent's IZO consent, the IZO refers to the ZAT, minutes, nagesprek, the ZAT consent.
    await takeStep(caseId, 'TRIAGE', { outcome: 'GEACCEPTEERD', checks: { secondLine: true, questionsClear: true, firstLineDone: true, parentsAndPupilKnow: true } });
    await waitingFor(caseId, 'RECORD_VOORGESPREK');
    await stack.gql.ok(`mutation($c: ID!, $i: ZorgrouteConversationInput!) { recordVoorgesprek(caseId: $c, input: $i) { id } }`, { c: caseId, i: { date: today, parentsReport: 'Moeder herkent het', pupilReport: 'Leerling wil hulp' } });
    await parentConsents(caseId, 'IZO_BESPREKING');
    await waitingFor(caseId, 'RECORD_IZO');
    await stack.gql.ok(`mutation($c: ID!, $i: IzoDiscussionInput!) { recordIzoDiscussion(caseId: $c, input: $i) { id } }`, {
      c: caseId,
      i: { minutes: { analysis: 'Verzuim hangt samen met de thuissituatie', zatQuestion: 'Welke hulp heeft het gezin nodig?', summary: 'Aanmelden bij het ZAT' }, decisions: [{ kind: 'VERWIJZING_ZAT', description: 'Aanmelden bij het ZAT' }] },
    });
    await waitingFor(caseId, 'DISTRIBUTE_IZO_MINUTES');
    await stack.gql.ok(`mutation($c: ID!) { confirmIzoMinutesSent(caseId: $c) { id } }`, { c: caseId });
    await waitingFor(caseId, 'RECORD_NAGESPREK');
    await stack.gql.ok(`mutation($c: ID!, $i: ZorgrouteConversationInput!) { recordNagesprek(caseId: $c, input: $i) { id } }`, { c: caseId, i: { date: today, parentsReport: 'Afspraken besproken', pupilReport: 'Akkoord', agreements: 'Aanmelding ZAT' } });
    await parentConsents(caseId, 'ZAT_AANMELDING');
    await waitingFor(caseId, 'SUBMIT_ZAT_REFERRAL');
    await stack.gql.ok(`mutation($c: ID!, $i: ZatReferralInput) { submitZatReferral(caseId: $c, input: $i) { id } }`, { c: caseId, i: { homeSituation: 'Vader en moeder gescheiden' } });
    await waitingFor(caseId, 'PLAN_ZAT');

    // Two ZAT meetings on free school days: one too soon for its agenda (5 school days ahead at this school), one in time.
    const activeZat = new Set<string>((await ds.query(`SELECT to_char(meeting_date, 'YYYY-MM-DD') AS d FROM meeting WHERE school_id = $1 AND kind = 'ZAT' AND cancelled_at IS NULL`, [school.id])).map((r: { d: string }) => r.d));
    const freeFrom = (from: string): string => {
      let d = from;
      while (!isSchoolDay(d, cal) || activeZat.has(d)) d = addSchoolDays(d, 1, cal);
      activeZat.add(d);
      return d;
    };
    const tooSoonDate = freeFrom(addSchoolDays(today, 1, cal));
    expect(tooSoonDate < addSchoolDays(today, 5, cal)).toBe(true);
    const date = freeFrom(addSchoolDays(today, 8, cal));
    const plan = async (kind: string, d: string, extra: Record<string, string> = {}) => {
      const { planMeeting } = await stack.gql.ok<{ planMeeting: { id: string; kind: string; date: string; caseCount: number } }>(PLAN, { i: { schoolId: school.id, kind, date: d, ...extra } });
      meetingIds.push(planMeeting.id);
      return planMeeting;
    };
    const tooSoon = await plan('ZAT', tooSoonDate);
    const zat = await plan('ZAT', date, { time: '13:15', location: 'vergaderkamer 2' });
    expect(zat).toEqual(expect.objectContaining({ kind: 'ZAT', date, caseCount: 0 }));
    await ds.query(`UPDATE meeting SET cancelled_at = now(), cancel_reason = 'test' WHERE school_id = $1 AND kind = 'FLEX_ZAT' AND meeting_date = $2 AND cancelled_at IS NULL`, [school.id, date]);
    const flex = await plan('FLEX_ZAT', date);

    // The case waits for PLAN_ZAT: a candidate of the ZAT meetings, not of the Flex-ZAT (its school holds ZATs).
    const before = (await stack.gql.ok<Detail>(DETAIL, { id: zat.id })).meeting;
    expect(before.cases).toEqual([]);
    expect(before.candidates).toContainEqual({ caseId, pupilName: PUPIL.name });
    expect((await stack.gql.ok<Detail>(DETAIL, { id: flex.id })).meeting.candidates.map((c) => c.caseId)).not.toContain(caseId);
    const wrongKind = await stack.gql.request(PUT, { i: { meetingId: flex.id, caseId } });
    expect(wrongKind.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrongKind.errors?.[0].message).toMatch(/gaat naar het ZAT, niet naar een Flex-ZAT/);

    // Too soon for the agenda: refused by the case's own rule, nothing planned.
    const refused = await stack.gql.request(PUT, { i: { meetingId: tooSoon.id, caseId } });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/agenda moet minstens 5 schooldagen vooraf/);
    expect(refused.errors?.[0].extensions?.messageEn).toBeTruthy();
    expect((await stack.gql.ok<CaseDetail>(CASE, { id: caseId })).case.summary.waitingFor).toBe('PLAN_ZAT');
    expect((await stack.gql.ok<Detail>(DETAIL, { id: tooSoon.id })).meeting.cases).toEqual([]);

    // Put on the ZAT meeting: its PLAN_ZAT step plans the ZAT on the meeting's date, with its time and place.
    await stack.gql.ok(PUT, { i: { meetingId: zat.id, caseId } });
    const after = await eventually(async () => {
      const d = (await stack.gql.ok<Detail>(DETAIL, { id: zat.id })).meeting;
      return d.cases.some((c) => c.caseId === caseId) ? d : null;
    }, 30_000, 'the case on the ZAT meeting');
    expect(after.cases).toEqual([{ caseId, pupilName: PUPIL.name, plannedDate: date, statusLabel: expect.any(String) }]);
    expect(after.meeting.caseCount).toBe(1);
    expect(after.candidates.map((c) => c.caseId)).not.toContain(caseId);
    // Again (a second click after the first was done, or a page opened before): the meeting as it is, no second step.
    const again = await stack.gql.ok<{ putCaseOnMeeting: { cases: { caseId: string }[] } }>(PUT, { i: { meetingId: zat.id, caseId } });
    expect(again.putCaseOnMeeting.cases).toEqual([{ caseId }]);

    const { case: planned } = await stack.gql.ok<CaseDetail>(CASE, { id: caseId });
    expect([planned.summary.status, planned.summary.waitingFor, planned.summary.nextDueDate]).toEqual(['GEPLAND_ZAT', 'RECORD_ZAT', date]);
    expect(planned.zorgroute?.zatMeeting).toEqual(expect.objectContaining({ meetingDate: date, flex: false }));
    const planEntries = planned.timeline.filter((t) => t.kind === 'ZAT_PLANNED');
    expect(planEntries).toHaveLength(1);
    // The timeline speaks of the date in words, not as an ISO date.
    expect(planEntries[0].description).toContain(dateInWords(date));
    expect(planned.timeline.map((t) => t.description).join('\n')).not.toContain(date);
    // Not on the other meetings.
    expect((await stack.gql.ok<Detail>(DETAIL, { id: flex.id })).meeting.cases).toEqual([]);
    expect((await stack.gql.ok<Detail>(DETAIL, { id: tooSoon.id })).meeting.cases).toEqual([]);

    // The meeting is in the school year's overview with its one case.
    const { meetings } = await stack.gql.ok<{ meetings: { meetings: { id: string; caseCount: number }[] } }>(`query($s: ID!, $y: String!) { meetings(schoolId: $s, schoolYear: $y, kind: "ZAT") { meetings { id caseCount } } }`, {
      s: school.id,
      y: schoolYearOf(date),
    });
    expect(meetings.meetings.find((m) => m.id === zat.id)?.caseCount).toBe(1);
  }, 300_000);
});
