import { checkClassName, checkEmail, checkName, checkSourceId, parseBirthDate, parseGezag } from './field-checks';
import { ImportFileError } from './import-limits';
import type { ImportedGuardian, ImportedPupil, ImportedStaff, ImportRecords, RejectedRow } from './import-records';
import { readCsv, requireColumns, type CsvRow, type CsvTable, type ImportSource } from './read-csv';
import { forEachZipEntry } from './zip-bundle';

/**
 * OneRoster 1.2 CSV bundle (a zip; 1EdTech OneRoster 1.2 CSV binding). Read from it:
 * - manifest.csv: `oneroster.version` 1.2 (1.1 accepted) and every file used delivered in `bulk` (a delta is refused:
 *   leavers can only be known from a complete export);
 * - orgs.csv: the school, whose `identifier` is its BRIN + vestiging ("99ZZ00") or its BRIN;
 * - academicSessions.csv: the school year (`type` schoolYear) that contains today, else the latest;
 * - classes.csv: the homeroom classes (`classType` homeroom) of that school year and school: the mentor groups;
 * - enrollments.csv: pupils (`role` student) in a homeroom class, and its mentor: the teacher with `primary` true (else
 *   the first teacher);
 * - users.csv: pupils (identifier = leerlingnummer, else sourcedId), guardians through a pupil's `agentSourcedIds`,
 *   teachers; roles from roles.csv (1.2) or the users.csv `role` column (1.1);
 * - demographics.csv: the pupils' `birthDate`.
 * Gezag is not part of OneRoster: the extension column `metadata.zorgroute.gezag` of a guardian's users.csv row says it
 * (ja/nee; without it: ja). Rows with `status` tobedeleted and users with `enabledUser` false count as absent.
 */
export const ONEROSTER_FILES = ['manifest.csv', 'orgs.csv', 'users.csv', 'roles.csv', 'classes.csv', 'enrollments.csv', 'academicSessions.csv', 'demographics.csv'] as const;
const REQUIRED_FILES = ['manifest.csv', 'orgs.csv', 'users.csv', 'classes.csv', 'enrollments.csv', 'academicSessions.csv', 'demographics.csv'];
const GUARDIAN_ROLES: Record<string, string> = { guardian: 'verzorger', parent: 'ouder', relative: 'familie' };
const STAFF_ROLES = new Set(['teacher']);

const live = (r: CsvRow) => (r.cells.status ?? '').toLowerCase() !== 'tobedeleted';
const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export interface OneRosterOptions {
  /** The school the import is for: BRIN and vestiging; the bundle must contain it. */
  brin: string;
  vestiging: string;
  today: string;
}

/** The columns read from the bundle's files: every other column is dropped while reading (less memory for wide files). */
const USED_COLUMNS: ReadonlySet<string> = new Set([
  ...['sourcedId', 'status', 'propertyName', 'value', 'name', 'type', 'identifier', 'title', 'startDate', 'endDate', 'parentSourcedId'],
  ...['enabledUser', 'givenName', 'preferredGivenName', 'familyName', 'email', 'agentSourcedIds', 'role', 'metadata.zorgroute.gezag'],
  ...['classCode', 'classType', 'schoolSourcedId', 'termSourcedIds', 'classSourcedId', 'userSourcedId', 'primary', 'orgSourcedId', 'birthDate'],
]);

/**
 * Reads the bundle's files while they are unpacked (never a file or the zip whole in memory: the zip comes from memory
 * or from the upload on disk). A problem of one file is kept and reported in the order the files are checked below,
 * after a missing file, as when the files were read one after the other; a zip bomb stops the reading at once.
 */
