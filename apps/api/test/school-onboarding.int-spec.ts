/**
 * Onboarding a school from nothing (issue 13) on the real stack: a platform admin creates the SWV, the school and its
 * school admin; who may manage what; deactivating an account ends its sessions at once; the school admin uploads the
 * shipped OneRoster bundle, reads the preview (nothing written), applies it, and a mentor sees exactly his pupils; a
 * Somtoday re-import shows exactly a mentor change, a leaver and a new pupil, and after it the old mentor no longer
 * sees the pupil and the leaver is marked, not deleted; bad files change nothing. Uses its own SWV and school.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { PupilEntity, Role, SchoolImportEntity, UserEntity } from '@zorgroute/domain';
import type { GqlResult } from './graphql-client';
import { useTestStack } from './test-stack';
import { createPlatformAdmin } from '../src/organisations/create-platform-admin';

const stamp = Date.now().toString(36);
const SAMPLES = resolve(__dirname, '../../../docs/samples/import');
const ONEROSTER = readFileSync(resolve(SAMPLES, 'oneroster-zonnewijde.zip'));
const SOMTODAY = readFileSync(resolve(SAMPLES, 'somtoday-zonnewijde.csv'), 'utf8');
const stack = useTestStack({ name: 'onboarding-e2e', seed: false, worker: false });

const ACCOUNT = 'id name email role schoolId swvId active';
const IMPORT = `id status format fileDigest pupilsAdded pupilsChanged pupilsLeaving rejected
  preview { pupilsAdded { sourceId name className mentorName } pupilsChanged { sourceId name className mentorName changes { field from to } }
            pupilsLeaving { sourceId name } pupilsUnchanged staffAdded { sourceId name email } staffLeaving { sourceId } guardiansAdded guardianLinksAdded
            rejected { file line reason } }`;

interface Preview {
  pupilsAdded: { sourceId: string; name: string; className: string | null; mentorName: string | null }[];
  pupilsChanged: { sourceId: string; name: string; className: string | null; mentorName: string | null; changes: { field: string; from: string | null; to: string | null }[] }[];
  pupilsLeaving: { sourceId: string; name: string }[];
  pupilsUnchanged: number;
  staffAdded: { sourceId: string; name: string; email: string }[];
  staffLeaving: { sourceId: string }[];
  guardiansAdded: number;
  guardianLinksAdded: number;
  rejected: { file: string; line: number; reason: string }[];
}
interface Import {
  id: string;
  status: string;
  format: string;
  fileDigest: string;
  pupilsAdded: number;
  pupilsChanged: number;
  pupilsLeaving: number;
  rejected: number;
  preview: Preview | null;
}

const code = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.code;
const platformEmail = `platform.${stamp}@onboarding.example`;
const schoolAdminEmail = `beheer.${stamp}@zonnewijde.example`;
let swvId = '';
let schoolId = '';

async function upload(name: string, body: Buffer | string, type = 'text/csv'): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${stack.baseUrl}/imports/schools/${schoolId}/preview`, {
    method: 'POST',
    headers: { 'content-type': type, 'x-file-name': encodeURIComponent(name), ...(stack.gql.token ? { authorization: `Bearer ${stack.gql.token}` } : {}) },
    body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function previewOf(importId: string): Promise<Import> {
  return (await stack.gql.ok<{ schoolImport: Import }>(`query($id: ID!) { schoolImport(id: $id) { ${IMPORT} } }`, { id: importId })).schoolImport;
}

async function pupilsOf(email: string): Promise<string[]> {
  await stack.gql.login(email);
  const r = await stack.gql.ok<{ pupils: { displayName: string }[] }>('{ pupils { displayName } }');
  return r.pupils.map((p) => p.displayName).sort();
}

async function schoolState(): Promise<{ pupils: number; left: number; imports: number; accounts: number }> {
  const ds = stack.app.get(DataSource);
  return {
    pupils: await ds.getRepository(PupilEntity).countBy({ schoolId }),
    left: await ds.getRepository(PupilEntity).createQueryBuilder('p').where('p.school_id = :schoolId AND p.left_at IS NOT NULL', { schoolId }).getCount(),
    imports: await ds.getRepository(SchoolImportEntity).countBy({ schoolId, status: 'APPLIED' }),
    accounts: await ds.getRepository(UserEntity).countBy({ schoolId }),
  };
}

beforeAll(async () => {
  // `npm run create-platform-admin` on a fresh install.
  expect(await createPlatformAdmin(stack.app.get(DataSource), { email: platformEmail.toUpperCase(), name: 'Paula Platform' })).toMatchObject({ created: true });
}, 120_000);

describe('the first platform admin', () => {
  it('is created once, audited, and never made from another account', async () => {
    const ds = stack.app.get(DataSource);
    const again = await createPlatformAdmin(ds, { email: platformEmail, name: 'Paula Platform' });
    expect(again).toMatchObject({ created: false, reason: 'EXISTS' });
    expect(await ds.getRepository(UserEntity).countBy({ email: platformEmail })).toBe(1);
    const audit: unknown[] = await ds.query(`SELECT 1 FROM audit_entry WHERE event_key = $1 AND action = 'PLATFORM_ADMIN_CREATED'`, [`platform-admin:${again.id}`]);
    expect(audit).toHaveLength(1);
    const mentor = `mentor.${stamp}@onboarding.example`;
    await ds.getRepository(UserEntity).save({ email: mentor, name: 'Mo Mentor', role: Role.MENTOR, schoolId: null, swvId: null, pupilId: null });
    await expect(createPlatformAdmin(ds, { email: mentor, name: 'Mo Mentor' })).rejects.toThrow('already belongs to an account with role MENTOR');
    await expect(createPlatformAdmin(ds, { email: 'geen-adres', name: 'X Y' })).rejects.toThrow('not an e-mail address');
    expect((await ds.getRepository(UserEntity).findOneByOrFail({ email: mentor })).role).toBe(Role.MENTOR);

    await stack.gql.login(platformEmail);
    expect((await stack.gql.ok<{ me: { role: string } }>('{ me { role } }')).me.role).toBe('PLATFORM_ADMIN');
  }, 60_000);
});

describe('organisations and accounts', () => {
  it('lets the platform admin create the SWV, the school and its admins; each admin manages only his own', async () => {
    await stack.gql.login(platformEmail);
    const swvCode = `VO ${String(10 + (Date.now() % 89)).padStart(2, '0')}.${String(Date.now() % 97).padStart(2, '0')}`;
    const swv = await stack.gql.ok<{ createSwv: { id: string; code: string } }>('mutation($i: SwvInput!) { createSwv(input: $i) { id code } }', { i: { name: 'SWV Voorbeeldregio', code: swvCode } });
    swvId = swv.createSwv.id;
    const school = await stack.gql.ok<{ createSchool: { id: string; brin: string; pupilCount: number } }>('mutation($i: SchoolInput!) { createSchool(input: $i) { id brin pupilCount } }', {
      i: { swvId, name: 'Voorbeeldcollege Zonnewijde', brin: '99ZZ', vestiging: '00', region: 'midden' },
    });
    schoolId = school.createSchool.id;
    expect(school.createSchool).toMatchObject({ brin: '99ZZ', pupilCount: 0 });

    // The same BRIN + vestiging twice, a malformed BRIN: clear Dutch errors.
    const twice = await stack.gql.request('mutation($i: SchoolInput!) { createSchool(input: $i) { id } }', { i: { swvId, name: 'Dubbel', brin: '99ZZ', vestiging: '00', region: 'midden' } });
    expect(code(twice)).toBe('CONFLICT');
    expect(twice.errors?.[0].message).toBe('Er is al een school met BRIN 99ZZ en vestiging 00');
    const badBrin = await stack.gql.request('mutation($i: SchoolInput!) { createSchool(input: $i) { id } }', { i: { swvId, name: 'Fout', brin: '9z', vestiging: '00', region: 'midden' } });
    expect(code(badBrin)).toBe('BAD_USER_INPUT');
    expect(badBrin.errors?.[0].message).toContain('BRIN moet uit twee cijfers en twee hoofdletters bestaan');
    expect(badBrin.errors?.[0].extensions?.messageEn).toBeTruthy();

    const create = 'mutation($i: CreateAccountInput!) { createAccount(input: $i) { ' + ACCOUNT + ' } }';
    const admin = await stack.gql.ok<{ createAccount: { role: string; schoolId: string; swvId: string; active: boolean } }>(create, { i: { name: 'Bart Beheer', email: schoolAdminEmail, role: 'SCHOOL_ADMIN', schoolId } });
    expect(admin.createAccount).toMatchObject({ role: 'SCHOOL_ADMIN', schoolId, swvId, active: true });
    await stack.gql.ok(create, { i: { name: 'Sanne Swv', email: `swvbeheer.${stamp}@onboarding.example`, role: 'SWV_ADMIN', swvId } });
    expect(code(await stack.gql.request(create, { i: { name: 'Dubbel', email: schoolAdminEmail, role: 'MENTOR', schoolId } }))).toBe('CONFLICT');

    // The SWV admin: his SWV's schools, not a new SWV, not a platform account.
    await stack.gql.login(`swvbeheer.${stamp}@onboarding.example`);
    const seen = await stack.gql.ok<{ swvs: { id: string; schools: { id: string }[] }[] }>('{ swvs { id schools { id } } }');
    expect(seen.swvs).toEqual([{ id: swvId, schools: [{ id: schoolId }] }]);
    expect(code(await stack.gql.request('mutation($i: SwvInput!) { createSwv(input: $i) { id } }', { i: { name: 'Nog een', code: 'VO 98.98' } }))).toBe('FORBIDDEN');
    expect(code(await stack.gql.request(create, { i: { name: 'Piet Platform', email: `p2.${stamp}@onboarding.example`, role: 'PLATFORM_ADMIN' } }))).toBe('FORBIDDEN');

    // The school admin: staff accounts of his school; no schools, no parents (they come from the import).
    await stack.gql.login(schoolAdminEmail);
    const zc = await stack.gql.ok<{ createAccount: { id: string } }>(create, { i: { name: 'Zoë Zorg', email: `zc.${stamp}@zonnewijde.example`, role: 'ZORGCOORDINATOR', schoolId } });
    expect(zc.createAccount.id).toBeTruthy();
    expect(code(await stack.gql.request('mutation($i: SchoolInput!) { createSchool(input: $i) { id } }', { i: { swvId, name: 'Eigen school', brin: '98YY', vestiging: '00', region: 'noord' } }))).toBe('FORBIDDEN');
    const parent = await stack.gql.request(create, { i: { name: 'Olga Ouder', email: `ouder.${stamp}@voorbeeldmail.example`, role: 'PARENT', schoolId } });
    expect(code(parent)).toBe('BAD_USER_INPUT');
    expect(parent.errors?.[0].message).toBe('Ouders en leerlingen komen uit de import van de schooladministratie, niet uit dit scherm');
    const accounts = await stack.gql.ok<{ accounts: { email: string }[] }>('query($s: ID) { accounts(schoolId: $s) { email } }', { s: schoolId });
    expect(accounts.accounts.map((a) => a.email).sort()).toEqual([schoolAdminEmail, `zc.${stamp}@zonnewijde.example`].sort());
    expect(code(await stack.gql.request('{ accounts { email } }'))).toBe('FORBIDDEN');

    // A case worker is not an organisation admin at all.
    await stack.gql.login(`zc.${stamp}@zonnewijde.example`);
    expect(code(await stack.gql.request('{ swvs { id } }'))).toBe('FORBIDDEN');
  }, 60_000);

  it('deactivating an account ends its sessions at once and refuses its next login', async () => {
    const zcEmail = `zc.${stamp}@zonnewijde.example`;
    await stack.gql.login(zcEmail);
    const zcToken = stack.gql.token;
    expect((await stack.gql.request('{ me { id } }')).errors).toBeUndefined();

    await stack.gql.login(schoolAdminEmail);
    const id = (await stack.gql.ok<{ accounts: { id: string; email: string }[] }>('query($s: ID) { accounts(schoolId: $s) { id email } }', { s: schoolId })).accounts.find((a) => a.email === zcEmail)?.id;
    const badReason = await stack.gql.request('mutation($id: ID!) { deactivateAccount(id: $id, input: { reason: "" }) { endedSessions } }', { id });
    expect(code(badReason)).toBe('BAD_USER_INPUT');
    const done = await stack.gql.ok<{ deactivateAccount: { account: { active: boolean }; endedSessions: number; openSteps: unknown[] } }>(
      'mutation($id: ID!) { deactivateAccount(id: $id, input: { reason: "Uit dienst" }) { account { active } endedSessions openSteps { caseId } } }',
      { id },
    );
    // Both of its sessions (the first test's login and this one) end.
    expect(done.deactivateAccount).toEqual({ account: { active: false }, endedSessions: 2, openSteps: [] });
    const audit: { reason: string }[] = await stack.app.get(DataSource).query(`SELECT reason FROM audit_entry WHERE action = 'ACCOUNT_DEACTIVATED' AND details->>'accountId' = $1`, [id]);
    expect(audit).toEqual([{ reason: 'Uit dienst' }]);

    stack.gql.token = zcToken;
    expect(code(await stack.gql.request('{ me { id } }'))).toBe('UNAUTHENTICATED');
    const again = await stack.gql.request('mutation($e: String!) { devLogin(email: $e) { token } }', { e: zcEmail });
    expect(code(again)).toBe('UNAUTHENTICATED');

    // Reactivated, the account logs in again.
    await stack.gql.login(schoolAdminEmail);
    await stack.gql.ok('mutation($id: ID!) { reactivateAccount(id: $id) { active } }', { id });
    await stack.gql.login(zcEmail);
    expect((await stack.gql.request('{ me { id } }')).errors).toBeUndefined();
  }, 60_000);
});

describe('school data import', () => {
  it('previews the OneRoster bundle without writing, applies it in one go, and a mentor sees exactly his pupils', async () => {
    await stack.gql.login(schoolAdminEmail);
    const before = await schoolState();
    const up = await upload('oneroster-zonnewijde.zip', ONEROSTER, 'application/zip');
    expect(up.status).toBe(200);
    const imp = await previewOf(up.json.id as string);
    expect(imp).toMatchObject({ status: 'PREVIEW', format: 'ONEROSTER', pupilsAdded: 6, pupilsChanged: 0, pupilsLeaving: 0, rejected: 0 });
    // The SHA-256 of the file, computed while the upload was streamed to disk.
    expect(imp.fileDigest).toBe(createHash('sha256').update(ONEROSTER).digest('hex'));
    expect(imp.preview?.staffAdded.map((s) => s.email).sort()).toEqual(['noor.yilmaz@zonnewijde.example', 'pieter.bakker@zonnewijde.example', 'sara.mulder@zonnewijde.example']);
    expect(imp.preview?.pupilsAdded.find((p) => p.sourceId === '100001')).toEqual({ sourceId: '100001', name: 'Lieke Dijkstra', className: '1A', mentorName: 'Sara Mulder' });
    expect(imp.preview?.guardiansAdded).toBe(8);
    // The preview wrote nothing but itself.
    expect(await schoolState()).toEqual(before);

    // Another school's admin cannot see or apply it.
    await stack.gql.login(platformEmail);
    const otherAdmin = `ander.${stamp}@onboarding.example`;
    const other = await stack.gql.ok<{ createSchool: { id: string } }>('mutation($i: SchoolInput!) { createSchool(input: $i) { id } }', { i: { swvId, name: 'Andere school', brin: '98YY', vestiging: '01', region: 'noord' } });
    await stack.gql.ok('mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }', { i: { name: 'Anders Beheer', email: otherAdmin, role: 'SCHOOL_ADMIN', schoolId: other.createSchool.id } });
    await stack.gql.login(otherAdmin);
    expect(code(await stack.gql.request('mutation($id: ID!) { applySchoolImport(id: $id) { id } }', { id: imp.id }))).toBe('FORBIDDEN');

    await stack.gql.login(schoolAdminEmail);
    const applied = await stack.gql.ok<{ applySchoolImport: Import }>(`mutation($id: ID!) { applySchoolImport(id: $id) { ${IMPORT} } }`, { id: imp.id });
    expect(applied.applySchoolImport).toMatchObject({ status: 'APPLIED', pupilsAdded: 6, preview: null });
    const after = await schoolState();
    expect(after).toMatchObject({ pupils: 6, left: 0, imports: before.imports + 1 });
    // Applying twice is refused.
    expect(code(await stack.gql.request('mutation($id: ID!) { applySchoolImport(id: $id) { id } }', { id: imp.id }))).toBe('CONFLICT');
    // Audited with its counts and file digest.
    const audit: { details: { fileDigest: string; counts: { pupilsAdded: number } } }[] = await stack.app.get(DataSource).query(`SELECT details FROM audit_entry WHERE event_key = $1`, [`school-import:${imp.id}`]);
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ fileDigest: imp.fileDigest, counts: { pupilsAdded: 6 } });

    expect(await pupilsOf('sara.mulder@zonnewijde.example')).toEqual(['Lieke Dijkstra', 'Mees Hoekstra']);
    expect(await pupilsOf('pieter.bakker@zonnewijde.example')).toEqual(['Fenna Postma', 'Sem Visser']);

    // Re-importing the same bundle changes nothing.
    await stack.gql.login(schoolAdminEmail);
    const same = await previewOf((await upload('oneroster-zonnewijde.zip', ONEROSTER, 'application/zip')).json.id as string);
    expect(same).toMatchObject({ pupilsAdded: 0, pupilsChanged: 0, pupilsLeaving: 0, rejected: 0 });
    expect(same.preview?.pupilsUnchanged).toBe(6);
  }, 90_000);

  it('a Somtoday re-import shows exactly a mentor change, a leaver and a new pupil; after apply the old mentor loses the pupil', async () => {
    await stack.gql.login(schoolAdminEmail);
    const lines = SOMTODAY.split('\n');
    lines[1] = lines[1].replace(';1A;S. Mulder;sara.mulder@zonnewijde.example;', ';1B;P. Bakker;pieter.bakker@zonnewijde.example;');
    lines[4] = lines[4].replace('Henk Postma;henk.postma@voorbeeldmail.example;nee', 'Henk Postma;henk.postma@voorbeeldmail.example;ja');
    lines.splice(6, 1, '100007;Jesse;;Kuipers;05-05-2013;2A;N. Yilmaz;noor.yilmaz@zonnewijde.example;Rian Kuipers;rian.kuipers@voorbeeldmail.example;ja;;;');
    const up = await upload('somtoday-zonnewijde.csv', lines.join('\n'));
    expect(up.status).toBe(200);
    const imp = await previewOf(up.json.id as string);
    expect(imp.format).toBe('SOMTODAY');
    expect(imp.preview?.rejected).toEqual([]);
    expect(imp.preview?.pupilsAdded).toEqual([{ sourceId: '100007', name: 'Jesse Kuipers', className: '2A', mentorName: 'Noor Yilmaz' }]);
    expect(imp.preview?.pupilsLeaving).toEqual([{ sourceId: '100006', name: 'Isa van Leeuwen' }]);
    expect(imp.preview?.pupilsChanged).toEqual([
      { sourceId: '100001', name: 'Lieke Dijkstra', className: '1B', mentorName: 'Pieter Bakker', changes: [{ field: 'klas', from: '1A', to: '1B' }, { field: 'mentor', from: 'Sara Mulder', to: 'Pieter Bakker' }] },
    ]);
    // A Somtoday export has no staff list: nobody on the staff leaves.
    expect(imp.preview?.staffLeaving).toEqual([]);

    await stack.gql.ok('mutation($id: ID!) { applySchoolImport(id: $id) { id } }', { id: imp.id });
    expect(await pupilsOf('sara.mulder@zonnewijde.example')).toEqual(['Mees Hoekstra']);
    expect(await pupilsOf('pieter.bakker@zonnewijde.example')).toEqual(['Fenna Postma', 'Lieke Dijkstra', 'Sem Visser']);
    expect(await pupilsOf('noor.yilmaz@zonnewijde.example')).toEqual(['Jesse Kuipers', 'Ravi Bosman']);
    // The leaver is marked, never deleted.
    const leaver = await stack.app.get(DataSource).getRepository(PupilEntity).findOneByOrFail({ schoolId, sourceId: '100006' });
    expect(leaver.leftAt).toBeInstanceOf(Date);
    // The zorgcoördinator still sees him (his cases stay), marked as left.
    await stack.gql.login(`zc.${stamp}@zonnewijde.example`);
    const all = await stack.gql.ok<{ pupils: { displayName: string; leftAt: string | null }[] }>('{ pupils { displayName leftAt } }');
    expect(all.pupils.filter((p) => p.leftAt).map((p) => p.displayName)).toEqual(['Isa van Leeuwen']);
    expect(all.pupils).toHaveLength(7);
  }, 90_000);

  it('bad files get a clear Dutch error and change nothing', async () => {
    await stack.gql.login(schoolAdminEmail);
    const before = await schoolState();

    const commas = await upload('komma.csv', SOMTODAY.replace(/;/g, ','));
    expect(commas.status).toBe(400);
    expect(commas.json).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(String(commas.json.message)).toMatch(/puntkomma|scheidingsteken/i);

    const renamed = await upload('kolom.csv', SOMTODAY.replace('Geboortedatum', 'Geb.datum'));
    expect(renamed.status).toBe(400);
    expect(String(renamed.json.message)).toMatch(/kolom "geboortedatum" ontbreekt/i);
    const unknown = await upload('onbekend.csv', SOMTODAY.replace('Leerlingnummer', 'Nummer'));
    expect(String(unknown.json.message)).toContain('geen export van Somtoday of Magister herkend');

    const huge = await upload('groot.csv', Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect(huge.status).toBe(413);
    expect(huge.json).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    // Without a Content-Length (chunked), the upload is refused while it is received, and its temporary file removed.
    const uploadsOnDisk = () => readdirSync(tmpdir()).filter((f) => f.startsWith('zorgroute-import-')).length;
    const onDiskBefore = uploadsOnDisk();
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    let sent = 0;
    const chunked = await fetch(`${stack.baseUrl}/imports/schools/${schoolId}/preview`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-file-name': 'groot.csv', authorization: `Bearer ${stack.gql.token}` },
      body: new ReadableStream({ pull: (c) => (sent++ < 21 ? c.enqueue(chunk) : c.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(uploadsOnDisk()).toBe(onDiskBefore);

    const notAZip = await upload('kapot.zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]), 'application/zip');
    expect(notAZip.status).toBe(400);

    // Formula characters and a duplicate pupil number: a preview with rejected rows, which cannot be applied.
    const lines = SOMTODAY.split('\n');
    lines[2] = lines[2].replace(';Mees;', ';=HYPERLINK("x");');
    lines[3] = lines[3].replace('100003;', '100001;');
    const bad = await upload('fout.csv', lines.join('\n'));
    expect(bad.status).toBe(200);
    const imp = await previewOf(bad.json.id as string);
    // A duplicate pupil number rejects both of its rows.
    expect(imp.preview?.rejected).toEqual([
      { file: 'fout.csv', line: 2, reason: 'leerlingnummer 100001 staat ook op regel 4' },
      { file: 'fout.csv', line: 3, reason: 'roepnaam "=HYPERLINK("x")" begint met een formuleteken (=, +, -, @); pas de naam aan in de administratie' },
      { file: 'fout.csv', line: 4, reason: 'leerlingnummer 100001 staat ook op regel 2' },
    ]);
    const refused = await stack.gql.request('mutation($id: ID!) { applySchoolImport(id: $id) { id } }', { id: imp.id });
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toContain('afgekeurde regel');

    // Without a session or with a wrong content type: refused before reading.
    const token = stack.gql.token;
    stack.gql.token = null;
    expect((await upload('x.csv', SOMTODAY)).status).toBe(401);
    stack.gql.token = token;
    expect((await upload('x.txt', SOMTODAY, 'text/plain')).status).toBe(400);

    expect(await schoolState()).toEqual(before);
  }, 90_000);
});
