/**
 * Logins for parents outside the development login (issue 13 item 4), end to end on the real stack (PostgreSQL, the
 * mail catcher): the zorgcoördinator invites a guardian, the test follows the real e-mail to the invitation link,
 * accepts it (e-mail code login switched on), and later logs in with a one-time code read from the next real e-mail.
 * Also: single use, expiry with renewal, no account enumeration, wrong codes, and the audit trail.
 */
import { DataSource } from 'typeorm';
import { AuditEntryEntity, LoginInvitationEntity, PupilEntity, PupilGuardianEntity, Role, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { eventually, mailsTo, type CaughtMail, type GqlResult } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';
import { SoftAuthenticator } from './passkey/soft-authenticator';

// Low limits are not wanted here: the suite makes a few dozen attempts from one address.
const stack = useTestStack({ name: 'e2e-family-login', env: { LOGIN_RATE_LIMIT_PER_IP: '500' } });
const mailWeb = process.env.MAIL_WEB_URL as string;
const RUN = Date.now().toString(36);

interface Family {
  pupilId: string;
  parentId: string;
  parentEmail: string;
}

/** A pupil of Dalton College with one parent of its own (invented names), so the parent's inbox holds only this test's mail. */
async function family(tag: string): Promise<Family> {
  const ds = stack.app.get(DataSource);
  const school = await ds.getRepository(SchoolEntity).findOneByOrFail({ brin: '99XA00' });
  const pupil = await ds.getRepository(PupilEntity).save(
    ds.getRepository(PupilEntity).create({ schoolId: school.id, firstName: 'Fleur', lastName: `Uitnodiging-${tag}-${RUN}`, dateOfBirth: bornYearsAgo(13), className: '1A', mentorId: null }),
  );
  const parentEmail = `ouder.${tag}.${RUN}@voorbeeldmail.example`;
  const parent = await ds.getRepository(UserEntity).save(
    ds.getRepository(UserEntity).create({ email: parentEmail, name: `Ouder ${tag} ${RUN}`, role: Role.PARENT, schoolId: school.id, swvId: school.swvId, pupilId: null }),
  );
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: pupil.id, userId: parent.id, relation: 'ouder' });
  return { pupilId: pupil.id, parentId: parent.id, parentEmail };
}

/** A public call as a browser without a session: the result and the session cookie it set, if any. */
async function publicCall<T>(query: string, variables: Record<string, unknown>): Promise<{ body: GqlResult<T>; session: string | null }> {
  const res = await fetch(`${stack.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('zr_session='));
  return { body: (await res.json()) as GqlResult<T>, session: cookie ? decodeURIComponent(cookie.slice('zr_session='.length).split(';')[0]) : null };
}

async function me(session: string): Promise<{ id: string; role: string } | null> {
  const res = await fetch(`${stack.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `zr_session=${session}` }, body: JSON.stringify({ query: '{ me { id role } }' }) });
  const body = (await res.json()) as GqlResult<{ me: { id: string; role: string } | null }>;
  return body.data?.me ?? null;
}

const INVITE = 'mutation($p: ID!, $u: ID!) { inviteGuardian(pupilId: $p, userId: $u) { guardians { userId login invitationExpiresAt hasParentalAuthority } } }';
const STATUS = 'query($t: String!) { loginInvitation(token: $t) { status name schoolName } }';
const ACCEPT = 'mutation($t: String!) { acceptLoginInvitation(token: $t) { user { id email role } returnPath } }';
const RENEW = 'mutation($t: String!) { renewLoginInvitation(token: $t) }';
const REQUEST_CODE = 'mutation($e: String!) { requestEmailLoginCode(email: $e) }';
const VERIFY_CODE = 'mutation($e: String!, $c: String!) { verifyEmailLoginCode(email: $e, code: $c) { user { id role } } }';

function tokenOf(mail: CaughtMail): string {
  const m = /\/uitnodiging#token=([A-Za-z0-9_-]{43})/.exec(mail.text);
  if (!m) throw new Error(`no invitation link in: ${mail.text}`);
  return m[1];
}

function codeOf(mail: CaughtMail): string {
  // The e-mail groups the eight digits in two fours for reading ("4566 1354"); the api takes them with or without.
  const m = /^\s+(\d{4}) ?(\d{4})\s*$/m.exec(mail.text);
  if (!m) throw new Error(`no code in: ${mail.text}`);
  return `${m[1]}${m[2]}`;
}

async function invitationMails(email: string): Promise<CaughtMail[]> {
  return (await mailsTo(mailWeb, email)).filter((m) => m.subject.startsWith('Uw uitnodiging voor Zorgroute'));
}

