/**
 * Custody (gezag, issue 13 item 5) and the consent request's invitation (item 4) on the real stack (Temporal, PostgreSQL,
 * mail catcher). A pupil with a mother and a father with parental authority and a stepfather without it; the
 * zorgcoördinator marks that the parents disagree; an OOV case asks the parents for consent. The stepfather may not
 * answer; one parent's consent is not enough and the case shows whose answer is missing; the second one decides. The
 * consent e-mail to a parent without a login carries an invitation that leads to the case after the login is made.
 */
import { DataSource } from 'typeorm';
import { PupilEntity, PupilGuardianEntity, Role, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import { bornYearsAgo } from './ages';
import { eventually, mailsTo, type GqlResult } from './graphql-client';
import { useTestStack } from './test-stack';

const stack = useTestStack({ name: 'e2e-custody' });
const mailWeb = process.env.MAIL_WEB_URL as string;
const RUN = Date.now().toString(36);
const ZC = 'zc@daltoncollege.example';
const OPEN = `query { myConsentRequests { id caseId kind } }`;
const GIVE = `mutation($i: GiveConsentInput!) { giveConsent(input: $i) { status needsEveryGuardian missingGivers { name } } }`;
const CONSENTS = `query($id: ID!) { case(id: $id) { consents { id status needsEveryGuardian answers { giverName decision } missingGivers { userId name } } } }`;
const CUSTODY = `{ pupilId parentsDisagree guardians { userId name hasParentalAuthority login } }`;

interface Person {
  id: string;
  email: string;
  name: string;
}

function code(r: GqlResult<unknown>): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}

async function person(ds: DataSource, school: SchoolEntity, pupilId: string, tag: string, name: string): Promise<Person> {
  const email = `${tag}.gezag.${RUN}@voorbeeldmail.example`;
  const user = await ds.getRepository(UserEntity).save({ email, name: `${name} ${RUN}`, role: Role.PARENT, schoolId: school.id, swvId: school.swvId, pupilId: null });
  await ds.getRepository(PupilGuardianEntity).save({ pupilId, userId: user.id, relation: tag === 'stiefvader' ? 'stiefouder' : 'ouder' });
  return { id: user.id, email, name: user.name };
}

async function openFor(email: string, caseId: string): Promise<{ id: string }[]> {
  await stack.gql.login(email);
  const { myConsentRequests } = await stack.gql.ok<{ myConsentRequests: { id: string; caseId: string }[] }>(OPEN);
  return myConsentRequests.filter((r) => r.caseId === caseId);
}