async function readBundleTables(fileName: string, zip: ImportSource): Promise<{ has: (name: string) => boolean; read: (name: string, required: string[]) => CsvTable }> {
  const tables = new Map<string, CsvTable>();
  const problems = new Map<string, ImportFileError>();
  await forEachZipEntry(zip, ONEROSTER_FILES, async (name, stream) => {
    try {
      tables.set(name, await readCsv(name, stream, ',', { keep: USED_COLUMNS }));
    } catch (e) {
      if (!(e instanceof ImportFileError) || e.code === 'ZIP_BOMB') throw e;
      problems.set(name, e);
    }
  });
  const missing = REQUIRED_FILES.filter((f) => !tables.has(f) && !problems.has(f));
  if (missing.length) {
    throw new ImportFileError('MISSING_FILE', `${fileName}: de OneRoster-bundel mist ${missing.join(', ')}`, `${fileName}: the OneRoster bundle lacks ${missing.join(', ')}`);
  }
  return {
    has: (name) => tables.has(name) || problems.has(name),
    read: (name, required) => {
      const problem = problems.get(name);
      if (problem) throw problem;
      const t = tables.get(name) as CsvTable;
      requireColumns(t, required);
      return t;
    },
  };
}

export async function readOneRosterBundle(fileName: string, zip: ImportSource, opts: OneRosterOptions): Promise<ImportRecords> {
  const bundle = await readBundleTables(fileName, zip);
  const read = async (name: string, required: string[]): Promise<CsvTable> => bundle.read(name, required);
  const manifest = await read('manifest.csv', ['propertyName', 'value']);
  const props = new Map(manifest.rows.map((r) => [r.cells.propertyName, (r.cells.value ?? '').trim()]));
  const version = props.get('oneroster.version');
  if (version !== '1.2' && version !== '1.1') {
    throw new ImportFileError('MALFORMED', `manifest.csv: oneroster.version is "${version ?? ''}"; verwacht 1.2`, `manifest.csv: unsupported oneroster.version ${version}`);
  }
  for (const f of ['orgs', 'users', 'classes', 'enrollments', 'academicSessions', 'demographics']) {
    const mode = (props.get(`file.${f}`) ?? '').toLowerCase();
    if (mode !== 'bulk') {
      throw new ImportFileError(
        'MALFORMED',
        `manifest.csv: file.${f} is "${mode}"; alleen een volledige export (bulk) kan worden ingelezen, want alleen dan is te zien wie vertrekt`,
        `manifest.csv: file.${f} must be bulk`,
      );
    }
  }
  const orgs = await read('orgs.csv', ['sourcedId', 'name', 'type', 'identifier']);
  const users = await read('users.csv', ['sourcedId', 'enabledUser', 'givenName', 'familyName', 'identifier', 'email', 'agentSourcedIds']);
  const classes = await read('classes.csv', ['sourcedId', 'title', 'classCode', 'classType', 'schoolSourcedId', 'termSourcedIds']);
  const enrollments = await read('enrollments.csv', ['sourcedId', 'classSourcedId', 'userSourcedId', 'role', 'primary']);
  const sessions = await read('academicSessions.csv', ['sourcedId', 'title', 'type', 'startDate', 'endDate']);
  const demographics = await read('demographics.csv', ['sourcedId', 'birthDate']);
  const roles = bundle.has('roles.csv') ? await read('roles.csv', ['userSourcedId', 'role', 'orgSourcedId']) : null;
  if (!roles && !users.header.includes('role')) {
    throw new ImportFileError('MISSING_COLUMN', 'De bundel heeft geen roles.csv en users.csv geen kolom "role": niet te zien wie leerling, ouder of docent is', 'No roles.csv and no users.csv role column');
  }

  const brinFull = `${opts.brin}${opts.vestiging}`.toUpperCase();
  const school = orgs.rows.filter(live).find((r) => r.cells.type === 'school' && [brinFull, opts.brin.toUpperCase()].includes((r.cells.identifier ?? '').trim().toUpperCase()));
  if (!school) {
    throw new ImportFileError(
      'WRONG_SCHOOL',
      `orgs.csv bevat geen school met BRIN ${opts.brin} en vestiging ${opts.vestiging} (identifier ${brinFull}); is dit de export van een andere school?`,
      `orgs.csv has no school with identifier ${brinFull}`,
    );
  }
  const schoolId = school.cells.sourcedId;

  // The school year: the schoolYear session around today, else the latest one.
  const years = sessions.rows.filter((r) => live(r) && r.cells.type === 'schoolYear');
  const current = years.find((r) => r.cells.startDate <= opts.today && opts.today <= r.cells.endDate) ?? [...years].sort((a, b) => (a.cells.startDate < b.cells.startDate ? 1 : -1))[0];
  const termIds = new Set(current ? [current.cells.sourcedId, ...sessions.rows.filter((r) => r.cells.parentSourcedId === current.cells.sourcedId).map((r) => r.cells.sourcedId)] : []);

  const rejected: RejectedRow[] = [];
  const reject = (r: CsvRow, file: string, reason: string) => rejected.push({ file, line: r.line, reason });

  const roleOf = new Map<string, string>();
  if (roles) {
    for (const r of roles.rows.filter(live)) {
      // A guardian's role may be given at the district; a pupil's and a teacher's at this school.
      const role = r.cells.role.toLowerCase();
      if (r.cells.orgSourcedId === schoolId || GUARDIAN_ROLES[role]) roleOf.set(r.cells.userSourcedId, role);
    }
  } else {
    for (const r of users.rows) roleOf.set(r.cells.sourcedId, (r.cells.role ?? '').toLowerCase());
  }
  const userRows = new Map<string, CsvRow>();
  for (const r of users.rows) {
    if (!live(r) || (r.cells.enabledUser ?? '').toLowerCase() === 'false') continue;
    if (userRows.has(r.cells.sourcedId)) reject(r, 'users.csv', `sourcedId ${r.cells.sourcedId} staat ook op regel ${userRows.get(r.cells.sourcedId)?.line}`);
    else userRows.set(r.cells.sourcedId, r);
  }
  const birth = new Map(demographics.rows.filter(live).map((r) => [r.cells.sourcedId, r.cells.birthDate ?? '']));

  // Homeroom classes of this school and school year.
  const classById = new Map<string, CsvRow>();
  for (const r of classes.rows.filter(live)) {
    if ((r.cells.classType ?? '').toLowerCase() !== 'homeroom' || r.cells.schoolSourcedId !== schoolId) continue;
    const terms = list(r.cells.termSourcedIds);
    if (termIds.size && terms.length && !terms.some((t) => termIds.has(t))) continue;
    const problem = checkClassName(r.cells.classCode || r.cells.title);
    if (problem) reject(r, 'classes.csv', problem);
    else classById.set(r.cells.sourcedId, r);
  }
  const allClassIds = new Set(classes.rows.map((r) => r.cells.sourcedId));

  // Staff: teachers of this school.
  const staff: ImportedStaff[] = [];
  const staffIds = new Set<string>();
  for (const [id, r] of userRows) {
    if (!STAFF_ROLES.has(roleOf.get(id) ?? '')) continue;
    const name = `${r.cells.givenName} ${r.cells.familyName}`.trim();
    const email = (r.cells.email ?? '').trim().toLowerCase();
    const problems = [checkSourceId('sourcedId', id), checkName('voornaam', r.cells.givenName), checkName('achternaam', r.cells.familyName), checkEmail(`docent ${name.slice(0, 40)}`, email)].filter(Boolean);
    if (problems.length) reject(r, 'users.csv', problems.join('; '));
    else {
      staff.push({ sourceId: id, name, email, file: 'users.csv', line: r.line });
      staffIds.add(id);
    }
  }

  // Enrollments: the class of each pupil and the mentor of each class.
  const classOfPupil = new Map<string, string>();
  const mentorOfClass = new Map<string, { id: string; primary: boolean }>();
  for (const r of enrollments.rows.filter(live)) {
    const role = (r.cells.role ?? '').toLowerCase();
    if (!allClassIds.has(r.cells.classSourcedId)) {
      reject(r, 'enrollments.csv', `klas ${r.cells.classSourcedId} bestaat niet in classes.csv`);
      continue;
    }
    if (!classById.has(r.cells.classSourcedId)) continue;
    if (!userRows.has(r.cells.userSourcedId)) {
      reject(r, 'enrollments.csv', `gebruiker ${r.cells.userSourcedId} bestaat niet in users.csv`);
      continue;
    }
    if (role === 'student') {
      if (classOfPupil.has(r.cells.userSourcedId)) reject(r, 'enrollments.csv', `leerling ${r.cells.userSourcedId} staat in twee mentorgroepen`);
      else classOfPupil.set(r.cells.userSourcedId, r.cells.classSourcedId);
    } else if (role === 'teacher') {
      if (!staffIds.has(r.cells.userSourcedId)) {
        reject(r, 'enrollments.csv', `mentor ${r.cells.userSourcedId} is geen docent van deze school in users.csv`);
        continue;
      }
      const primary = (r.cells.primary ?? '').toLowerCase() === 'true';
      const existing = mentorOfClass.get(r.cells.classSourcedId);
      if (!existing || (primary && !existing.primary)) mentorOfClass.set(r.cells.classSourcedId, { id: r.cells.userSourcedId, primary });
    }
  }

  // Pupils.
  const pupils: ImportedPupil[] = [];
  const numberLines = new Map<string, number>();
  for (const [id, r] of userRows) {
    if (roleOf.get(id) !== 'student') continue;
    const reasons: string[] = [];
    const number = (r.cells.identifier || id).trim();
    const p = checkSourceId('leerlingnummer (identifier)', number);
    if (p) reasons.push(p);
    if (numberLines.has(number)) reasons.push(`leerlingnummer ${number} staat ook op regel ${numberLines.get(number)}`);
    else numberLines.set(number, r.line);
    for (const q of [checkName('voornaam', r.cells.preferredGivenName || r.cells.givenName), checkName('achternaam', r.cells.familyName)]) if (q) reasons.push(q);
    const b = parseBirthDate(birth.get(id) ?? '', opts.today);
    if ('reason' in b) reasons.push(`${b.reason} (demographics.csv)`);
    const classId = classOfPupil.get(id);
    const cls = classId ? classById.get(classId) : undefined;
    const mentor = classId ? mentorOfClass.get(classId) : undefined;
    const guardians: ImportedGuardian[] = [];
    for (const agentId of list(r.cells.agentSourcedIds)) {
      const a = userRows.get(agentId);
      const relation = GUARDIAN_ROLES[roleOf.get(agentId) ?? ''];
      if (!a || !relation) {
        reasons.push(`ouder/verzorger ${agentId} bestaat niet als ouder/verzorger in users.csv`);
        continue;
      }
      const name = `${a.cells.givenName} ${a.cells.familyName}`.trim();
      const email = (a.cells.email ?? '').trim().toLowerCase();
      const gezag = parseGezag(a.cells['metadata.zorgroute.gezag'] ?? '');
      for (const q of [checkSourceId('sourcedId van ouder/verzorger', agentId), checkName('naam van ouder/verzorger', a.cells.givenName), checkName('achternaam van ouder/verzorger', a.cells.familyName), checkEmail(`ouder/verzorger ${name.slice(0, 40)} (regel ${a.line})`, email)]) {
        if (q) reasons.push(q);
      }
      if (gezag === null) reasons.push(`metadata.zorgroute.gezag van ouder/verzorger ${agentId} is geen ja of nee`);
      guardians.push({ sourceId: agentId, name, email, relation, hasParentalAuthority: gezag ?? true });
    }
    if (reasons.length) {
      reject(r, 'users.csv', reasons.join('; '));
      continue;
    }
    pupils.push({
      sourceId: number,
      firstName: r.cells.preferredGivenName || r.cells.givenName,
      lastName: r.cells.familyName,
      dateOfBirth: (b as { date: string }).date,
      className: cls ? cls.cells.classCode || cls.cells.title : null,
      mentor: mentor ? { sourceId: mentor.id } : null,
      guardians,
      file: 'users.csv',
      line: r.line,
    });
  }
  return { format: 'ONEROSTER', staff, pupils, rejected: rejected.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line) };
}
