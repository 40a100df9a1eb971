/**
 * Issue 15.7 on the real stack: when the zorgcoördinator sends an IZO referral back to the mentor (triage
 * TERUG_NAAR_AANMELDER), the mentor's e-mail says it came back and that he must complete it — it is not the first
 * "Nieuwe taak" e-mail again — and it does not carry the coordinator's note (that is read in Zorgroute).
 */
import { DataSource } from 'typeorm';
import { PupilEntity, Role, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { eventually, mailsTo } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const mailWeb = process.env.MAIL_WEB_URL as string;
const stamp = Date.now().toString(36);
const MENTOR = `mentor.teruggestuurd.${stamp}@daltoncollege.example`;
const NOTE = 'Beschrijf wat er thuis speelt en wat de mentor al heeft geprobeerd';
const stack = useTestStack({ name: 'e2e-referral-returned' });

describe('a referral sent back to the mentor', () => {
  it('e-mails "returned, complete it" instead of a second "new task", without the coordinator’s note', async () => {
    const ds = stack.app.get(DataSource);
    const school = await ds.getRepository(SchoolEntity).findOneByOrFail({ brin: '99XA00' });
    const mentor = await ds.getRepository(UserEntity).save({ email: MENTOR, name: 'Jesse Terpstra', role: Role.MENTOR, schoolId: school.id, swvId: school.swvId, pupilId: null });
    const pupil = await ds.getRepository(PupilEntity).save({ schoolId: school.id, firstName: 'Mila', lastName: `Terug-${stamp}`, dateOfBirth: bornYearsAgo(14), className: '2C', mentorId: mentor.id });

    await stack.gql.login(MENTOR);
    const { startZorgroute } = await stack.gql.ok<{ startZorgroute: { id: string } }>(`mutation($i: StartZorgrouteInput!) { startZorgroute(input: $i) { id } }`, {
      i: { pupilId: pupil.id, source: 'GROEPSBESPREKING', requestKey: `terug-${stamp}` },
    });
    const id = startZorgroute.id;
    const first = await eventually(async () => (await mailsTo(mailWeb, MENTOR)).find((m) => m.text.includes(encodeURIComponent(id))), 30_000, 'the first task e-mail');
    expect(first.subject).toMatch(/^Nieuwe taak: IZO-aanmeldformulier/);

    await stack.gql.ok(`mutation($c: ID!, $i: ZorgrouteReferralFormInput) { submitZorgrouteReferral(caseId: $c, input: $i) { id } }`, {
      c: id,
      i: { reasons: ['PROBLEMATISCH_FUNCTIONEREN_THUIS'], parentsInformed: true, problem: 'Veel verzuim', pupilHelpQuestion: 'Ik wil op tijd komen', mentorSupportQuestion: 'Hoe houd ik contact?' },
    });
    await stack.gql.login('zc@daltoncollege.example');
    await eventually(async () => {
      const r = await stack.gql.request(`mutation($c: ID!, $i: TriageZorgrouteInput!) { triageZorgroute(caseId: $c, input: $i) { status } }`, {
        c: id,
        i: { outcome: 'TERUG_NAAR_AANMELDER', secondLine: true, questionsClear: false, firstLineDone: false, parentsAndPupilKnow: true, missingInformation: NOTE },
      });
      return !r.errors;
    }, 30_000, 'the triage');

    const returned = await eventually(async () => (await mailsTo(mailWeb, MENTOR)).find((m) => m.id !== first.id && m.text.includes(encodeURIComponent(id))), 30_000, 'the returned e-mail');
    expect(returned.subject).toMatch(/^Aanmelding teruggestuurd: vul de IZO-aanmelding aan \(uiterlijk /);
    expect(returned.text).toContain('De zorgcoördinator heeft de IZO-aanmelding voor Mila teruggestuurd');
    expect(returned.text).not.toBe(first.text);
    expect(returned.subject).not.toBe(first.subject);
    for (const part of [returned.subject, returned.text, returned.html]) expect(part).not.toContain('thuis speelt');
    // Exactly these two e-mails about this case so far.
    expect((await mailsTo(mailWeb, MENTOR)).filter((m) => m.text.includes(encodeURIComponent(id)))).toHaveLength(2);
  }, 120_000);
});
