/**
 * OpenID Connect login end to end against a real OpenID provider (oidc-provider in a child process,
 * see test/oidc/provider.mjs): the authorization code flow through HTTP redirects, state handling,
 * user mapping, and session revocation by logout (OIDC and development logins).
 */
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEntryEntity, migrateFromEnv, UserEntity, UserSessionEntity } from '@zorgroute/domain';
import { appConfigFromEnv } from '../src/config/app.config';
import { createApp } from '../src/create-app';
import { GraphQLTestClient } from './graphql-client';
import { CookieJar, followRedirects, freePort, startTestProvider, type TestProvider } from './oidc/oidc-test-provider';

const ADMIN_APP = 'http://127.0.0.1:4200';
const POST_LOGIN = `${ADMIN_APP}/login`;
const CLIENT_ID = 'zorgroute-oidc-test';
// Invented people; the provider sends the address in other letter case than the database holds.
const KNOWN = { email: 'f.oidcstra@zonnebloemcollege.example', providerEmail: 'F.Oidcstra@ZonnebloemCollege.example', name: 'Fenna Oidcstra' };
const DEV = { email: 'd.devlogin@zonnebloemcollege.example', name: 'Daan Devlogin' };

let provider: TestProvider;
let app: INestApplication;
let api: string;
let ds: DataSource;

const ME = '{ me { id email } }';

function fragment(location: string): URLSearchParams {
  return new URLSearchParams(new URL(location).hash.slice(1));
}

/** Starts a login in a fresh "browser" and walks it up to the api's callback (not yet called). */
async function toCallback(jar = new CookieJar()): Promise<{ jar: CookieJar; callbackUrl: string }> {
  const callbackUrl = await followRedirects(`${api}/auth/oidc/login`, jar, [`${api}/auth/oidc/callback`]);
  return { jar, callbackUrl };
}

async function callback(url: string, jar: CookieJar): Promise<string> {
  return followRedirects(url, jar, [POST_LOGIN]);
}

const COMPLETE = 'mutation($c: String!) { completeOidcLogin(code: $c) { user { id email } } }';

