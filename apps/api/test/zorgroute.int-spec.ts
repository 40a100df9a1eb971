/**
 * P2 zorgroute end to end on the real stack (Temporal dev server, PostgreSQL, SMTP mail catcher) with its own task
 * queue: a mentor refers a pupil to the IZO through GraphQL, the zorgcoördinator triages, the parent consents in the
 * portal (IZO and ZAT), the IZO refers to the ZAT, the ZAT is planned (invitations sent, the agenda timed 5 school
 * days before it), discussed with a plan van aanpak and fed back, and the zorgcoördinator closes the case. Consent
 * records, the P2 detail (with privacy for parents), the timeline and the e-mails are checked on the way. Every step
 * answers once the process has moved on, so each next step is sent at once, without polling in between.
 */
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { addCalendarDays, addSchoolDays, buildSchoolCalendar, toIsoDate } from '@zorgroute/domain/logic';
import { eventually, mailsTo } from './graphql-client';
import { useTestStack } from './test-stack';

const mailWeb = process.env.MAIL_WEB_URL as string;

const ZC = 'zc@daltoncollege.example';
const MENTOR = 'mentor@daltoncollege.example';
const PARENT = 'ouder.aksoy@voorbeeldmail.example';
const SUMMARY = 'id status waitingFor nextDueDate ownerName outcome';
const DETAIL = `query($id: ID!) { case(id: $id) {
  summary { ${SUMMARY} }
  timeline { kind }
  dueDates { step explanation }
  consents { id kind status statusLabel method giverName giverRole }
  zorgroute { source referrerName submissions form { problem pupilHelpQuestion missing } triages { outcome }
    izoMeetingDate izoRounds { round decisions { kind } minutes { summary } nagesprek { date agreements } }
    zatReferral { questionToZat helpQuestion } zatMeeting { meetingDate flex invitees agendaSentAt }
    zatDiscussion { casusregisseur actions { who what } evaluationDate analysis } }
} }`;

interface Detail {
  summary: { id: string; status: string; waitingFor: string | null; nextDueDate: string | null; ownerName: string | null; outcome: string | null };
  timeline: { kind: string }[];
  dueDates: { step: string; explanation: string }[];
  consents: { id: string; kind: string; status: string; statusLabel: string; method: string | null; giverName: string | null; giverRole: string | null }[];
  zorgroute: {
    source: string;
    form: { problem: string | null; pupilHelpQuestion: string | null; missing: string[] } | null;
    triages: { outcome: string }[];
    izoMeetingDate: string | null;
    izoRounds: { round: number; decisions: { kind: string }[]; minutes: { summary: string } | null; nagesprek: { date: string } | null }[];
    zatReferral: { questionToZat: string | null; helpQuestion: string | null } | null;
    zatMeeting: { meetingDate: string; flex: boolean; invitees: string[]; agendaSentAt: string | null } | null;
    zatDiscussion: { casusregisseur: string; actions: { who: string }[]; evaluationDate: string; analysis: string | null } | null;
  } | null;
}

const stack = useTestStack({ name: 'e2e-zorgroute' });

async function as(email: string): Promise<void> {
  await stack.gql.login(email);
}

async function detail(id: string): Promise<Detail> {
  return (await stack.gql.ok<{ case: Detail }>(DETAIL, { id })).case;
}

async function waitingFor(id: string, step: string): Promise<Detail> {
  return eventually(async () => {
    const d = await detail(id);
    return d.summary.waitingFor === step ? d : null;
  }, 20_000, `step ${step}`);
}

async function step(mutation: string, inputType: string | null, caseId: string, input?: Record<string, unknown>): Promise<Detail['summary']> {
  const q = inputType
    ? `mutation($c: ID!, $i: ${inputType}) { ${mutation}(caseId: $c, input: $i) { ${SUMMARY} } }`
    : `mutation($c: ID!) { ${mutation}(caseId: $c) { ${SUMMARY} } }`;
  const data = await stack.gql.ok<Record<string, Detail['summary']>>(q, { c: caseId, i: input });
  return data[mutation];
}

interface StepForm {
  step: string;
  open: boolean;
  mayTake: boolean;
  fields: { name: string; kind: string; min?: number; max?: number; fields?: StepForm['fields'] }[];
}