describe('custody (gezag) in consent requests', () => {
  it('parents who disagree must both consent; a guardian without authority may not answer; the e-mail invites to the case', async () => {
    const ds = stack.app.get(DataSource);
    const school = await ds.getRepository(SchoolEntity).findOneByOrFail({ brin: '99XA00' });
    const pupil = await ds.getRepository(PupilEntity).save({ schoolId: school.id, firstName: 'Jesse', lastName: `Gezag-${RUN}`, dateOfBirth: bornYearsAgo(14), className: '2C', mentorId: null });
    const mother = await person(ds, school, pupil.id, 'moeder', 'Moeder Gezag');
    const father = await person(ds, school, pupil.id, 'vader', 'Vader Gezag');
    const stepfather = await person(ds, school, pupil.id, 'stiefvader', 'Stiefvader Gezag');

    // The zorgcoördinator records custody: the stepfather has no parental authority, and the parents disagree.
    await stack.gql.login('mentor@daltoncollege.example');
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(code(await stack.gql.request(`mutation($p: ID!, $i: SetParentsDisagreeInput!) { setParentsDisagree(pupilId: $p, input: $i) { pupilId } }`, { p: pupil.id, i: { parentsDisagree: true, reason: 'Ouders oneens over hulp' } })));
    await stack.gql.login(ZC);
    const noReason = await stack.gql.request(`mutation($p: ID!, $i: SetParentsDisagreeInput!) { setParentsDisagree(pupilId: $p, input: $i) { pupilId } }`, { p: pupil.id, i: { parentsDisagree: true, reason: '' } });
    expect(code(noReason)).toBe('BAD_USER_INPUT');
    await stack.gql.ok(`mutation($p: ID!, $u: ID!, $i: SetParentalAuthorityInput!) { setParentalAuthority(pupilId: $p, userId: $u, input: $i) ${CUSTODY} }`, {
      p: pupil.id,
      u: stepfather.id,
      i: { hasParentalAuthority: false, reason: 'Geen gezag volgens uittreksel gezagsregister' },
    });
    const custody = await stack.gql.ok<{ setParentsDisagree: { parentsDisagree: boolean; guardians: { userId: string; hasParentalAuthority: boolean; login: string }[] } }>(
      `mutation($p: ID!, $i: SetParentsDisagreeInput!) { setParentsDisagree(pupilId: $p, input: $i) ${CUSTODY} }`,
      { p: pupil.id, i: { parentsDisagree: true, reason: 'Ouders zijn het oneens over de aanpak' } },
    );
    expect(custody.setParentsDisagree.parentsDisagree).toBe(true);
    expect(Object.fromEntries(custody.setParentsDisagree.guardians.map((g) => [g.userId, g.hasParentalAuthority]))).toEqual({ [mother.id]: true, [father.id]: true, [stepfather.id]: false });

    // An OOV case asks the parents for consent.
    const { startOov } = await stack.gql.ok<{ startOov: { id: string } }>(`mutation($i: StartOovInput!) { startOov(input: $i) { id } }`, {
      i: { pupilId: pupil.id, reason: 'Langdurig thuiszitter; OOV overwogen', requestKey: `gezag-${pupil.id}` },
    });
    const caseId = startOov.id;
    const today = toIsoDate(Date.now());
    for (const party of ['OUDERS', 'SWV', 'SOCIAAL_TEAM']) {
      await eventually(async () => {
        const r = await stack.gql.request(`mutation($c: ID!, $i: OovConsultationInput!) { recordOovConsultation(caseId: $c, input: $i) { id } }`, { c: caseId, i: { party, date: today, summary: 'Overleg gevoerd' } });
        return !r.errors;
      }, 30_000, `the ${party} consultation`);
    }
    const [request] = await eventually(async () => {
      const open = await openFor(mother.email, caseId);
      return open.length ? open : null;
    }, 30_000, 'the request to the mother');

    // The stepfather (no authority) neither sees nor answers it.
    expect(await openFor(stepfather.email, caseId)).toEqual([]);
    expect(code(await stack.gql.request(GIVE, { i: { caseId, requestId: request.id, decision: 'GIVEN' } }))).toBe('FORBIDDEN');

    // The mother consents: not enough; the case shows that the father's answer is missing.
    await stack.gql.login(mother.email);
    const first = await stack.gql.ok<{ giveConsent: { status: string; needsEveryGuardian: boolean } }>(GIVE, { i: { caseId, requestId: request.id, decision: 'GIVEN' } });
    expect(first.giveConsent).toMatchObject({ status: 'PENDING', needsEveryGuardian: true });
    expect(await openFor(mother.email, caseId)).toEqual([]);
    await stack.gql.login(ZC);
    type Consent = { id: string; status: string; needsEveryGuardian: boolean; answers: { giverName: string; decision: string }[] | null; missingGivers: { userId: string; name: string }[] | null };
    const waiting = (await stack.gql.ok<{ case: { consents: Consent[] } }>(CONSENTS, { id: caseId })).case.consents.find((c) => c.id === request.id);
    expect(waiting).toMatchObject({ status: 'PENDING', needsEveryGuardian: true, answers: [{ giverName: mother.name, decision: 'GIVEN' }], missingGivers: [{ userId: father.id, name: father.name }] });

    // The father had no login: his consent e-mail carries an invitation that leads to the case.
    const mail = await eventually(async () => (await mailsTo(mailWeb, father.email)).find((m) => m.subject.startsWith('Uw toestemming gevraagd')), 30_000, "the father's consent e-mail");
    expect(mail.text).toContain('Inlog aanmaken en antwoorden');
    const token = /\/uitnodiging#token=([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    const accepted = await new GraphQLPublic(stack.baseUrl).call<{ acceptLoginInvitation: { returnPath: string; user: { id: string } } }>(
      'mutation($t: String!) { acceptLoginInvitation(token: $t) { returnPath user { id } } }',
      { t: token },
    );
    expect(accepted.data?.acceptLoginInvitation).toEqual({ returnPath: `/cases/${caseId}`, user: { id: father.id } });

    // The father consents: now the request is given.
    expect(await openFor(father.email, caseId)).toEqual([{ id: request.id, caseId, kind: expect.any(String) }]);
    const second = await stack.gql.ok<{ giveConsent: { status: string; missingGivers: unknown } }>(GIVE, { i: { caseId, requestId: request.id, decision: 'GIVEN' } });
    expect(second.giveConsent).toMatchObject({ status: 'GIVEN', missingGivers: null });
  }, 180_000);
});

