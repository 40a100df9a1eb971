import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { readDelimitedExport } from './delimited-import';
import { planImport, type SchoolState } from './import-plan';
import { IMPORT_LIMITS, ImportFileError } from './import-limits';
import { readOneRosterBundle } from './oneroster-import';
import { readCsv } from './read-csv';
import { readZipEntries } from './zip-bundle';

const SAMPLES = join(__dirname, '../../../../docs/samples/import');
const TODAY = '2026-12-07';
const oneRoster = () => readFileSync(join(SAMPLES, 'oneroster-zonnewijde.zip'));
const somtoday = () => readFileSync(join(SAMPLES, 'somtoday-zonnewijde.csv'), 'utf8');
const opts = { brin: '99ZZ', vestiging: '00', today: TODAY };

function bundleWith(changes: Record<string, string | null>): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const f of ['manifest', 'orgs', 'users', 'roles', 'classes', 'enrollments', 'academicSessions', 'demographics']) {
    files[`${f}.csv`] = readFileSync(join(SAMPLES, 'oneroster', `${f}.csv`));
  }
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete files[k];
    else files[k] = strToU8(v);
  }
  return Buffer.from(zipSync(files));
}

async function fileError(p: Promise<unknown>): Promise<ImportFileError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error('expected an ImportFileError');
}

const EMPTY_STATE: SchoolState = { schoolId: 's1', pupils: [], users: [], links: [] };

describe('OneRoster 1.2 bundle', () => {
  it('reads the shipped sample: teachers, pupils with class, mentor and guardians', async () => {
    const r = await readOneRosterBundle('oneroster-zonnewijde.zip', oneRoster(), opts);
    expect(r.rejected).toEqual([]);
    expect(r.staff.map((s) => s.email)).toEqual(['sara.mulder@zonnewijde.example', 'pieter.bakker@zonnewijde.example', 'noor.yilmaz@zonnewijde.example']);
    expect(r.pupils).toHaveLength(6);
    expect(r.pupils[0]).toEqual(
      expect.objectContaining({ sourceId: '100001', firstName: 'Lieke', lastName: 'Dijkstra', dateOfBirth: '2014-03-12', className: '1A', mentor: { sourceId: 'doc-001' } }),
    );
    expect(r.pupils[0].guardians.map((g) => [g.email, g.relation, g.hasParentalAuthority])).toEqual([
      ['anke.dijkstra@voorbeeldmail.example', 'ouder', true],
      ['gerrit.dijkstra@voorbeeldmail.example', 'ouder', true],
    ]);
    const { preview } = planImport(r, EMPTY_STATE);
    expect(preview.pupils.added).toHaveLength(6);
    expect(preview.staff.added).toHaveLength(3);
    expect(preview.guardians.added).toBe(8);
  });

  it('refuses another school, a delta export, a missing file and a missing column', async () => {
    expect((await fileError(readOneRosterBundle('x.zip', oneRoster(), { ...opts, brin: '11AA' }))).code).toBe('WRONG_SCHOOL');
    const manifest = readFileSync(join(SAMPLES, 'oneroster/manifest.csv'), 'utf8').replace('file.users,bulk', 'file.users,delta');
    expect((await fileError(readOneRosterBundle('x.zip', bundleWith({ 'manifest.csv': manifest }), opts))).messageNl).toMatch(/alleen een volledige export/);
    expect((await fileError(readOneRosterBundle('x.zip', bundleWith({ 'demographics.csv': null }), opts))).messageNl).toBe('x.zip: de OneRoster-bundel mist demographics.csv');
    const users = readFileSync(join(SAMPLES, 'oneroster/users.csv'), 'utf8').replace('givenName', 'voornaam');
    expect((await fileError(readOneRosterBundle('x.zip', bundleWith({ 'users.csv': users }), opts))).messageNl).toMatch(/users.csv: de kolom "givenName" ontbreekt/);
  });

  it('rejects an enrollment in a class that does not exist and a guardian without e-mail, with line numbers', async () => {
    const enrollments = readFileSync(join(SAMPLES, 'oneroster/enrollments.csv'), 'utf8') + 'e-x,,2026-07-01T00:00:00.000Z,klas-9z,org-zonnewijde,ll-100001,student,false,,\n';
    const users = readFileSync(join(SAMPLES, 'oneroster/users.csv'), 'utf8').replace('wendy.hoekstra@voorbeeldmail.example', '');
    const r = await readOneRosterBundle('x.zip', bundleWith({ 'enrollments.csv': enrollments, 'users.csv': users }), opts);
    expect(r.rejected).toEqual([
      { file: 'enrollments.csv', line: 11, reason: 'klas klas-9z bestaat niet in classes.csv' },
      { file: 'users.csv', line: 6, reason: 'ouder/verzorger Wendy Hoekstra (regel 13) heeft geen e-mailadres' },
    ]);
  });
});

