/**
 * Meetings (issue 17.8) on the real stack (Temporal dev server, PostgreSQL, mail catcher): the zorgcoördinator plans a
 * meeting (bad input answered with BAD_USER_INPUT and nothing stored), sees the school year's ZAT check, puts three P2
 * cases on next week's IZO through their own RESCHEDULE_IZO step, finds them on the meeting (from the read model), sends
 * one agenda — a double click sends it once, a resend is explicit — read back from the mail catcher without pupil names;
 * a parent and the SWV cannot read a meeting; minutes with a note for a case not on the meeting store nothing.
 */
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { SchoolDayOffRepository, SchoolEntity } from '@zorgroute/domain';
import { addCalendarDays, addSchoolDays, isoDayOfWeek, isSchoolDay, schoolYearOf, toIsoDate } from '@zorgroute/domain/logic';
import { createCaseActivities } from '@zorgroute/workflows';
import { dateInWords } from '@zorgroute/dates';
import { eventually, mailsTo } from './graphql-client';
import { useTestStack } from './test-stack';

const stack = useTestStack({ name: 'e2e-meetings' });
const mailWeb = process.env.MAIL_WEB_URL as string;
const RUN = Date.now().toString(36);
const ZC = 'zc@daltoncollege.example';
const PUPILS = [
  // Pupils with no P2 case elsewhere (one open IZO referral per pupil): the demo's own are Thijs's and Yara's, the
  // browser test's Milan's, Senna's and Bas's.
  { name: 'Daan Veldkamp', parent: 'ouder.veldkamp@voorbeeldmail.example' },
  { name: 'Sem de Groot', parent: 'ouder.degroot@voorbeeldmail.example' },
  { name: 'Fenna Wolters', parent: 'ouder.wolters@voorbeeldmail.example' },
];

const PLAN = `mutation($i: PlanMeetingInput!) { planMeeting(input: $i) { id kind kindLabel date schoolYear time location caseCount } }`;
const DETAIL = `query($id: ID!) { meeting(id: $id) { meeting { id caseCount agendaRounds } cases { caseId pupilName } candidates { caseId pupilName plannedDate } agendaRecipientCount } }`;
const AGENDA = `mutation($i: SendMeetingAgendaInput!) { sendMeetingAgenda(input: $i) { status sent meeting { agendaRounds } } }`;
type Detail = { meeting: { meeting: { id: string; caseCount: number; agendaRounds: number }; cases: { caseId: string; pupilName: string }[]; candidates: { caseId: string; pupilName: string; plannedDate: string | null }[]; agendaRecipientCount: number } };

const caseIds: string[] = [];
let schoolId: string;

/** Logs in as `email` unless already logged in as him (every devLogin counts against the login rate limit). */
let current = '';
async function as(email: string): Promise<void> {
  if (current === email) return;
  await stack.gql.login(email);
  current = email;
}

async function waitingFor(id: string, step: string): Promise<void> {
  await eventually(async () => (await stack.gql.ok<{ case: { summary: { waitingFor: string | null } } }>(`query($id: ID!) { case(id: $id) { summary { waitingFor } } }`, { id })).case.summary.waitingFor === step, 30_000, `step ${step}`);
}

