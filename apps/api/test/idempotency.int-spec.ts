/**
 * The `Idempotency-Key` HTTP header end to end (Temporal dev server, a real worker, PostgreSQL): a P2 step and an admin
 * action retried with the same header are applied once and the retry gets the same answer; an invalid header, or one
 * header on an operation with two mutations, is refused with BAD_USER_INPUT (Dutch message) and changes nothing.
 */
import { DataSource } from 'typeorm';
import { PupilEntity, UserEntity } from '@zorgroute/domain';
import { addSchoolDays, buildSchoolCalendar, toIsoDate } from '@zorgroute/domain/logic';
import { eventually } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const ZC = 'zc@daltoncollege.example';
const MENTOR = 'mentor@daltoncollege.example';
const ADMIN = 'beheer@zorgroute.example';
const SUMMARY = 'id status waitingFor nextDueDate ownerName outcome';
const DETAIL = `query($id: ID!) { case(id: $id) { summary { ${SUMMARY} } timeline { kind reason } zorgroute { triages { outcome } } } }`;
const TRIAGE = `mutation($c: ID!, $i: TriageZorgrouteInput!) { triageZorgroute(caseId: $c, input: $i) { ${SUMMARY} } }`;
const EXTEND = `mutation($c: ID!, $i: AdminExtendDueDateInput!) { adminExtendDueDate(caseId: $c, input: $i) { ${SUMMARY} } }`;
const ACCEPT = { outcome: 'GEACCEPTEERD', secondLine: true, questionsClear: true, firstLineDone: true, parentsAndPupilKnow: true };

interface Detail {
  summary: { id: string; status: string; waitingFor: string | null; nextDueDate: string | null };
  timeline: { kind: string; reason: string | null }[];
  zorgroute: { triages: { outcome: string }[] } | null;
}

const stack = useTestStack({ name: 'e2e-idempotency' });
const stamp = Date.now().toString(36);

async function detail(id: string): Promise<Detail> {
  return (await stack.gql.ok<{ case: Detail }>(DETAIL, { id })).case;
}

async function waitingFor(id: string, step: string): Promise<Detail> {
  return eventually(async () => {
    const d = await detail(id);
    return d.summary.waitingFor === step ? d : null;
  }, 20_000, `step ${step}`);
}

/** A submitted P2 referral of a Daltoncollege pupil, waiting for the zorgcoördinator's triage. */
async function referral(): Promise<string> {
  // A pupil of its own (one open referral per pupil), in the mentor's class.
  const ds = stack.app.get(DataSource);
  const mentor = await ds.getRepository(UserEntity).findOneByOrFail({ email: MENTOR });
  const pupil = await ds.getRepository(PupilEntity).save({ schoolId: mentor.schoolId as string, firstName: 'Ilse', lastName: `Idempotent${stamp}`, dateOfBirth: bornYearsAgo(14), className: '2B', mentorId: mentor.id });
  await stack.gql.login(MENTOR);
  const { startZorgroute } = await stack.gql.ok<{ startZorgroute: { id: string } }>(`mutation($i: StartZorgrouteInput!) { startZorgroute(input: $i) { id } }`, {
    i: {
      pupilId: pupil.id,
      source: 'GROEPSBESPREKING',
      requestKey: `idem-${stamp}`,
      submit: true,
      form: {
        reasons: ['PROBLEMATISCH_FUNCTIONEREN_THUIS'],
        parentsInformed: true,
        problem: 'Veel verzuim',
        pupilHelpQuestion: 'Help mij op tijd te komen',
        mentorSupportQuestion: 'Hoe houd ik contact?',
        firstLineActions: 'Gesprekken gevoerd',
      },
    },
  });
  await stack.gql.login(ZC);
  await waitingFor(startZorgroute.id, 'TRIAGE');
  return startZorgroute.id;
}