describe('Somtoday / Magister export', () => {
  it('reads the shipped Somtoday sample with gezag', async () => {
    const r = await readDelimitedExport('somtoday.csv', Buffer.from(somtoday()), TODAY);
    expect(r.format).toBe('SOMTODAY');
    expect(r.rejected).toEqual([]);
    expect(r.pupils[5]).toEqual(expect.objectContaining({ sourceId: '100006', firstName: 'Isa', lastName: 'van Leeuwen', dateOfBirth: '2012-12-17', className: '2A', mentor: { email: 'noor.yilmaz@zonnewijde.example' } }));
    expect(r.pupils[3].guardians.map((g) => g.hasParentalAuthority)).toEqual([true, false]);
  });

  it('maps Magister headers from the same table', async () => {
    const magister = somtoday()
      .replace('Leerlingnummer', 'Stamnr')
      .replace('Voorvoegsel', 'Tussenv')
      .replace('Geboortedatum', 'Geb.datum')
      .replace('Mentor e-mail', 'E-mail mentor')
      .replace(/Ouder\/verzorger (\d) naam/g, 'Naam verzorger $1')
      .replace(/Ouder\/verzorger (\d) e-mail/g, 'E-mail verzorger $1')
      .replace(/Ouder\/verzorger (\d) gezag/g, 'Gezag verzorger $1');
    const r = await readDelimitedExport('magister.csv', Buffer.from(magister), TODAY);
    expect(r.format).toBe('MAGISTER');
    expect(r.pupils).toHaveLength(6);
  });

  it('refuses a wrong delimiter, a wrong encoding and a renamed column', async () => {
    expect((await fileError(readDelimitedExport('s.csv', Buffer.from(somtoday().replace(/;/g, ',')), TODAY))).messageNl).toBe(
      's.csv gebruikt de komma als scheidingsteken; verwacht is de puntkomma (;)',
    );
    const latin1 = Buffer.from(somtoday().replace('Lieke', 'Liëke').slice(1), 'latin1');
    expect((await fileError(readDelimitedExport('s.csv', latin1, TODAY))).messageNl).toMatch(/^s.csv is niet opgeslagen als UTF-8 \(regel 2 /);
    expect((await fileError(readDelimitedExport('s.csv', Buffer.from(somtoday().replace('Geboortedatum', 'Geb. datum')), TODAY))).messageNl).toMatch(/de kolom "geboortedatum" ontbreekt/);
  });

  it('rejects duplicate pupil numbers, formula characters and a guardian without e-mail, each with its line', async () => {
    const lines = somtoday().split('\n');
    lines[2] = lines[2].replace('100002', '100001');
    lines[3] = lines[3].replace('Sem', '=HYPERLINK("x")');
    lines[5] = lines[5].replace('priya.bosman@voorbeeldmail.example', '');
    lines[6] = lines[6].replace('Isa', '@Isa');
    const r = await readDelimitedExport('s.csv', Buffer.from(lines.join('\n')), TODAY);
    expect(r.rejected).toEqual([
      { file: 's.csv', line: 2, reason: 'leerlingnummer 100001 staat ook op regel 3' },
      { file: 's.csv', line: 3, reason: 'leerlingnummer 100001 staat ook op regel 2' },
      { file: 's.csv', line: 4, reason: 'roepnaam "=HYPERLINK("x")" begint met een formuleteken (=, +, -, @); pas de naam aan in de administratie' },
      { file: 's.csv', line: 6, reason: 'ouder/verzorger 1 (Priya Bosman) heeft geen e-mailadres' },
      { file: 's.csv', line: 7, reason: 'roepnaam "@Isa" begint met een formuleteken (=, +, -, @); pas de naam aan in de administratie' },
    ]);
  });

  it('rejects a mentor that is not staff of the school (planned against the school data)', async () => {
    const r = await readDelimitedExport('s.csv', Buffer.from(somtoday()), TODAY);
    const { preview } = planImport(r, EMPTY_STATE);
    expect(preview.rejected).toHaveLength(6);
    expect(preview.rejected[0]).toEqual({ file: 's.csv', line: 2, reason: 'mentor sara.mulder@zonnewijde.example bestaat niet als medewerker van deze school; maak het account eerst aan of lees de OneRoster-bundel in' });
  });
});

describe('re-import plan', () => {
  it('shows exactly a mentor change, a leaver and a new pupil', async () => {
    const first = await readOneRosterBundle('x.zip', oneRoster(), opts);
    const staff = first.staff.map((s, i) => ({ id: `u${i}`, name: s.name, email: s.email, role: 'MENTOR', schoolId: 's1', sourceId: s.sourceId, active: true }));
    const idOf = (src: string) => staff.find((s) => s.sourceId === src)?.id ?? null;
    const guardians = first.pupils.flatMap((p) => p.guardians).map((g, i) => ({ id: `g${i}`, name: g.name, email: g.email, role: 'PARENT', schoolId: 's1', sourceId: g.sourceId, active: true }));
    const state: SchoolState = {
      schoolId: 's1',
      pupils: first.pupils.map((p, i) => ({ id: `p${i}`, sourceId: p.sourceId, firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth, className: p.className, mentorId: p.mentor && 'sourceId' in p.mentor ? idOf(p.mentor.sourceId) : null, left: false })),
      users: [...staff, ...guardians],
      links: first.pupils.flatMap((p, i) => p.guardians.map((g) => ({ pupilId: `p${i}`, userId: guardians.find((x) => x.email === g.email)?.id as string, relation: g.relation, hasParentalAuthority: true }))),
    };
    const lines = somtoday().split('\n');
    lines[1] = lines[1].replace(';1A;S. Mulder;sara.mulder@zonnewijde.example;', ';1B;P. Bakker;pieter.bakker@zonnewijde.example;');
    lines[4] = lines[4].replace('Henk Postma;henk.postma@voorbeeldmail.example;nee', 'Henk Postma;henk.postma@voorbeeldmail.example;ja');
    lines.splice(6, 1, '100007;Jesse;;Kuipers;05-05-2013;2A;N. Yilmaz;noor.yilmaz@zonnewijde.example;Rian Kuipers;rian.kuipers@voorbeeldmail.example;ja;;;');
    const next = await readDelimitedExport('s.csv', Buffer.from(lines.join('\n')), TODAY);
    const { preview, plan } = planImport(next, state);
    expect(preview.rejected).toEqual([]);
    expect(preview.pupils.added.map((p) => p.sourceId)).toEqual(['100007']);
    expect(preview.pupils.leavers.map((p) => p.sourceId)).toEqual(['100006']);
    expect(preview.pupils.changed).toEqual([
      { sourceId: '100001', name: 'Lieke Dijkstra', className: '1B', mentorName: 'Pieter Bakker', changes: [{ field: 'klas', from: '1A', to: '1B' }, { field: 'mentor', from: 'Sara Mulder', to: 'Pieter Bakker' }] },
    ]);
    expect(preview.pupils.unchanged).toBe(4);
    expect(plan.pupilUpdates.map((p) => [p.id, p.mentor])).toEqual([['p0', 'u1']]);
    expect(plan.pupilLeavers).toEqual(['p5']);
  });
});

describe('zip limits', () => {
  it('refuses a zip bomb: an entry that unpacks far beyond its size', async () => {
    // The limits scaled down 50× (the default ones: 50 MB per file, 100 MB together, a ratio of 200).
    const limits = { ...IMPORT_LIMITS, maxEntryBytes: 1024 * 1024, maxUnpackedBytes: 2 * 1024 * 1024 };
    const bomb = Buffer.from(zipSync({ 'users.csv': new Uint8Array(3 * 1024 * 1024) }, { level: 9 }));
    expect(bomb.length).toBeLessThan(20 * 1024);
    const e = await fileError(readZipEntries(bomb, ['users.csv'], limits));
    expect(e.code).toBe('ZIP_BOMB');
    expect(e.messageNl).toBe('Het zip-bestand is afgewezen: users.csv pakt uit tot 3 MB (ten hoogste 1 MB) (mogelijk een zip-bom)');
    // Two files under the per-file limit that together exceed the total, counted while unpacking.
    const two = Buffer.from(zipSync({ 'users.csv': new Uint8Array(900 * 1024).fill(65), 'orgs.csv': new Uint8Array(900 * 1024).fill(66), 'roles.csv': new Uint8Array(900 * 1024).fill(67) }));
    expect((await fileError(readZipEntries(two, ['users.csv', 'orgs.csv', 'roles.csv'], limits))).code).toBe('ZIP_BOMB');
  });

  it('refuses too many entries and a file that is not a zip', async () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 60; i++) many[`f${i}.csv`] = strToU8('a');
    expect((await fileError(readZipEntries(Buffer.from(zipSync(many)), ['users.csv']))).messageNl).toBe('Het zip-bestand is afgewezen: het bestand bevat 60 bestanden (ten hoogste 50) (mogelijk een zip-bom)');
    expect((await fileError(readZipEntries(Buffer.from('geen zip'), ['users.csv']))).code).toBe('NOT_A_ZIP');
  });
});