/** The login page's exchange of the one-time code, with this "browser's" cookies; stores the cookies it gets. */
async function exchange(code: string, jar: CookieJar): Promise<{ status: number; body: { data?: { completeOidcLogin: { user: { email: string } } }; errors?: { extensions?: { code?: string } }[] }; setCookies: string[] }> {
  const cookie = jar.header(api);
  const res = await fetch(`${api}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ query: COMPLETE, variables: { c: code } }) });
  jar.store(api, res);
  return { status: res.status, body: (await res.json()) as never, setCookies: res.headers.getSetCookie() };
}

/** A whole login in a fresh browser: the callback's one-time code exchanged for the session; returns the session token. */
async function loginViaOidc(account = 'known'): Promise<string> {
  await provider.useAccount(account);
  const { jar, callbackUrl } = await toCallback();
  const location = await callback(callbackUrl, jar);
  const code = fragment(location).get('code');
  if (!code) throw new Error(`no code: ${location}`);
  await exchange(code, jar);
  const token = jar.get(api, 'zr_session');
  if (!token) throw new Error('no session cookie');
  return token;
}

function client(token: string): GraphQLTestClient {
  const gql = new GraphQLTestClient(`${api}/graphql`);
  gql.token = token;
  return gql;
}

beforeAll(async () => {
  const apiPort = await freePort();
  api = `http://127.0.0.1:${apiPort}`;
  provider = await startTestProvider({
    clientId: CLIENT_ID,
    redirectUri: `${api}/auth/oidc/callback`,
    postLogoutUri: POST_LOGIN,
    accounts: { known: KNOWN.providerEmail, stranger: 'onbekend@elders.example' },
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    API_PORT: String(apiPort),
    API_PUBLIC_URL: api,
    APP_URL: ADMIN_APP,
    AUTH_DEV_LOGIN: 'true',
    OIDC_ISSUER_URL: provider.issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_SCOPES: 'openid email',
    LOGIN_RATE_LIMIT_PER_IP: '1000',
  };
  await migrateFromEnv(env);
  app = await createApp(appConfigFromEnv(env));
  await app.listen(apiPort, '127.0.0.1');
  ds = app.get(DataSource);
  for (const u of [KNOWN, DEV]) {
    if (!(await ds.getRepository(UserEntity).findOneBy({ email: u.email }))) {
      await ds.getRepository(UserEntity).insert({ email: u.email, name: u.name, role: 'ADMIN', schoolId: null, swvId: null, pupilId: null });
    }
  }
}, 120_000);

afterAll(async () => {
  await app?.close();
  await provider?.stop();
}, 60_000);

describe('OpenID Connect login', () => {
  it('tells the login page which logins are offered', async () => {
    const gql = new GraphQLTestClient(`${api}/graphql`);
    const d = await gql.ok<{ authOptions: { oidcEnabled: boolean; devLoginEnabled: boolean; oidcLoginUrl: string } }>('{ authOptions { oidcEnabled devLoginEnabled oidcLoginUrl } }');
    expect(d.authOptions).toEqual({ oidcEnabled: true, devLoginEnabled: true, oidcLoginUrl: `${api}/auth/oidc/login` });
  });

  it('sends the browser to the provider with PKCE S256, state and nonce, and binds it with an httpOnly cookie', async () => {
    const res = await fetch(`${api}/auth/oidc/login`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') as string);
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(location.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(location.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(location.searchParams.get('client_id')).toBe(CLIENT_ID);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('zr_oidc_binding='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/(;|$)/);
  });

  it('logs a known user in through the full redirect flow: a one-time code in the URL, exchanged for an httpOnly session cookie', async () => {
    await provider.useAccount('known');
    const { jar, callbackUrl } = await toCallback();
    const location = await callback(callbackUrl, jar);
    expect(location.startsWith(`${POST_LOGIN}#code=`)).toBe(true);
    expect(location).not.toMatch(/token=|eyJ/); // no token (a JWT starts with eyJ) in any URL
    const code = fragment(location).get('code') as string;
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // No session exists before the login page has exchanged the code.
    const user = await ds.getRepository(UserEntity).findOneByOrFail({ email: KNOWN.email });
    const before = await ds.getRepository(UserSessionEntity).countBy({ userId: user.id, method: 'OIDC' });

    const done = await exchange(code, jar);
    expect(done.body.data?.completeOidcLogin.user.email).toBe(KNOWN.email);
    const session = done.setCookies.find((c) => c.startsWith('zr_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).toMatch(/Path=\//);
    // The session cookie alone (what the browser sends) opens `me`; the binding cookie has done its work.
    const me = await fetch(`${api}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: jar.header(api) }, body: JSON.stringify({ query: ME }) });
    expect(((await me.json()) as { data: { me: { email: string } } }).data.me.email).toBe(KNOWN.email);
    expect(jar.get(api, 'zr_oidc_binding')).toBeUndefined();
    const audit = await ds.getRepository(AuditEntryEntity).findBy({ action: 'AUTH_OIDC_LOGIN', actorId: user.id });
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(KNOWN.email.split('@')[0]);
    expect(await ds.getRepository(UserSessionEntity).countBy({ userId: user.id, method: 'OIDC' })).toBe(before + 1);
  });

  it('refuses the one-time code in another browser (login CSRF), a second time, and burns it', async () => {
    await provider.useAccount('known');
    const { jar, callbackUrl } = await toCallback();
    const code = fragment(await callback(callbackUrl, jar)).get('code') as string;
    // Someone sends his own /login#code=… to another browser: that browser has no binding cookie of this login.
    const other = await exchange(code, new CookieJar());
    expect(other.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(other.setCookies.some((c) => c.startsWith('zr_session=') && !/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c))).toBe(false);
    // The code is burnt: not even the browser that started the login can use it any more.
    expect((await exchange(code, jar)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const { jar: jar2, callbackUrl: callback2 } = await toCallback();
    const code2 = fragment(await callback(callback2, jar2)).get('code') as string;
    const binding = jar2.get(api, 'zr_oidc_binding') as string;
    expect((await exchange(code2, jar2)).body.data?.completeOidcLogin.user.email).toBe(KNOWN.email);
    jar2.set(api, 'zr_oidc_binding', binding);
    expect((await exchange(code2, jar2)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ignores a token in the login URL: /login#token=… starts no session in the api', async () => {
    // The api never reads a token from a URL; the admin's login page ignores #token (login-page.spec.tsx).
    const res = await fetch(`${api}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: COMPLETE, variables: { c: await loginViaOidc() } }) });
    expect(((await res.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a callback with a wrong state', async () => {
    await provider.useAccount('known');
    const { jar, callbackUrl } = await toCallback();
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', 'x'.repeat(43));
    const location = await callback(tampered.toString(), jar);
    expect(location).toBe(`${POST_LOGIN}#error=OIDC_STATE_INVALID`);
  });

  it('refuses a replayed callback (state is single use), even with the binding cookie', async () => {
    await provider.useAccount('known');
    const { jar, callbackUrl } = await toCallback();
    const binding = jar.get(api, 'zr_oidc_binding') as string;
    expect(fragment(await callback(callbackUrl, jar)).get('code')).toBeTruthy();
    jar.set(api, 'zr_oidc_binding', binding);
    expect(await callback(callbackUrl, jar)).toBe(`${POST_LOGIN}#error=OIDC_STATE_INVALID`);
  });

  it('refuses a callback from another browser (no binding cookie)', async () => {
    await provider.useAccount('known');
    const { callbackUrl } = await toCallback();
    expect(await callback(callbackUrl, new CookieJar())).toBe(`${POST_LOGIN}#error=OIDC_STATE_INVALID`);
  });

  it('refuses a provider account whose e-mail address is not a Zorgroute user, and creates no user', async () => {
    const before = await ds.getRepository(UserEntity).count();
    await provider.useAccount('stranger');
    const { jar, callbackUrl } = await toCallback();
    expect(await callback(callbackUrl, jar)).toBe(`${POST_LOGIN}#error=OIDC_UNKNOWN_USER`);
    expect(await ds.getRepository(UserEntity).count()).toBe(before);
    expect(await ds.getRepository(UserEntity).findOneBy({ email: 'onbekend@elders.example' })).toBeNull();
  });

  it('logout ends an OIDC session at once and returns the provider logout URL', async () => {
    const gql = client(await loginViaOidc());
    await gql.ok(ME);
    const d = await gql.ok<{ logout: { ok: boolean; providerLogoutUrl: string } }>('mutation { logout { ok providerLogoutUrl } }');
    expect(d.logout.ok).toBe(true);
    const url = new URL(d.logout.providerLogoutUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(url.searchParams.get('id_token_hint')).toBeTruthy();
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(POST_LOGIN);
    // The provider accepts the hint and the registered post-logout URI (it answers with its confirmation page).
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(200);
    const after = await gql.request(ME);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const user = await ds.getRepository(UserEntity).findOneByOrFail({ email: KNOWN.email });
    expect(await ds.getRepository(AuditEntryEntity).countBy({ action: 'API_LOGOUT', actorId: user.id })).toBeGreaterThan(0);
  });

  it('logout also revokes a development-login token at once', async () => {
    const gql = new GraphQLTestClient(`${api}/graphql`);
    await gql.login(DEV.email);
    const other = new GraphQLTestClient(`${api}/graphql`);
    await other.login(DEV.email);
    await gql.ok(ME);
    const d = await gql.ok<{ logout: { ok: boolean; providerLogoutUrl: string | null } }>('mutation { logout { ok providerLogoutUrl } }');
    expect(d.logout).toEqual({ ok: true, providerLogoutUrl: null });
    expect((await gql.request(ME)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Another session of the same user is not affected.
    await other.ok(ME);
  });
});
