/**
 * Hardening of the api on the real stack (in-process Nest app, PostgreSQL, Temporal): formula-safe CSV, documents that
 * answer like missing ones, date bounds, malformed requests, no stack traces, query cost and alias limits, the
 * development login failing closed, schema hints off in production, the session cookie with CSRF protection and the
 * security headers. Fixtures are made directly in the database (own SWV, school and users per run).
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseDocumentRepository, CaseReadModelRepository, migrateFromEnv, PupilEntity, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import { addCalendarDays, buildSchoolCalendar, DEFAULT_POLICIES, schoolYearBounds, schoolYearOf, toIsoDate } from '@zorgroute/domain/logic';
import { startZorgplichtClock } from '@zorgroute/workflows';
import { appConfigFromEnv } from '../src/config/app.config';
import { createApp } from '../src/create-app';
import { GraphQLTestClient, type GqlResult } from './graphql-client';
import { caseSnapshot } from '../src/testing/case-snapshot.fixture';
import { bornYearsAgo } from './ages';

const run = randomUUID().slice(0, 8);
const today = toIsoDate(Date.now());
const email = (who: string) => `${who}.${run}@hardening.example`;

let app: INestApplication;
let baseUrl: string;
let ds: DataSource;
const ids: Record<string, string> = {};

/** Everything written to stdout, stderr or the console while `fn` runs (Nest's logger writes to stdout/stderr). */
async function captured<T>(fn: () => Promise<T>): Promise<{ result: T; log: string }> {
  const out: string[] = [];
  const keep = (chunk: unknown) => out.push(String(chunk));
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (keep(chunk), true)),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (keep(chunk), true)),
    ...(['log', 'info', 'warn', 'error'] as const).map((m) => jest.spyOn(console, m).mockImplementation((...args: unknown[]) => keep(args.map(String).join(' ')))),
  ];
  try {
    return { result: await fn(), log: out.join('') };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

const tokens = new Map<string, string>();
/** A dev-login token of the main app (through GraphQL, like every API client), one per user. */
async function tokenOf(who: string): Promise<string> {
  if (!tokens.has(who)) {
    const gql = new GraphQLTestClient(`${baseUrl}/graphql`);
    await gql.login(email(who));
    tokens.set(who, gql.token as string);
  }
  return tokens.get(who) as string;
}

function client(token: string | null, url = baseUrl): GraphQLTestClient {
  const gql = new GraphQLTestClient(`${url}/graphql`);
  gql.token = token;
  return gql;
}

const codeOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.code ?? null;

/** Creates an app on a free port with extra environment; `nodeEnv` is what Apollo sees while it is built. */
async function startApp(env: NodeJS.ProcessEnv, nodeEnv?: string): Promise<{ app: INestApplication; url: string }> {
  const previous = process.env.NODE_ENV;
  if (nodeEnv !== undefined) process.env.NODE_ENV = nodeEnv;
  try {
    const started = await createApp(appConfigFromEnv({ ...process.env, API_PORT: '0', LOGIN_RATE_LIMIT_PER_IP: '1000', LOGIN_RATE_LIMIT_PER_EMAIL: '1000', ...env }));
    await started.listen(0, '127.0.0.1');
    return { app: started, url: (await started.getUrl()).replace('[::1]', '127.0.0.1') };
  } finally {
    process.env.NODE_ENV = previous;
  }
}

beforeAll(async () => {
  await migrateFromEnv(process.env);
  // Apollo would put stack traces into every error answer outside production and test by default.
  ({ app, url: baseUrl } = await startApp({ AUTH_DEV_LOGIN: 'true' }, 'development'));
  ds = app.get(DataSource);

  const swv = await ds.getRepository(SwvEntity).save({ name: `SWV Hardening ${run}`, code: `VO ${run}` });
  const mkSchool = (name: string) => ds.getRepository(SchoolEntity).save({ swvId: swv.id, name, brin: `9${String(randomInt(10 ** 5)).padStart(5, '0')}`, region: 'midden' as const });
  const schoolA = await mkSchool(`Formulecollege ${run}`);
  const schoolB = await mkSchool(`Ander Lyceum ${run}`);
  ids.schoolA = schoolA.id;
  const mkUser = async (who: string, role: string, schoolId: string | null, swvId: string | null) =>
    (ids[who] = (await ds.getRepository(UserEntity).save({ name: `Test ${who}`, email: email(who), role: role as UserEntity['role'], schoolId, swvId, pupilId: null })).id);
  await mkUser('swv', 'SWV_MEDEWERKER', null, swv.id);
  await mkUser('zc', 'ZORGCOORDINATOR', schoolA.id, swv.id);
  await mkUser('mentor', 'MENTOR', schoolA.id, swv.id);
  await mkUser('zcb', 'ZORGCOORDINATOR', schoolB.id, swv.id);
  await mkUser('admin', 'ADMIN', null, null);
}, 120_000);

afterAll(async () => {
  await app?.close();
}, 60_000);

describe('CSV export', () => {
  /** Every character a spreadsheet reads as the start of a formula, as the first character of a pupil's name. */
  const TRIGGERS: Record<string, string> = { '=': '=HYPERLINK("https://aanvaller.example";"klik")', '+': '+31 6 1234', '-': '-2+3', '@': '@SUM(A1)', tab: '\t=1+1', cr: '\r=1+1' };

  beforeAll(async () => {
    const cal = buildSchoolCalendar('midden');
    for (const [key, firstName] of Object.entries(TRIGGERS)) {
      const pupil = await ds.getRepository(PupilEntity).save({ schoolId: ids.schoolA, firstName, lastName: 'Formule', dateOfBirth: bornYearsAgo(13), className: null, mentorId: null });
      const clock = startZorgplichtClock(addCalendarDays(today, -3), DEFAULT_POLICIES.zorgplicht, cal);
      await new CaseReadModelRepository(ds).upsert(caseSnapshot({
        caseId: `zorgplicht-hardening-${run}-${key}`,
        process: 'ZORGPLICHT',
        schoolId: ids.schoolA,
        pupilId: pupil.id,
        status: 'ONTVANGEN',
        waitingFor: 'RECORD_DECISION',
        data: {
          clock: {
            receivedOn: clock.receivedOn,
            suspendSummerHoliday: clock.suspendSummerHoliday,
            firstDueDate: clock.firstTerm.date,
            dueDate: clock.due.date,
            dueRule: clock.due.rule,
            dueExplanation: clock.due.explanation,
            extended: false,
            extensionWeeks: null,
            extendedOn: null,
            extensionReason: null,
            tenWeekDate: clock.tenWeekMark.date,
            warnDaysBefore: 7,
          },
        },
      }));
    }
  });

  it('writes every cell that starts with =, +, -, @, tab or carriage return as text, with a UTF-8 BOM for Excel', async () => {
    const res = await fetch(`${baseUrl}/exports/zorgplicht.csv?schoolId=${ids.schoolA}`, { headers: { authorization: `Bearer ${await tokenOf('swv')}` } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    for (const [key, firstName] of Object.entries(TRIGGERS)) {
      const caseId = `zorgplicht-hardening-${run}-${key}`;
      // The record ends with the case id (a CR inside a quoted cell does not end a record).
      const record = csv.split('\r\n').find((r) => r.endsWith(`;${caseId}`));
      expect(record).toBeDefined();
      const name = `${firstName} Formule`;
      const cell = /[";\r\n]/.test(name) ? `"'${name.replace(/"/g, '""')}"` : `'${name}`;
      expect(record).toContain(`;${cell};`);
    }
    // Numbers stay numbers: "days remaining" may be negative without becoming text.
    expect(csv).not.toMatch(/;'-\d+;/);
  });
});

describe('documents', () => {
  it('answers a document the caller may not read exactly like a missing one', async () => {
    const caseId = `zorgplicht-hardening-${run}-=`;
    // The mentor is the pupil's mentor: he may see the case, but not its letters.
    await ds.query('UPDATE pupil SET mentor_id = $1 WHERE id = (SELECT pupil_id FROM case_summary WHERE id = $2)', [ids.mentor, caseId]);
    const doc = await new CaseDocumentRepository(ds).store({ docKey: `hardening-${run}`, caseId, kind: 'TEST', fileName: 'brief.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 test') });
    const get = async (id: string, who: string) => {
      const res = await fetch(`${baseUrl}/documents/${id}`, { headers: { authorization: `Bearer ${await tokenOf(who)}` } });
      return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
    };
    expect((await get(doc.id, 'zc')).status).toBe(200);
    const missing = await get(randomUUID(), 'zcb');
    expect(missing.status).toBe(404);
    expect(await get(doc.id, 'zcb')).toEqual(missing); // the case is out of his scope
    expect(await get(doc.id, 'mentor')).toEqual(missing); // he sees the case, but his role may not read letters
    expect(await get(randomUUID(), 'mentor')).toEqual(missing);
  });
});

describe('date bounds', () => {
  const REGISTER = `mutation($i: RegisterAanmeldingInput!) { registerAanmelding(input: $i) { id } }`;
  const ADD_DAY_OFF = `mutation($i: AddSchoolDayOffInput!) { addSchoolDayOff(input: $i) { id } }`;

  it('refuses a birth date in the future or before 1990 with BAD_USER_INPUT, and writes nothing', async () => {
    const zc = client(await tokenOf('zc'));
    const pupils = () => ds.getRepository(PupilEntity).countBy({ schoolId: ids.schoolA });
    const before = await pupils();
    for (const dateOfBirth of ['2999-01-01', '1989-12-31', addCalendarDays(today, 1)]) {
      const r = await zc.request(REGISTER, {
        i: { newPupil: { firstName: 'Datum', lastName: 'Grens', dateOfBirth, parents: [{ name: 'Ouder Grens', email: email('ouder') }] }, receivedOn: today, extraSupportExpected: false, preferenceSchoolIds: [ids.schoolA] },
      });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toContain('geboortedatum moet tussen 1990 en vandaag liggen');
    }
    expect(await pupils()).toBe(before);
  });

  it('refuses a day off in year 9999 or beyond the school years around today with BAD_USER_INPUT, not a 500', async () => {
    const zc = client(await tokenOf('zc'));
    const tooLate = addCalendarDays(schoolYearBounds(schoolYearOf(today)).to, 3 * 365);
    for (const day of ['9999-12-31', tooLate, '1999-03-01']) {
      const r = await zc.request(ADD_DAY_OFF, { i: { schoolId: ids.schoolA, from: day, to: day, name: 'Te ver weg' } });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toMatch(/vrije dag moet vallen in schooljaar/);
    }
  });
});

describe('malformed requests and error answers', () => {
  const graphql = () => `${baseUrl}/graphql`;

  it('answer 400 with a code, and nothing is logged', async () => {
    const requests: [string, RequestInit][] = [
      ['bad JSON', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ me { id } }", "variables": {"naam": "Noor Aksoy"' }],
      ['GET without query', { method: 'GET', headers: { 'apollo-require-preflight': 'true' } }],
      ['text/plain body', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ me { id } }', variables: { naam: 'Noor Aksoy' } }) }],
      ['XML body', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<naam>Noor Aksoy</naam>' }],
      ['query not a string', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: { naam: 'Noor Aksoy' } }) }],
    ];
    for (const [what, init] of requests) {
      const { result, log } = await captured(async () => {
        const res = await fetch(graphql(), init);
        return { status: res.status, body: (await res.json()) as { code?: string; errors?: { extensions?: { code?: string; stacktrace?: unknown } }[] } };
      });
      expect([what, result.status]).toEqual([what, 400]);
      const code = result.body.code ?? result.body.errors?.[0]?.extensions?.code;
      expect([what, code]).toEqual([what, 'BAD_REQUEST']);
      expect([what, log]).toEqual([what, '']);
      expect(JSON.stringify(result.body)).not.toContain('stacktrace');
    }
  });

  it('never carry a stack trace by default (the app runs as NODE_ENV=development here)', async () => {
    const anon = await client(null).request('{ me { id } }');
    expect(codeOf(anon)).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(anon)).not.toContain('stacktrace');
    const invalid = await client(null).request('{ me { nope } }');
    expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(invalid)).not.toContain('stacktrace');
  });
});

describe('query limits', () => {
  it('refuses the alias bomb (499 aliased cases) at once with QUERY_TOO_COMPLEX, and a smaller one by its aliases', async () => {
    const admin = client(await tokenOf('admin'));
    const post = async (query: string) => {
      const started = Date.now();
      const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` }, body: JSON.stringify({ query }) });
      return { status: res.status, body: (await res.json()) as GqlResult<unknown>, ms: Date.now() - started };
    };
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `c${i}: cases { id status pupil { displayName } }`).join(' ')} }`;
    await post(aliased(1));
    const one = await post(aliased(1));
    expect(one.body.errors).toBeUndefined();

    const bomb = await post(aliased(499));
    expect(bomb.status).toBe(400);
    expect(codeOf(bomb.body)).toBe('QUERY_TOO_COMPLEX');
    expect(bomb.body.errors?.[0].message).toMatch(/te groot \(meer dan 3000 onderdelen\)/);
    expect(bomb.body.data).toBeUndefined();
    // Refused before any of it runs: not 499 times the work of one (the machine may be busy, so the bound is loose).
    expect(bomb.ms).toBeLessThan(25 * Math.max(one.ms, 20));

    const smaller = await post(aliased(50));
    expect(smaller.status).toBe(400);
    expect(codeOf(smaller.body)).toBe('QUERY_TOO_COMPLEX');
    expect(smaller.body.errors?.[0].message).toMatch(/te veel aliassen \(50, maximaal 20\)/);
    expect(smaller.body.errors?.[0].extensions?.messageEn).toMatch(/too many aliases/);
  });

  it('counts list fields by their page size: the same query is fine with small pages and refused with large ones', async () => {
    const swv = client(await tokenOf('swv'));
    const query = (limit: number) =>
      `{ ${['a', 'b', 'c']
        .map((alias) => `${alias}: zorgplichtClocks(limit: ${limit}) { clocks { caseId status statusLabel receivedOn dueDate dueRule dueExplanation daysRemaining overdue clockState tenWeekDate pupil { id displayName className schoolId mentorName } school { id name region } } }`)
        .join(' ')} }`;
    expect((await swv.request(query(5))).errors).toBeUndefined();
    const refused = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${swv.token}` }, body: JSON.stringify({ query: query(500) }) });
    const body = (await refused.json()) as GqlResult<unknown>;
    expect(refused.status).toBe(400);
    expect(codeOf(body)).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors?.[0].message).toMatch(/te zwaar \(kosten \d+, maximaal 25000\)/);
    // The page size may come from a variable too.
    const viaVariable = await swv.request(`query($n: Int) { ${query(0).slice(2, -2).replace(/limit: 0/g, 'limit: $n')} }`, { n: 500 });
    expect(codeOf(viaVariable)).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('development login fails closed', () => {
  let off: { app: INestApplication; url: string };

  beforeAll(async () => {
    // Same database and secret, but AUTH_DEV_LOGIN not set (and the explicit debug switch on).
    off = await startApp({ AUTH_DEV_LOGIN: undefined, API_DEBUG_ERRORS: 'true' }, 'development');
  }, 120_000);

  afterAll(async () => {
    await off?.app.close();
  });

  it('is off unless AUTH_DEV_LOGIN=true, and its sessions are refused once it is off', async () => {
    const token = await tokenOf('zc');
    expect(codeOf(await client(token).request('{ me { id } }'))).toBeNull();
    const options = await client(null, off.url).ok<{ authOptions: { devLoginEnabled: boolean } }>('{ authOptions { devLoginEnabled } }');
    expect(options.authOptions.devLoginEnabled).toBe(false);
    expect(codeOf(await client(null, off.url).request('mutation($e: String!) { devLogin(email: $e) { token } }', { e: email('zc') }))).toBe('FORBIDDEN');
    expect((await client(null, off.url).ok<{ demoUsers: unknown[] }>('{ demoUsers { id } }')).demoUsers).toEqual([]);
    const refused = await client(token, off.url).request('{ me { id } }');
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors?.[0].message).toMatch(/ontwikkel-login staat uit/);
    // The same token still works where the development login is on: the session itself was not ended.
    expect(codeOf(await client(token).request('{ me { id } }'))).toBeNull();
  });

  it('puts a stack trace in error answers only with the explicit debug switch', async () => {
    const r = await client(null, off.url).request('{ me { id } }');
    expect((r.errors?.[0].extensions as { stacktrace?: unknown }).stacktrace).toEqual(expect.any(Array));
  });
});