describe('Idempotency-Key header on case-changing mutations', () => {
  let caseId: string;

  it('refuses an invalid header with BAD_USER_INPUT in Dutch, and one header on two mutations; nothing changes', async () => {
    caseId = await referral();
    for (const bad of ['kort', 'met spatie erin!', 'x'.repeat(101)]) {
      const r = await stack.gql.request(TRIAGE, { c: caseId, i: ACCEPT }, { 'Idempotency-Key': bad });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toMatch(/^Ongeldige invoer: Idempotency-Key moet 8 tot 100 tekens zijn/);
      expect(r.errors?.[0].extensions?.messageEn).toMatch(/Idempotency-Key/);
    }
    const two = await stack.gql.request(
      `mutation($c: ID!, $i: TriageZorgrouteInput!) { a: triageZorgroute(caseId: $c, input: $i) { id } b: triageZorgroute(caseId: $c, input: $i) { id } }`,
      { c: caseId, i: ACCEPT },
      { 'Idempotency-Key': `twee-mutaties-${stamp}` },
    );
    // The first field is refused; the fields are non-null, so execution stops there and the second never runs.
    expect(two.data).toBeNull();
    expect(two.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(two.errors?.[0].message).toMatch(/één mutatie/);
    const d = await detail(caseId);
    expect(d.summary.waitingFor).toBe('TRIAGE');
    expect(d.zorgroute?.triages).toEqual([]);
    expect(d.timeline.filter((t) => t.kind === 'TRIAGE_RECORDED')).toHaveLength(0);
  }, 120_000);

  it('applies a retried P2 step once and answers the retry like the first request', async () => {
    const key = { 'Idempotency-Key': `triage-${stamp}-0b6f3c1e` };
    const first = await stack.gql.request<{ triageZorgroute: Detail['summary'] }>(TRIAGE, { c: caseId, i: ACCEPT }, key);
    expect(first.errors).toBeUndefined();
    const retry = await stack.gql.request<{ triageZorgroute: Detail['summary'] }>(TRIAGE, { c: caseId, i: ACCEPT }, key);
    expect(retry).toEqual(first);
    const again = await stack.gql.request<{ triageZorgroute: Detail['summary'] }>(TRIAGE, { c: caseId, i: ACCEPT }, key);
    expect(again).toEqual(first);
    const d = await detail(caseId);
    expect(d.zorgroute?.triages).toEqual([{ outcome: 'GEACCEPTEERD' }]);
    expect(d.timeline.filter((t) => t.kind === 'TRIAGE_RECORDED')).toHaveLength(1);
    // Without the key the same step is a new request, and the process has moved on.
    const fresh = await stack.gql.request(TRIAGE, { c: caseId, i: ACCEPT });
    expect(fresh.errors?.[0].extensions?.code).toBe('STEP_NOT_ALLOWED');
    // The same key from another user is another key.
    await stack.gql.login(ADMIN);
    const other = await stack.gql.request(TRIAGE, { c: caseId, i: ACCEPT }, key);
    expect(other.errors?.[0].extensions?.code).toBe('STEP_NOT_ALLOWED');
  }, 120_000);

  it('registers a retried aanmelding of a new pupil once (the pupil and the case)', async () => {
    await stack.gql.login(ZC);
    const { me } = await stack.gql.ok<{ me: { schoolId: string } }>(`query { me { schoolId } }`);
    const lastName = `Herhaald${stamp}`;
    const input = {
      receivedOn: toIsoDate(Date.now()),
      extraSupportExpected: true,
      preferenceSchoolIds: [me.schoolId],
      newPupil: { firstName: 'Fenna', lastName, dateOfBirth: bornYearsAgo(12), parents: [{ name: `Ouder ${lastName}`, email: `ouder.${lastName.toLowerCase()}@voorbeeldmail.example` }] },
    };
    const REGISTER = `mutation($i: RegisterAanmeldingInput!) { registerAanmelding(input: $i) { ${SUMMARY} } }`;
    const key = { 'Idempotency-Key': `aanmelding-${stamp}-5d2c` };
    const first = await stack.gql.request<{ registerAanmelding: Detail['summary'] }>(REGISTER, { i: input }, key);
    expect(first.errors).toBeUndefined();
    const retry = await stack.gql.request<{ registerAanmelding: Detail['summary'] }>(REGISTER, { i: input }, key);
    // The same case (the retry may already show the decision step the clock opens right after the start).
    expect(retry.errors).toBeUndefined();
    expect(retry.data?.registerAanmelding.id).toBe(first.data?.registerAanmelding.id);
    expect(retry.data?.registerAanmelding.status).toBe('ONTVANGEN');
    expect(await stack.app.get(DataSource).getRepository(PupilEntity).countBy({ lastName })).toBe(1);
  }, 120_000);

  it('applies a retried admin action once and answers the retry like the first request', async () => {
    await stack.gql.login(ADMIN);
    const before = await eventually(async () => {
      const d = await detail(caseId);
      return d.summary.nextDueDate ? d : null;
    }, 20_000, 'an open step with a due date');
    const later = addSchoolDays(before.summary.nextDueDate as string, 5, buildSchoolCalendar('midden'));
    const input = { newDueDate: later, reason: 'Mentor langdurig ziek' };
    const key = { 'Idempotency-Key': `extend-${stamp}-7a4e9c2d` };
    const first = await stack.gql.request<{ adminExtendDueDate: Detail['summary'] }>(EXTEND, { c: caseId, i: input }, key);
    expect(first.errors).toBeUndefined();
    expect(first.data?.adminExtendDueDate.nextDueDate).toBe(later);
    const retry = await stack.gql.request<{ adminExtendDueDate: Detail['summary'] }>(EXTEND, { c: caseId, i: input }, key);
    expect(retry).toEqual(first);
    const d = await detail(caseId);
    expect(d.timeline.filter((t) => t.kind === 'ADMIN_DUE_DATE_EXTENDED')).toHaveLength(1);
    // A bad header on an admin action changes nothing either.
    const bad = await stack.gql.request(EXTEND, { c: caseId, i: { newDueDate: addSchoolDays(later, 3, buildSchoolCalendar('midden')), reason: 'Nog later' } }, { 'Idempotency-Key': 'a b' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await detail(caseId)).summary.nextDueDate).toBe(later);
  }, 120_000);
});