describe('a signed paper consent form', () => {
  it('is recorded by the zorgcoördinator with its uploaded scan of this case; a scan that is not one is refused and nothing changes', async () => {
    const ds = stack.app.get(DataSource);
    const school = await ds.getRepository(SchoolEntity).findOneByOrFail({ brin: '99XA00' });
    const pupil = await ds.getRepository(PupilEntity).save({ schoolId: school.id, firstName: 'Robin', lastName: `Papier-${RUN}`, dateOfBirth: bornYearsAgo(13), className: '1B', mentorId: null });
    const mother = await person(ds, school, pupil.id, 'moeder-papier', 'Moeder Papier');
    await stack.gql.login(ZC);
    const { startOov } = await stack.gql.ok<{ startOov: { id: string } }>(`mutation($i: StartOovInput!) { startOov(input: $i) { id } }`, {
      i: { pupilId: pupil.id, reason: 'Langdurig thuiszitter; OOV overwogen', requestKey: `papier-${pupil.id}` },
    });
    const caseId = startOov.id;
    const today = toIsoDate(Date.now());
    for (const party of ['OUDERS', 'SWV', 'SOCIAAL_TEAM']) {
      await eventually(async () => !(await stack.gql.request(`mutation($c: ID!, $i: OovConsultationInput!) { recordOovConsultation(caseId: $c, input: $i) { id } }`, { c: caseId, i: { party, date: today, summary: 'Overleg gevoerd' } })).errors, 30_000, `the ${party} consultation`);
    }
    const [request] = await eventually(async () => {
      const open = await openFor(mother.email, caseId);
      return open.length ? open : null;
    }, 30_000, 'the request to the mother');

    await stack.gql.login(ZC);
    const PAPER = `mutation($i: PaperConsentInput!) { recordPaperConsent(input: $i) { id status method scanDocumentId giverName } }`;
    const input = { caseId, requestId: request.id, decision: 'GIVEN', giverUserId: mother.id };
    // No scan, or a scan that is not a document of this case: refused, the request stays open.
    expect(code(await stack.gql.request(PAPER, { i: { ...input, scanDocumentId: 'scan-op-papier' } }))).toBe('BAD_USER_INPUT');
    const unknown = await stack.gql.request(PAPER, { i: { ...input, scanDocumentId: '00000000-0000-4000-8000-000000000000' } });
    expect(code(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.message).toBe('De scan van het formulier is geen geüpload document van dit dossier');
    const stillOpen = (await stack.gql.ok<{ case: { consents: { id: string; status: string }[] } }>(CONSENTS, { id: caseId })).case.consents.find((c) => c.id === request.id);
    expect(stillOpen?.status).toBe('PENDING');

    // The scan uploaded to the case (shared with the parents), then the answer names it.
    const form = new FormData();
    form.append('kind', 'TOESTEMMING_SCAN');
    form.append('audiences', 'PARENTS');
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')], { type: 'application/pdf' }), 'toestemming-ondertekend.pdf');
    const uploaded = await fetch(`${stack.baseUrl}/documents/cases/${encodeURIComponent(caseId)}`, { method: 'POST', headers: { 'x-zorgroute-upload': '1', authorization: `Bearer ${stack.gql.token as string}` }, body: form });
    expect(uploaded.status).toBe(201);
    const scan = (await uploaded.json()) as { id: string };
    const recorded = await stack.gql.ok<{ recordPaperConsent: { status: string; method: string; scanDocumentId: string; giverName: string } }>(PAPER, { i: { ...input, scanDocumentId: scan.id, note: 'Formulier op 3 december ingeleverd' } });
    expect(recorded.recordPaperConsent).toEqual({ id: request.id, status: 'GIVEN', method: 'PAPER_SCAN', scanDocumentId: scan.id, giverName: mother.name });

    // The mother sees her answer on paper and can read the scan.
    await stack.gql.login(mother.email);
    const hers = await stack.gql.ok<{ case: { consents: { id: string; status: string; scanDocumentId: string | null }[] } }>(`query($id: ID!) { case(id: $id) { consents { id status scanDocumentId } } }`, { id: caseId });
    expect(hers.case.consents.find((c) => c.id === request.id)).toEqual({ id: request.id, status: 'GIVEN', scanDocumentId: scan.id });
    const docs = await stack.gql.ok<{ caseDocuments: { id: string }[] }>(`query($c: ID!) { caseDocuments(caseId: $c) { id } }`, { c: caseId });
    expect(docs.caseDocuments.map((d) => d.id)).toContain(scan.id);
  }, 180_000);
});

/** A browser without a session. */
class GraphQLPublic {
  constructor(private readonly baseUrl: string) {}

  async call<T>(query: string, variables: Record<string, unknown>): Promise<GqlResult<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as GqlResult<T>;
  }
}