describe('production', () => {
  let prod: { app: INestApplication; url: string };

  beforeAll(async () => {
    prod = await startApp({ NODE_ENV: 'production', AUTH_DEV_LOGIN: 'true', API_DEBUG_ERRORS: 'true' });
  }, 120_000);

  afterAll(async () => {
    await prod?.app.close();
  });

  it('suggests no field names, keeps development login and stack traces off whatever the environment says', async () => {
    const r = await client(null, prod.url).request('{ mee { id } }');
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(r)).not.toMatch(/Did you mean|"me"/);
    expect(JSON.stringify(r)).not.toContain('stacktrace');
    expect(codeOf(await client(null, prod.url).request('mutation($e: String!) { devLogin(email: $e) { token } }', { e: email('zc') }))).toBe('FORBIDDEN');
    expect(codeOf(await client(await tokenOf('zc'), prod.url).request('{ me { id } }'))).toBe('UNAUTHENTICATED');
  });
});

describe('browser session cookie', () => {
  const LOGIN = 'mutation($e: String!) { devLogin(email: $e) { user { id email } } }';
  const post = (body: unknown, headers: Record<string, string>) =>
    fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('is httpOnly and SameSite=Strict, works alone, and logout clears it and ends its session', async () => {
    const login = await post({ query: LOGIN, variables: { e: email('zc') } }, {});
    const setCookie = login.headers.getSetCookie().find((c) => c.startsWith('zr_session=')) as string;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Max-Age=\d+/);
    const cookie = setCookie.split(';')[0];
    const me = (await (await post({ query: '{ me { email } }' }, { cookie })).json()) as GqlResult<{ me: { email: string } }>;
    expect(me.data?.me.email).toBe(email('zc'));
    // A bearer token wins over the cookie (API clients).
    const bearer = (await (await post({ query: '{ me { email } }' }, { cookie, authorization: `Bearer ${await tokenOf('admin')}` })).json()) as GqlResult<{ me: { email: string } }>;
    expect(bearer.data?.me.email).toBe(email('admin'));

    const logout = await post({ query: 'mutation { logout { ok } }' }, { cookie });
    expect(((await logout.json()) as GqlResult<{ logout: { ok: boolean } }>).data?.logout.ok).toBe(true);
    expect(logout.headers.getSetCookie().find((c) => c.startsWith('zr_session='))).toMatch(/zr_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(codeOf((await (await post({ query: '{ me { email } }' }, { cookie })).json()) as GqlResult<unknown>)).toBe('UNAUTHENTICATED');
  });

  it('is useless to another site: a form-like POST or a plain GET with the cookie is refused as CSRF, nothing runs', async () => {
    const login = await post({ query: LOGIN, variables: { e: email('zc') } }, {});
    const cookie = (login.headers.getSetCookie().find((c) => c.startsWith('zr_session=')) as string).split(';')[0];
    const before = await ds.query(`SELECT count(*)::int AS n FROM user_session WHERE ended_at IS NOT NULL`);
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': contentType, cookie }, body: JSON.stringify({ query: 'mutation { logout { ok } }' }) });
      expect([contentType, res.status]).toEqual([contentType, 400]);
      expect(codeOf((await res.json()) as GqlResult<unknown>)).toBe('BAD_REQUEST');
    }
    const get = await fetch(`${baseUrl}/graphql?query=${encodeURIComponent('{ me { email } }')}`, { headers: { cookie } });
    expect(get.status).toBe(400);
    expect(await ds.query(`SELECT count(*)::int AS n FROM user_session WHERE ended_at IS NOT NULL`)).toEqual(before);
    expect(((await (await post({ query: '{ me { email } }' }, { cookie })).json()) as GqlResult<{ me: { email: string } }>).data?.me.email).toBe(email('zc'));
  });
});

describe('security headers', () => {
  it('come from helmet on every api answer: no X-Powered-By, a CSP that allows nothing, nosniff, no framing', async () => {
    for (const path of ['/health', '/graphql', '/documents/not-a-document', '/exports/zorgplicht.csv']) {
      const res = await fetch(`${baseUrl}${path}`, { method: path === '/graphql' ? 'POST' : 'GET', headers: { 'content-type': 'application/json' }, body: path === '/graphql' ? '{"query":"{ authOptions { oidcEnabled } }"}' : undefined });
      expect([path, res.headers.get('x-powered-by')]).toEqual([path, null]);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
  });
});