/** A P2 case of the pupil that waits for its IZO: referral submitted, triage accepted, voorgesprek held, the parent consents. */
async function caseWaitingForIzo(pupilId: string, parent: string): Promise<string> {
  await as(ZC);
  const { startZorgroute } = await stack.gql.ok<{ startZorgroute: { id: string } }>(`mutation($i: StartZorgrouteInput!) { startZorgroute(input: $i) { id } }`, {
    i: {
      pupilId,
      source: 'GROEPSBESPREKING',
      requestKey: `meetings-${RUN}`,
      submit: true,
      form: { reasons: ['PROBLEMATISCH_FUNCTIONEREN_THUIS'], parentsInformed: true, problem: 'Veel verzuim', pupilHelpQuestion: 'Hulp bij op tijd komen', mentorSupportQuestion: 'Hoe houd ik contact?', firstLineActions: 'Gesprekken gevoerd' },
    },
  });
  const id = startZorgroute.id;
  caseIds.push(id);
  await waitingFor(id, 'TRIAGE');
  await stack.gql.ok(`mutation($c: ID!, $s: String!, $i: JSONObject!) { takeStep(caseId: $c, step: $s, input: $i) { id } }`, {
    c: id,
    s: 'TRIAGE',
    i: { outcome: 'GEACCEPTEERD', checks: { secondLine: true, questionsClear: true, firstLineDone: true, parentsAndPupilKnow: true } },
  });
  await waitingFor(id, 'RECORD_VOORGESPREK');
  await stack.gql.ok(`mutation($c: ID!, $i: ZorgrouteConversationInput!) { recordVoorgesprek(caseId: $c, input: $i) { id } }`, {
    c: id,
    i: { date: toIsoDate(Date.now()), parentsReport: 'Ouders herkennen het', pupilReport: 'Leerling wil hulp' },
  });
  await as(parent);
  const request = await eventually(async () => {
    const { myConsentRequests } = await stack.gql.ok<{ myConsentRequests: { id: string; caseId: string }[] }>(`query { myConsentRequests { id caseId } }`);
    return myConsentRequests.find((r) => r.caseId === id);
  }, 30_000, 'the IZO consent request');
  await stack.gql.ok(`mutation($i: GiveConsentInput!) { giveConsent(input: $i) { status } }`, { i: { caseId: id, requestId: request.id, decision: 'GIVEN' } });
  await as(ZC);
  await waitingFor(id, 'RECORD_IZO');
  return id;
}

beforeAll(async () => {
  const ds = stack.app.get(DataSource);
  const school = await ds.getRepository(SchoolEntity).findOneByOrFail({ brin: '99XA00' });
  schoolId = school.id;
  await as(ZC);
  const { pupils } = await stack.gql.ok<{ pupils: { id: string; displayName: string }[] }>(`query { pupils { id displayName } }`);
  for (const p of PUPILS) {
    const pupil = pupils.find((x) => x.displayName === p.name);
    if (!pupil) throw new Error(`demo pupil ${p.name} missing`);
    await caseWaitingForIzo(pupil.id, p.parent);
  }
}, 300_000);