describe('an upload read from disk, streamed', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'school-import-spec-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const onDisk = (name: string, bytes: Buffer | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return { path };
  };

  it('reads the same records from a file as from memory', async () => {
    expect(await readOneRosterBundle('o.zip', onDisk('o.zip', oneRoster()), opts)).toEqual(await readOneRosterBundle('o.zip', oneRoster(), opts));
    expect(await readDelimitedExport('s.csv', onDisk('s.csv', somtoday()), TODAY)).toEqual(await readDelimitedExport('s.csv', Buffer.from(somtoday()), TODAY));
    const missing = await fileError(readOneRosterBundle('x.zip', onDisk('x.zip', bundleWith({ 'demographics.csv': null })), opts));
    expect(missing.messageNl).toBe('x.zip: de OneRoster-bundel mist demographics.csv');
  });

  it('names the line of a byte that is not UTF-8 far into a large file, and accepts a character split between two chunks', async () => {
    const [header, row] = somtoday().split('\n');
    const rows = Array.from({ length: 3000 }, (_, i) => row.replace('100001', String(200000 + i)));
    // Line 2,500 (the header is line 1) gets a Windows-1252 ë, well past the first 64 KiB chunk.
    const latin1 = Buffer.concat([Buffer.from([header, ...rows.slice(0, 2498)].join('\n') + '\n'), Buffer.from(`${rows[2498].replace('Lieke', 'Liëke')}\n`, 'latin1'), Buffer.from(rows.slice(2499).join('\n'))]);
    expect(latin1.length).toBeGreaterThan(4 * 64 * 1024);
    expect((await fileError(readDelimitedExport('groot.csv', onDisk('groot.csv', latin1), TODAY))).messageNl).toMatch(/^groot.csv is niet opgeslagen als UTF-8 \(regel 2500 /);
    // An ë (two bytes in UTF-8) exactly across the first chunk boundary (64 KiB) is read as one character.
    const text = `a;b\n${'x'.repeat(64 * 1024 - 6)};ë\n`;
    expect(Buffer.from(text).indexOf(Buffer.from('ë'))).toBe(64 * 1024 - 1);
    const table = await readCsv('t.csv', onDisk('t.csv', text), ';');
    expect(table.rows.map((r) => [r.line, r.cells.b])).toEqual([[2, 'ë']]);
  });

  it('keeps only the columns asked for', async () => {
    const table = await readCsv('t.csv', Buffer.from('a;b;c\n1;2;3\n'), ';', { keep: new Set(['a', 'c']) });
    expect(table.header).toEqual(['a', 'b', 'c']);
    expect(table.rows).toEqual([{ line: 2, cells: { a: '1', c: '3' } }]);
  });
});