async function codeMails(email: string): Promise<CaughtMail[]> {
  return (await mailsTo(mailWeb, email)).filter((m) => m.subject === 'Uw inlogcode voor Zorgroute');
}

async function audit(actorId: string, action: string): Promise<AuditEntryEntity[]> {
  return stack.app.get(DataSource).getRepository(AuditEntryEntity).findBy({ actorId, action });
}

describe('parents log in with an invitation and an e-mail code', () => {
  it('invites a guardian by e-mail, the link logs in once, and later logins use an e-mailed code', async () => {
    const f = await family('a');

    // A mentor may not invite; the zorgcoördinator of the pupil's school may.
    await stack.gql.login('mentor@daltoncollege.example');
    const byMentor = await stack.gql.request(INVITE, { p: f.pupilId, u: f.parentId });
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(byMentor.errors?.[0].extensions?.code);
    await stack.gql.login('zc@daltoncollege.example');
    const invited = await stack.gql.ok<{ inviteGuardian: { guardians: { userId: string; login: string; invitationExpiresAt: string | null; hasParentalAuthority: boolean }[] } }>(INVITE, {
      p: f.pupilId,
      u: f.parentId,
    });
    expect(invited.inviteGuardian.guardians).toEqual([expect.objectContaining({ userId: f.parentId, login: 'INVITED', hasParentalAuthority: true })]);

    // Before accepting, no code is sent: the address has no login yet (and the answer is the same as for a known one).
    const early = await publicCall<{ requestEmailLoginCode: boolean }>(REQUEST_CODE, { e: f.parentEmail });
    expect(early.body.data?.requestEmailLoginCode).toBe(true);

    // The real e-mail: its link carries the token in the fragment.
    const mail = await eventually(async () => (await invitationMails(f.parentEmail))[0], 20_000, 'the invitation e-mail');
    expect(mail.text).toContain('Daltoncollege De Linde');
    const token = tokenOf(mail);
    expect(mail.text).not.toContain(f.pupilId);

    const status = await publicCall<{ loginInvitation: { status: string; name: string | null; schoolName: string | null } }>(STATUS, { t: token });
    expect(status.body.data?.loginInvitation).toEqual({ status: 'VALID', name: `Ouder a ${RUN}`, schoolName: 'Daltoncollege De Linde' });
    // An unknown or malformed token says only that.
    expect((await publicCall<{ loginInvitation: { status: string; name: string | null } }>(STATUS, { t: 'x'.repeat(43) })).body.data?.loginInvitation).toEqual({ status: 'UNKNOWN', name: null, schoolName: null });

    const accepted = await publicCall<{ acceptLoginInvitation: { user: { id: string; role: string } } }>(ACCEPT, { t: token });
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.data?.acceptLoginInvitation.user).toMatchObject({ id: f.parentId, role: 'PARENT' });
    expect(accepted.session).toBeTruthy();
    expect(await me(accepted.session as string)).toEqual({ id: f.parentId, role: 'PARENT' });

    // Single use: a second accept says the link was used; the page says so too.
    const again = await publicCall(ACCEPT, { t: token });
    expect(again.body.errors?.[0].extensions?.code).toBe('INVITATION_USED');
    expect(again.session).toBeNull();
    expect((await publicCall<{ loginInvitation: { status: string; name: string | null } }>(STATUS, { t: token })).body.data?.loginInvitation).toMatchObject({ status: 'USED', name: null });

    // The school sees the login as active.
    const custody = await stack.gql.ok<{ pupilCustody: { guardians: { login: string }[] } }>('query($p: ID!) { pupilCustody(pupilId: $p) { guardians { login } } }', { p: f.pupilId });
    expect(custody.pupilCustody.guardians[0].login).toBe('ACTIVE');

    // No code was mailed while the address had no login.
    expect(await codeMails(f.parentEmail)).toHaveLength(0);

    // Later: an e-mail code. A wrong code is refused with the one answer; the real code from the e-mail logs in once.
    expect((await publicCall<{ requestEmailLoginCode: boolean }>(REQUEST_CODE, { e: f.parentEmail.toUpperCase() })).body.data?.requestEmailLoginCode).toBe(true);
    const codeMail = await eventually(async () => (await codeMails(f.parentEmail))[0], 20_000, 'the code e-mail');
    const code = codeOf(codeMail);
    const wrong = await publicCall(VERIFY_CODE, { e: f.parentEmail, c: code === '00000000' ? '11111111' : '00000000' });
    expect(wrong.body.errors?.[0].extensions?.code).toBe('LOGIN_REFUSED');
    expect(wrong.session).toBeNull();
    const ok = await publicCall<{ verifyEmailLoginCode: { user: { id: string } } }>(VERIFY_CODE, { e: f.parentEmail, c: code });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data?.verifyEmailLoginCode.user.id).toBe(f.parentId);
    expect(await me(ok.session as string)).toEqual({ id: f.parentId, role: 'PARENT' });
    const reused = await publicCall(VERIFY_CODE, { e: f.parentEmail, c: code });
    expect(reused.body.errors?.[0].extensions?.code).toBe('LOGIN_REFUSED');

    // Every login and refusal is audited, without the address or the code.
    expect(await audit(f.parentId, 'AUTH_INVITATION_ACCEPTED')).toHaveLength(1);
    expect(await audit(f.parentId, 'AUTH_EMAIL_CODE_LOGIN')).toHaveLength(1);
    const refusals = await audit(f.parentId, 'AUTH_LOGIN_REFUSED');
    expect(refusals.map((r) => (r.details as { code: string }).code).sort()).toEqual(['NO_CODE', 'WRONG_CODE']);
    expect(JSON.stringify(refusals)).not.toContain(code);
    expect(JSON.stringify(refusals)).not.toContain(f.parentEmail);
  }, 90_000);

  it('answers the same for an unknown address, and burns a code after five wrong tries', async () => {
    const f = await family('b');
    const unknown = await publicCall<{ requestEmailLoginCode: boolean }>(REQUEST_CODE, { e: `niemand.${RUN}@voorbeeldmail.example` });
    expect(unknown.body).toEqual({ data: { requestEmailLoginCode: true } });
    const unknownVerify = await publicCall(VERIFY_CODE, { e: `niemand.${RUN}@voorbeeldmail.example`, c: '12345678' });
    expect(unknownVerify.body.errors?.[0]).toMatchObject({ extensions: { code: 'LOGIN_REFUSED' } });
    const bad = await publicCall(REQUEST_CODE, { e: 'geen-adres' });
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // Switch the login on (as an accepted invitation does) and ask for a code.
    await stack.app.get(DataSource).getRepository(UserEntity).update({ id: f.parentId }, { loginActivatedAt: new Date() });
    await publicCall(REQUEST_CODE, { e: f.parentEmail });
    const code = codeOf(await eventually(async () => (await codeMails(f.parentEmail))[0], 20_000, 'the code e-mail'));
    const wrongCode = code === '00000000' ? '11111111' : '00000000';
    for (let i = 0; i < 5; i += 1) expect((await publicCall(VERIFY_CODE, { e: f.parentEmail, c: wrongCode })).body.errors?.[0].extensions?.code).toBe('LOGIN_REFUSED');
    // The right code no longer works after five wrong ones: the same refusal as before.
    const late = await publicCall(VERIFY_CODE, { e: f.parentEmail, c: code });
    expect(late.body.errors?.[0]).toMatchObject({ message: unknownVerify.body.errors?.[0].message, extensions: { code: 'LOGIN_REFUSED' } });
    expect(late.session).toBeNull();
  }, 60_000);

  it('an expired invitation says so, refuses to log in, and the page can ask for a new one', async () => {
    const f = await family('c');
    await stack.gql.login('zc@daltoncollege.example');
    await stack.gql.ok(INVITE, { p: f.pupilId, u: f.parentId });
    const token = tokenOf(await eventually(async () => (await invitationMails(f.parentEmail))[0], 20_000, 'the invitation e-mail'));
    await stack.app.get(DataSource).getRepository(LoginInvitationEntity).update({ userId: f.parentId }, { expiresAt: new Date(Date.now() - 1000) });

    expect((await publicCall<{ loginInvitation: { status: string } }>(STATUS, { t: token })).body.data?.loginInvitation.status).toBe('EXPIRED');
    const refused = await publicCall(ACCEPT, { t: token });
    expect(refused.body.errors?.[0].extensions?.code).toBe('INVITATION_EXPIRED');
    expect(refused.session).toBeNull();

    expect((await publicCall<{ renewLoginInvitation: boolean }>(RENEW, { t: token })).body.data?.renewLoginInvitation).toBe(true);
    // An unknown token gets the same answer, and no e-mail.
    expect((await publicCall<{ renewLoginInvitation: boolean }>(RENEW, { t: 'y'.repeat(43) })).body.data?.renewLoginInvitation).toBe(true);
    const renewed = await eventually(async () => {
      const mails = await invitationMails(f.parentEmail);
      return mails.length >= 2 ? mails.find((m) => tokenOf(m) !== token) : null;
    }, 20_000, 'the renewed invitation');
    expect(renewed.text).toContain('nieuwe uitnodiging');
    const accepted = await publicCall<{ acceptLoginInvitation: { user: { id: string } } }>(ACCEPT, { t: tokenOf(renewed) });
    expect(accepted.body.data?.acceptLoginInvitation.user.id).toBe(f.parentId);
  }, 60_000);
  it('registers a passkey through the invitation and logs in with it, without a user name; a replayed or foreign passkey is refused', async () => {
    const f = await family('d');
    await stack.gql.login('zc@daltoncollege.example');
    await stack.gql.ok(INVITE, { p: f.pupilId, u: f.parentId });
    const token = tokenOf(await eventually(async () => (await invitationMails(f.parentEmail))[0], 20_000, 'the invitation e-mail'));
    // The relying party of the test stack: APP_URL http://127.0.0.1:4200 (a browser would want localhost; the api does not care).
    const authenticator = new SoftAuthenticator('127.0.0.1', 'http://127.0.0.1:4200');

    const options = await publicCall<{ startPasskeyRegistration: string }>('mutation($t: String!) { startPasskeyRegistration(token: $t) }', { t: token });
    const parsed = JSON.parse(options.body.data?.startPasskeyRegistration as string) as { rp: { id: string }; user: { name: string }; authenticatorSelection: { residentKey: string } };
    expect(parsed.rp.id).toBe('127.0.0.1');
    expect(parsed.authenticatorSelection.residentKey).toBe('required');
    const registered = await publicCall<{ finishPasskeyRegistration: { user: { id: string }; returnPath: string | null } }>(
      'mutation($t: String!, $r: String!) { finishPasskeyRegistration(token: $t, response: $r) { user { id } returnPath } }',
      { t: token, r: authenticator.register(options.body.data?.startPasskeyRegistration as string) },
    );
    expect(registered.body.errors).toBeUndefined();
    expect(registered.body.data?.finishPasskeyRegistration.user.id).toBe(f.parentId);
    expect(await me(registered.session as string)).toEqual({ id: f.parentId, role: 'PARENT' });
    // The invitation is used: registering again with it is refused.
    expect((await publicCall('mutation($t: String!) { startPasskeyRegistration(token: $t) }', { t: token })).body.errors?.[0].extensions?.code).toBe('INVITATION_USED');

    // A later login: the options name no user and no credential.
    const START = 'mutation { startPasskeyLogin }';
    const FINISH = 'mutation($r: String!) { finishPasskeyLogin(response: $r) { user { id role } } }';
    const loginOptions = (await publicCall<{ startPasskeyLogin: string }>(START, {})).body.data?.startPasskeyLogin as string;
    expect(JSON.parse(loginOptions)).not.toHaveProperty('allowCredentials.0');
    const assertion = authenticator.authenticate(loginOptions);
    const loggedIn = await publicCall<{ finishPasskeyLogin: { user: { id: string; role: string } } }>(FINISH, { r: assertion });
    expect(loggedIn.body.errors).toBeUndefined();
    expect(loggedIn.body.data?.finishPasskeyLogin.user).toEqual({ id: f.parentId, role: 'PARENT' });
    expect(await me(loggedIn.session as string)).toEqual({ id: f.parentId, role: 'PARENT' });

    // The same assertion again (its challenge is used), and a passkey the api does not know: the one refusal.
    const replayed = await publicCall(FINISH, { r: assertion });
    expect(replayed.body.errors?.[0].extensions?.code).toBe('LOGIN_REFUSED');
    expect(replayed.session).toBeNull();
    const stranger = new SoftAuthenticator('127.0.0.1', 'http://127.0.0.1:4200');
    const foreign = await publicCall(FINISH, { r: stranger.authenticate((await publicCall<{ startPasskeyLogin: string }>(START, {})).body.data?.startPasskeyLogin as string) });
    expect(foreign.body.errors?.[0].extensions?.code).toBe('LOGIN_REFUSED');
    // The right passkey, but the browser was on another site (a phishing page relaying the challenge): refused too.
    const phished = new SoftAuthenticator('127.0.0.1', 'https://zorgroute-inloggen.example');
    const inner = authenticator as unknown as { privateKey: unknown; userHandle: unknown };
    Object.assign(phished, { credentialId: authenticator.credentialId, privateKey: inner.privateKey, userHandle: inner.userHandle, counter: 10 });
    const wrongOrigin = await publicCall(FINISH, { r: phished.authenticate((await publicCall<{ startPasskeyLogin: string }>(START, {})).body.data?.startPasskeyLogin as string) });
    expect(wrongOrigin.body.errors?.[0].extensions?.code).toBe('LOGIN_REFUSED');

    expect(await audit(f.parentId, 'AUTH_INVITATION_ACCEPTED')).toHaveLength(1);
    expect(await audit(f.parentId, 'AUTH_PASSKEY_LOGIN')).toHaveLength(1);
  }, 60_000);
});