/** The forms of the steps the case offers the caller now (from the step catalogue). */
async function stepForms(id: string): Promise<StepForm[]> {
  return (await stack.gql.ok<{ case: { stepForms: StepForm[] } }>(`query($id: ID!) { case(id: $id) { stepForms { step open mayTake fields } } }`, { id })).case.stepForms;
}

async function parentConsents(kind: string): Promise<void> {
  await as(PARENT);
  const open = await eventually(async () => {
    const { myConsentRequests } = await stack.gql.ok<{ myConsentRequests: { id: string; caseId: string; kind: string; label: string }[] }>(`query { myConsentRequests { id caseId kind label } }`);
    return myConsentRequests.find((r) => r.kind === kind);
  }, 20_000, `consent request ${kind}`);
  const { giveConsent } = await stack.gql.ok<{ giveConsent: { status: string; method: string; giverRole: string } }>(
    `mutation($i: GiveConsentInput!) { giveConsent(input: $i) { status method giverRole } }`,
    { i: { caseId: open.caseId, requestId: open.id, decision: 'GIVEN' } },
  );
  expect(giveConsent).toEqual({ status: 'GIVEN', method: 'DIGITAL', giverRole: 'PARENT' });
}

describe('P2 zorgroute end to end: GraphQL → workflow → read model → consent records → e-mail', () => {
  it('runs a referral through triage, IZO (with consent), ZAT (with consent, agenda and plan van aanpak) to closure', async () => {
    const cal = buildSchoolCalendar('midden');
    const today = toIsoDate(Date.now());

    // A mentor refers his own pupil; the referral is submitted straight away.
    await as(MENTOR);
    const { pupils } = await stack.gql.ok<{ pupils: { id: string; displayName: string }[] }>(`query { pupils { id displayName } }`);
    const pupil = pupils.find((p) => p.displayName === 'Noor Aksoy');
    expect(pupil).toBeDefined();
    const incomplete = await stack.gql.request(`mutation($i: StartZorgrouteInput!) { startZorgroute(input: $i) { id } }`, { i: { pupilId: pupil?.id, source: 'NERGENS' } });
    expect(incomplete.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // Submitting an incomplete form right away is refused like submitZorgrouteReferral refuses it; nothing starts.
    const incompleteKey = `e2e-incomplete-${Date.now()}`;
    const notComplete = await stack.gql.request(`mutation($i: StartZorgrouteInput!) { startZorgroute(input: $i) { id status } }`, {
      i: { pupilId: pupil?.id, source: 'GROEPSBESPREKING', requestKey: incompleteKey, submit: true, form: { reasons: ['PROBLEMATISCH_FUNCTIONEREN_THUIS'], problem: 'Veel verzuim' } },
    });
    expect(notComplete.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(notComplete.errors?.[0].message).toBe('Het aanmeldformulier is niet compleet: hulpvraag van de leerling, begeleidingsvraag van mentor/docenten, of de ouders op de hoogte zijn');
    expect(notComplete.errors?.[0].extensions?.messageEn).toBe('The referral form is incomplete: hulpvraag van de leerling, begeleidingsvraag van mentor/docenten, of de ouders op de hoogte zijn');
    const { cases: afterRefusal } = await stack.gql.ok<{ cases: { id: string }[] }>(`query { cases(filter: { includeClosed: true }) { id } }`);
    expect(afterRefusal.map((c) => c.id)).not.toContain(`zorgroute-${pupil?.id}-${incompleteKey}`);
    await expect(stack.app.get(Client).workflow.getHandle(`zorgroute-${pupil?.id}-${incompleteKey}`).describe()).rejects.toThrow(WorkflowNotFoundError);
    const key = `e2e-${Date.now()}`;
    // The case plans its own ZAT below (PLAN_ZAT): a case is put on the next of its school's ZAT meetings by itself when
    // there is one at its start. The demo seed (demo-seed.int-spec.ts, on this database) plans the school year's ZAT
    // meetings: they are set aside while the case starts (it snapshots them then) and put back right after.
    const ds = stack.app.get(DataSource);
    const setAside = `opzij ${key}`;
    await ds.query(
      `UPDATE meeting SET cancelled_at = now(), cancel_reason = $1 FROM school s WHERE s.id = meeting.school_id AND s.brin = '99XA00' AND meeting.kind = 'ZAT' AND meeting.cancelled_at IS NULL AND meeting.meeting_date >= CURRENT_DATE`,
      [setAside],
    );
    const started = stack.gql.ok<{ startZorgroute: { id: string; status: string } }>(`mutation($i: StartZorgrouteInput!) { startZorgroute(input: $i) { id status } }`, {
      i: {
        pupilId: pupil?.id,
        source: 'GROEPSBESPREKING',
        requestKey: key,
        submit: true,
        form: {
          reasons: ['PROBLEMATISCH_FUNCTIONEREN_THUIS'],
          parentsInformed: true,
          problem: 'Veel verzuim en vermoeidheid',
          pupilHelpQuestion: 'Help mij om weer op tijd op school te komen',
          mentorSupportQuestion: 'Hoe houd ik contact als zij er niet is?',
          firstLineActions: 'Gesprekken met leerling en ouders; verzuim besproken',
        },
      },
    });
    const { startZorgroute } = await started.finally(() => ds.query(`UPDATE meeting SET cancelled_at = NULL, cancel_reason = NULL WHERE cancel_reason = $1`, [setAside]));
    const id = startZorgroute.id;
    expect(id).toBe(`zorgroute-${pupil?.id}-${key}`);
    // The start answers once the referral waits for triage.
    expect(startZorgroute.status).toBe('TRIAGE');

    // The zorgcoördinator triages within 5 school days and accepts; a mentor may not triage.
    const triage = await waitingFor(id, 'TRIAGE');
    expect(triage.summary.status).toBe('TRIAGE');
    expect(triage.summary.nextDueDate).toBe(addSchoolDays(today, 5, cal));
    const notZc = await stack.gql.request(`mutation($c: ID!, $i: TriageZorgrouteInput!) { triageZorgroute(caseId: $c, input: $i) { id } }`, {
      c: id,
      i: { outcome: 'GEACCEPTEERD', secondLine: true, questionsClear: true, firstLineDone: true, parentsAndPupilKnow: true },
    });
    expect(notZc.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The case offers the mentor the triage's form, which he may not take, and no step he may take.
    expect((await stepForms(id)).map((f) => [f.step, f.open, f.mayTake])).toEqual([
      ['TRIAGE', true, false],
      ['CLOSE_ZORGROUTE', false, false],
    ]);
    await as(ZC);
    const triageForm = (await stepForms(id)).find((f) => f.step === 'TRIAGE');
    expect(triageForm?.mayTake).toBe(true);
    expect(triageForm?.fields.find((f) => f.name === 'checks')?.fields?.map((f) => f.name)).toEqual(['secondLine', 'questionsClear', 'firstLineDone', 'parentsAndPupilKnow']);
    // Taken as its form defines it (the four checks as one group), like the generic step dialog does.
    const { takeStep: accepted } = await stack.gql.ok<{ takeStep: Detail['summary'] }>(`mutation($c: ID!, $s: String!, $i: JSONObject!) { takeStep(caseId: $c, step: $s, input: $i) { ${SUMMARY} } }`, {
      c: id,
      s: 'TRIAGE',
      i: { outcome: 'GEACCEPTEERD', checks: { secondLine: true, questionsClear: true, firstLineDone: true, parentsAndPupilKnow: true } },
    });
    expect(accepted.waitingFor).toBe('RECORD_VOORGESPREK');

    // Voorgesprek by the mentor (sent at once), then the parent consents to the IZO discussion in the portal.
    const mailsBefore = (await mailsTo(mailWeb, PARENT)).length;
    await as(MENTOR);
    const held = await step('recordVoorgesprek', 'ZorgrouteConversationInput!', id, { date: today, parentsReport: 'Moeder herkent de vermoeidheid', pupilReport: 'Noor slaapt slecht' });
    expect(held.waitingFor).toBe('CONSENT_IZO_BESPREKING');
    // The consent request e-mail reaches the parent, without case details.
    // Its link opens the case, or — while the parent has never logged in (depends on which suites ran before on this
    // database) — an invitation that leads to it after the login (family-login.int-spec.ts).
    const mail = await eventually(
      async () => (await mailsTo(mailWeb, PARENT)).slice(mailsBefore).find((m) => /toestemming/i.test(m.subject) && (m.text.includes(encodeURIComponent(id)) || m.text.includes('/uitnodiging#token='))),
      30_000,
      'the consent e-mail',
    );
    expect(mail.subject).toMatch(/toestemming/i);
    expect(mail.text).not.toContain('vermoeidheid');
    await parentConsents('IZO_BESPREKING');

    // IZO: discussed with a ZAT referral, minutes sent, nagesprek held.
    // (A consent answer answers once the case waits for the IZO: no waiting needed.)
    await as(ZC);
    const planned = await detail(id);
    expect(planned.summary.waitingFor).toBe('RECORD_IZO');
    // The IZO form: decisions with their own fields; a P1 length within the bounds of the school's policy (6–9 weeks).
    const izoForm = (await stepForms(id)).find((f) => f.step === 'RECORD_IZO');
    const decisionFields = izoForm?.fields.find((f) => f.name === 'decisions')?.fields ?? [];
    expect(decisionFields.find((f) => f.name === 'trajectWeeks')).toEqual(expect.objectContaining({ kind: 'integer', min: 6, max: 9 }));
    expect(decisionFields.find((f) => f.name === 'josWorkerId')).toEqual(expect.objectContaining({ kind: 'staff', staffRoles: ['JOS_MEDEWERKER'] }));
    expect(planned.summary.status).toBe('GEPLAND_IZO');
    expect(planned.zorgroute?.izoMeetingDate).not.toBeNull();
    // The IZO members are invited: date and a link, no case details.
    const izoInvite = await eventually(async () => (await mailsTo(mailWeb, MENTOR)).find((m) => m.subject.startsWith('Uitnodiging: IZO-bespreking') && m.text.includes(encodeURIComponent(id))), 30_000, 'the IZO invitation');
    expect(izoInvite.text).toContain('Noor');
    expect(izoInvite.text).not.toContain('vermoeidheid');
    const discussed = await step('recordIzoDiscussion', 'IzoDiscussionInput!', id, {
      minutes: { analysis: 'Verzuim lijkt samen te hangen met de thuissituatie', zatQuestion: 'Welke hulp heeft het gezin nodig?', summary: 'Aanmelden bij het ZAT' },
      decisions: [{ kind: 'VERWIJZING_ZAT', description: 'Aanmelden bij het ZAT' }],
    });
    expect(discussed.waitingFor).toBe('DISTRIBUTE_IZO_MINUTES');
    expect((await step('confirmIzoMinutesSent', null, id)).waitingFor).toBe('RECORD_NAGESPREK');
    await as(MENTOR);
    const nagesprek = await step('recordNagesprek', 'ZorgrouteConversationInput!', id, { date: today, parentsReport: 'Afspraken besproken', pupilReport: 'Noor is akkoord', agreements: 'Aanmelding ZAT' });

    // ZAT: mandatory parental consent, prefilled referral, meeting with the agenda 5 school days ahead.
    expect([nagesprek.status, nagesprek.waitingFor]).toEqual(['TOESTEMMING_ZAT', 'CONSENT_ZAT_AANMELDING']);
    await parentConsents('ZAT_AANMELDING');
    await as(ZC);
    const info = await detail(id);
    expect(info.summary.waitingFor).toBe('SUBMIT_ZAT_REFERRAL');
    expect(info.zorgroute?.zatReferral?.questionToZat).toBe('Welke hulp heeft het gezin nodig?');
    expect(info.zorgroute?.zatReferral?.helpQuestion).toContain('Help mij om weer op tijd');
    expect((await step('submitZatReferral', 'ZatReferralInput', id, { homeSituation: 'Moeder alleenstaand, drie kinderen' })).waitingFor).toBe('PLAN_ZAT');
    const tooSoon = await stack.gql.request(`mutation($c: ID!, $i: PlanZatInput!) { planZat(caseId: $c, input: $i) { id } }`, { c: id, i: { meetingDate: addSchoolDays(today, 1, cal) } });
    expect(tooSoon.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooSoon.errors?.[0].extensions?.messageEn).toMatch(/agenda/);
    const meetingDate = addSchoolDays(today, 7, cal);
    const zatPlanned = await step('planZat', 'PlanZatInput!', id, { meetingDate, invitees: ['Jeugdarts'], meetingTime: '13:15', location: 'vergaderkamer 1.04' });
    // The ZAT step is open at once; the agenda goes out by itself 5 school days before the meeting.
    expect([zatPlanned.status, zatPlanned.waitingFor, zatPlanned.nextDueDate]).toEqual(['GEPLAND_ZAT', 'RECORD_ZAT', meetingDate]);
    const withAgenda = await detail(id);
    expect(withAgenda.dueDates.find((d) => d.step === 'ZAT_AGENDA')?.explanation).toContain('automatisch verstuurd');
    expect(withAgenda.zorgroute?.zatMeeting?.agendaSentAt).toBeNull();
    const zatInvite = await eventually(async () => (await mailsTo(mailWeb, ZC)).find((m) => m.subject.startsWith('Uitnodiging: ZAT-bespreking') && m.text.includes(encodeURIComponent(id))), 30_000, 'the ZAT invitation');
    expect(zatInvite.text).toContain('13:15');
    expect(zatInvite.text).toContain('vergaderkamer 1.04');
    expect(zatInvite.text).not.toContain('thuissituatie');
    const evaluationDate = addCalendarDays(today, 56);
    const zatDone = await step('recordZatDiscussion', 'ZatDiscussionInput!', id, {
      analysis: 'Gezin heeft ondersteuning nodig',
      actions: [{ who: 'Schoolmaatschappelijk werk', what: 'Huisbezoek', goal: 'Zicht op de thuissituatie', due: addCalendarDays(today, 14) }],
      casusregisseur: 'Gezinsspecialist Sociaal Team',
      evaluationDate,
      summary: 'Plan van aanpak vastgesteld',
    });
    expect(zatDone.waitingFor).toBe('RECORD_ZAT_FEEDBACK');
    await as(MENTOR);
    const feedback = await step('recordZatFeedback', 'ZorgrouteConversationInput!', id, { date: today, parentsReport: 'Conclusies besproken met moeder', pupilReport: 'Met Noor besproken' });
    expect([feedback.status, feedback.nextDueDate]).toEqual(['ZAT_OPVOLGING', evaluationDate]);

    // Follow-up: waiting for the evaluation date; the case shows everything so far.
    await as(ZC);
    const following = await detail(id);
    expect(following.summary.nextDueDate).toBe(evaluationDate);
    expect(following.consents.map((c) => [c.kind, c.status, c.method, c.giverName])).toEqual([
      ['IZO_BESPREKING', 'GIVEN', 'DIGITAL', 'Emre Aksoy'],
      ['ZAT_AANMELDING', 'GIVEN', 'DIGITAL', 'Emre Aksoy'],
    ]);
    expect(following.zorgroute?.zatDiscussion?.casusregisseur).toBe('Gezinsspecialist Sociaal Team');
    expect(following.zorgroute?.zatMeeting).toEqual(expect.objectContaining({ meetingDate, flex: false }));
    expect(following.timeline.map((t) => t.kind)).toEqual(
      expect.arrayContaining(['CASE_STARTED', 'STATUS_TRIAGE', 'TRIAGE_RECORDED', 'CONSENT_REQUESTED', 'CONSENT_GIVEN', 'IZO_DISCUSSED', 'STATUS_TOESTEMMING_ZAT', 'ZAT_DISCUSSED', 'STATUS_ZAT_OPVOLGING']),
    );
    expect(following.dueDates.find((d) => d.step === 'TRIAGE')?.explanation).toMatch(/schooldagen/);

    // Privacy (rule 8): the parent sees the route and the consents, not the form or the internal notes.
    await as(PARENT);
    const forParent = await detail(id);
    expect(forParent.zorgroute?.form).toBeNull();
    expect(forParent.zorgroute?.izoRounds[0].minutes).toBeNull();
    expect(forParent.zorgroute?.zatDiscussion?.analysis).toBeNull();
    expect(forParent.consents).toHaveLength(2);
    // Another school sees nothing of this case.
    await as('zc@hetbaken.example');
    const other = await stack.gql.request(DETAIL, { id });
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // The zorgcoördinator closes the case.
    await as(ZC);
    await step('closeZorgroute', 'CloseZorgrouteInput!', id, { reason: 'Einde van de end-to-endtest' });
    const closed = await eventually(async () => {
      const d = await detail(id);
      return d.summary.status === 'AFGESLOTEN' ? d : null;
    }, 20_000, 'AFGESLOTEN');
    expect(closed.summary.outcome).toBe('GESTOPT');
  }, 180_000);
});