describe('meetings: plan, the cases on it, one agenda, who may read it', () => {
  afterAll(async () => {
    const temporal = stack.app?.get(Client);
    for (const id of caseIds) await temporal?.workflow.getHandle(id).terminate('meetings test finished').catch(() => undefined);
    await stack.app?.get(DataSource).query('UPDATE case_summary SET closed_at = now() WHERE id = ANY($1) AND closed_at IS NULL', [caseIds]);
  }, 60_000);

  it('refuses bad input with BAD_USER_INPUT and stores nothing', async () => {
    await as(ZC);
    const ds = stack.app.get(DataSource);
    const count = async () => Number((await ds.query('SELECT count(*)::int AS n FROM meeting'))[0].n);
    const before = await count();
    const cal = await new SchoolDayOffRepository(ds).calendarFor(await ds.getRepository(SchoolEntity).findOneByOrFail({ id: schoolId }));
    let saturday = addCalendarDays(toIsoDate(Date.now()), 7);
    while (isoDayOfWeek(saturday) !== 6) saturday = addCalendarDays(saturday, 1);
    expect(isSchoolDay(saturday, cal)).toBe(false);
    for (const [input, message] of [
      [{ schoolId, kind: 'IZO', date: '2027-02-30' }, /geen bestaande datum|datum moet een datum zijn/],
      [{ schoolId, kind: 'IZO', date: saturday }, /geen schooldag \(weekend\)/],
      [{ schoolId, kind: 'IZO', date: addCalendarDays(toIsoDate(Date.now()), -7) }, /in het verleden/],
      [{ schoolId, kind: 'OVERLEG', date: saturday }, /^Ongeldige aanvraag: "OVERLEG" is geen toegestane waarde van MeetingKind \(bij i\.kind\)$/],
      [{ schoolId, kind: 'ZAT', date: addCalendarDays(saturday, 2), time: '9 uur' }, /tijd moet als UU:MM/],
    ] as const) {
      const r = await stack.gql.request(PLAN, { i: input });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toMatch(message);
      expect(r.errors?.[0].extensions?.messageEn).toBeTruthy();
    }
    expect(await count()).toBe(before);
    // The overview's kind is the same enum: an unknown kind is refused before anything is read.
    const list = await stack.gql.request(`query($k: MeetingKind) { meetings(schoolId: "${schoolId}", schoolYear: "2026-2027", kind: $k) { meetings { id } } }`, { k: 'OVERLEG' });
    expect(list.data ?? null).toBeNull();
    expect(list.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(list.errors?.[0].message).toBe('Ongeldige aanvraag: "OVERLEG" is geen toegestane waarde van MeetingKind');
    expect(list.errors?.[0].extensions?.messageEn).toMatch(/Value "OVERLEG" does not exist in "MeetingKind" enum/);
  });

  it('plans next week’s IZO, puts three cases on it through their planning step and sends one agenda', async () => {
    await as(ZC);
    const ds = stack.app.get(DataSource);
    const cal = await new SchoolDayOffRepository(ds).calendarFor(await ds.getRepository(SchoolEntity).findOneByOrFail({ id: schoolId }));
    // Next week's first school day that is no case's IZO date (so each of ours really moves, and no other case of the
    // school is on the new meeting) and has no IZO yet: other suites (the meetings browser test) plan IZOs with cases in
    // this shared database at the same time, so their meetings are skipped, never cancelled.
    const taken = new Set(
      (
        await ds.query(
          `SELECT DISTINCT data ->> 'izoMeetingDate' AS d FROM case_summary WHERE school_id = $1 AND data ? 'izoMeetingDate'
           UNION SELECT DISTINCT r ->> 'meetingDate' FROM case_summary, jsonb_array_elements(CASE WHEN jsonb_typeof(data -> 'izoRounds') = 'array' THEN data -> 'izoRounds' ELSE '[]'::jsonb END) r WHERE school_id = $1
           UNION SELECT meeting_date::text FROM meeting WHERE school_id = $1 AND kind = 'IZO' AND cancelled_at IS NULL`,
          [schoolId],
        )
      ).map((r: { d: string }) => r.d),
    );
    let date = addCalendarDays(toIsoDate(Date.now()), 1);
    while (isoDayOfWeek(date) !== 1) date = addCalendarDays(date, 1);
    while (!isSchoolDay(date, cal) || taken.has(date)) date = addCalendarDays(date, 1);

    const { planMeeting } = await stack.gql.ok<{ planMeeting: { id: string; kindLabel: string; schoolYear: string; caseCount: number } }>(PLAN, {
      i: { schoolId, kind: 'IZO', date, time: '14:30', location: 'kamer 12' },
    });
    expect(planMeeting).toEqual(expect.objectContaining({ kindLabel: 'IZO-overleg', schoolYear: schoolYearOf(date), caseCount: 0 }));
    // Twice on the same date: refused.
    expect((await stack.gql.request(PLAN, { i: { schoolId, kind: 'IZO', date } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // The ZAT check of the school year is on the overview.
    const { meetings } = await stack.gql.ok<{ meetings: { meetings: { id: string }[]; zatCheck: { minimum: number; count: number; warning: string | null } } }>(
      `query($s: ID!, $y: String!) { meetings(schoolId: $s, schoolYear: $y) { meetings { id } zatCheck { minimum count warning } } }`,
      { s: schoolId, y: schoolYearOf(date) },
    );
    expect(meetings.meetings.map((m) => m.id)).toContain(planMeeting.id);
    expect(meetings.zatCheck.minimum).toBe(6);
    if (meetings.zatCheck.count < 6) expect(meetings.zatCheck.warning).toMatch(/plan er minstens 6 per schooljaar/);

    // The three cases are candidates; each is put on the meeting through its own RESCHEDULE_IZO step.
    const before = (await stack.gql.ok<Detail>(DETAIL, { id: planMeeting.id })).meeting;
    expect(before.cases).toEqual([]);
    expect(caseIds.every((id) => before.candidates.some((c) => c.caseId === id))).toBe(true);
    for (const caseId of caseIds) {
      await stack.gql.ok(`mutation($i: PutCaseOnMeetingInput!) { putCaseOnMeeting(input: $i) { meeting { id } } }`, { i: { meetingId: planMeeting.id, caseId } });
    }
    const after = await eventually(async () => {
      const d = (await stack.gql.ok<Detail>(DETAIL, { id: planMeeting.id })).meeting;
      return caseIds.every((id) => d.cases.some((c) => c.caseId === id)) ? d : null;
    }, 30_000, 'the three cases on the meeting');
    expect(after.cases.map((c) => c.pupilName).sort()).toEqual(PUPILS.map((p) => p.name).sort());
    expect(after.meeting.caseCount).toBe(3);
    // The case's own timeline shows the planning step.
    const { case: c0 } = await stack.gql.ok<{ case: { summary: { nextDueDate: string }; timeline: { kind: string; description: string; reason: string | null }[] } }>(
      `query($id: ID!) { case(id: $id) { summary { nextDueDate } timeline { kind description reason } } }`,
      { id: caseIds[0] },
    );
    expect(c0.summary.nextDueDate).toBe(date);
    // Its reason names the meeting with the date in words, like the rest of the timeline (no ISO date).
    expect(c0.timeline.filter((t) => t.kind === 'IZO_RESCHEDULED').at(-1)).toEqual(expect.objectContaining({ reason: `Op de agenda van het IZO-overleg van ${dateInWords(date)} gezet` }));
    expect(c0.timeline.flatMap((t) => [t.description, t.reason ?? '']).join('\n')).not.toContain(date);

    // One agenda: a double click sends it once.
    const inbox = async () => (await mailsTo(mailWeb, ZC)).filter((m) => m.subject.startsWith('Agenda IZO-overleg van') && m.text.includes(`/overleggen/${planMeeting.id}`));
    const clicks = await Promise.all([stack.gql.ok<{ sendMeetingAgenda: { status: string } }>(AGENDA, { i: { meetingId: planMeeting.id } }), stack.gql.ok<{ sendMeetingAgenda: { status: string } }>(AGENDA, { i: { meetingId: planMeeting.id } })]);
    expect(clicks.map((c) => c.sendMeetingAgenda.status)).toContain('SENT');
    const mail = await eventually(async () => (await inbox())[0], 30_000, 'the agenda e-mail');
    expect(mail.subject).toBe(`Agenda IZO-overleg van ${dateInWords(date)} om 14:30`);
    expect(mail.text).toContain('3 leerlingen op de agenda');
    expect(mail.text).toContain('kamer 12');
    for (const p of PUPILS) for (const part of p.name.split(' ')) if (part.length > 3) expect(mail.text + mail.html).not.toContain(part);
    const again = await stack.gql.ok<{ sendMeetingAgenda: { status: string; sent: number } }>(AGENDA, { i: { meetingId: planMeeting.id } });
    expect(again.sendMeetingAgenda).toEqual({ status: 'ALREADY_SENT', sent: 0, meeting: { agendaRounds: 1 } });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await inbox()).toHaveLength(1);
    // A resend is explicit: a second round.
    const resent = await stack.gql.ok<{ sendMeetingAgenda: { status: string; meeting: { agendaRounds: number } } }>(AGENDA, { i: { meetingId: planMeeting.id, resend: true } });
    expect(resent.sendMeetingAgenda).toEqual(expect.objectContaining({ status: 'SENT', meeting: { agendaRounds: 2 } }));
    await eventually(async () => (await inbox()).length === 2, 30_000, 'the resent agenda');
    // Audited: one api audit entry per send.
    const audited: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE details ->> 'operation' = 'sendMeetingAgenda' AND details::text LIKE $1`, [`%${planMeeting.id}%`]);
    expect(audited[0].n).toBeGreaterThanOrEqual(3);

    // A meeting with cases on it is neither moved nor cancelled.
    const cancel = await stack.gql.request(`mutation($i: CancelMeetingInput!) { cancelMeeting(input: $i) { id } }`, { i: { id: planMeeting.id, reason: 'Ziekte' } });
    expect(cancel.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // Minutes: not before the meeting; a note for a case not on it stores nothing.
    const early = await stack.gql.request(`mutation($i: RecordMeetingMinutesInput!) { recordMeetingMinutes(input: $i) { meeting { id } } }`, { i: { meetingId: planMeeting.id, minutes: 'Verslag' } });
    expect(early.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // A parent and the SWV cannot read a meeting; a teamleider of the school can.
    for (const outsider of [PUPILS[0].parent, 'loket@swv-voorbeeldregio.example']) {
      await as(outsider);
      const r = await stack.gql.request(DETAIL, { id: planMeeting.id });
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const list = await stack.gql.request(`query($s: ID!, $y: String!) { meetings(schoolId: $s, schoolYear: $y) { meetings { id } } }`, { s: schoolId, y: schoolYearOf(date) });
      expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    await as('teamleider@daltoncollege.example');
    expect((await stack.gql.ok<Detail>(DETAIL, { id: planMeeting.id })).meeting.cases).toHaveLength(3);
    const refused = await stack.gql.request(AGENDA, { i: { meetingId: planMeeting.id, resend: true } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }, 240_000);

  it('is the one source of the ZAT dates a new P2 case snapshots (loadCaseContext), without cancelled meetings', async () => {
    await as(ZC);
    const ds = stack.app.get(DataSource);
    const cal = await new SchoolDayOffRepository(ds).calendarFor(await ds.getRepository(SchoolEntity).findOneByOrFail({ id: schoolId }));
    const date = addSchoolDays(toIsoDate(Date.now()), 45, cal);
    await ds.query(`UPDATE meeting SET cancelled_at = now() WHERE school_id = $1 AND kind = 'ZAT' AND meeting_date = $2 AND cancelled_at IS NULL`, [schoolId, date]);
    const activities = createCaseActivities({ dataSource: ds, delivery: null as never, appUrl: 'http://127.0.0.1:4200' });
    const zatDates = async () => (await activities.loadCaseContext({ schoolId })).policies.zorgroute.zatMeetingDates;
    expect(await zatDates()).not.toContain(date);
    const { planMeeting } = await stack.gql.ok<{ planMeeting: { id: string } }>(PLAN, { i: { schoolId, kind: 'ZAT', date, time: '13:30' } });
    expect(await zatDates()).toContain(date);
    await stack.gql.ok(`mutation($i: CancelMeetingInput!) { cancelMeeting(input: $i) { id } }`, { i: { id: planMeeting.id, reason: 'Vervalt' } });
    expect(await zatDates()).not.toContain(date);
  });

  it('records minutes of a meeting held, refuses a note for a case not on it and stores nothing then', async () => {
    await as(ZC);
    const ds = stack.app.get(DataSource);
    const held = addCalendarDays(toIsoDate(Date.now()), -3);
    await ds.query(`UPDATE meeting SET cancelled_at = now() WHERE school_id = $1 AND kind = 'FLEX_ZAT' AND meeting_date = $2 AND cancelled_at IS NULL`, [schoolId, held]);
    const [row]: { id: string }[] = await ds.query(
      `INSERT INTO meeting (school_id, kind, school_year, meeting_date, location, created_at, updated_at) VALUES ($1, 'FLEX_ZAT', $2, $3, $4, now(), now()) RETURNING id`,
      [schoolId, schoolYearOf(held), held, `test ${RUN}`],
    );
    const MINUTES = `mutation($i: RecordMeetingMinutesInput!) { recordMeetingMinutes(input: $i) { meeting { minutes } } }`;
    const stray = await stack.gql.request(MINUTES, { i: { meetingId: row.id, minutes: 'Verslag van het overleg', caseNotes: [{ caseId: caseIds[0], note: 'Besproken' }] } });
    expect(stray.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await ds.query('SELECT minutes FROM meeting WHERE id = $1', [row.id]))[0].minutes).toBeNull();
    expect(Number((await ds.query(`SELECT count(*)::int AS n FROM case_note WHERE case_id = $1`, [caseIds[0]]))[0].n)).toBe(0);
    const saved = await stack.gql.ok<{ recordMeetingMinutes: { meeting: { minutes: string } } }>(MINUTES, { i: { meetingId: row.id, minutes: 'Verslag van het overleg' } });
    expect(saved.recordMeetingMinutes.meeting.minutes).toBe('Verslag van het overleg');
  });
});
