// A OneRoster 1.2 CSV bundle of invented people for the import benchmark: `pupils` pupils in classes of about 27, each
// class with a mentor (teacher enrolment), `staff` staff in all, and guardians (two for every other pupil, else one,
// so 2,000 pupils have 3,000 guardians). The files and columns are those of docs/samples/import/oneroster.
import { Buffer } from 'node:buffer';
import { strToU8, zipSync } from 'fflate';

const STAMP = '2026-07-01T00:00:00.000Z';
const FIRST = ['Lieke', 'Mees', 'Sem', 'Fenna', 'Ravi', 'Isa', 'Daan', 'Noor', 'Jesse', 'Zoë', 'Milan', 'Evi'];
const LAST = ['Dijkstra', 'Hoekstra', 'Visser', 'Postma', 'Bosman', 'van Leeuwen', 'Mulder', 'Smit', 'Kramer', 'Bakker'];
const MANIFEST_FILES = ['academicSessions', 'classes', 'demographics', 'enrollments', 'orgs', 'roles', 'users'];
const ABSENT = ['categories', 'classResources', 'courses', 'courseResources', 'lineItemLearningObjectiveIds', 'lineItems', 'lineItemScoreScales', 'resources', 'results', 'scoreScales', 'userProfiles', 'userResources'];
const USER_COLUMNS =
  'sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns,metadata.zorgroute.gezag';

const csv = (header, rows) => strToU8(`${header}\n${rows.map((r) => r.join(',')).join('\n')}\n`);
const user = (u) => [u.id, '', STAMP, 'true', u.username ?? '', '', u.given, u.family, '', u.identifier ?? '', u.email ?? '', '', '', u.agents ? `"${u.agents}"` : '', u.grade ?? '', '', '', '', '', '', '', u.org ?? '', '', u.gezag ?? ''];

/** @param {{ brin: string, vestiging: string, pupils: number, staff: number, stamp?: string }} o */
export function oneRosterBundle(o) {
  const org = 'org-bench';
  const identifier = `${o.brin}${o.vestiging}`;
  const classCount = Math.ceil(o.pupils / 27);
  const users = [];
  const roles = [];
  const enrollments = [];
  const demographics = [];
  const classes = [];
  for (let s = 1; s <= o.staff; s++) {
    const id = `doc-${s}`;
    users.push(user({ id, username: `doc${s}`, given: FIRST[s % FIRST.length], family: `Docent${s}`, identifier: `D${s}`, email: `docent${s}.${o.stamp ?? 'x'}@bench-school.example`, org }));
    roles.push([`r-${id}`, '', STAMP, id, 'primary', 'teacher', '', '', org, '']);
  }
  for (let c = 1; c <= classCount; c++) {
    const code = `${1 + ((c - 1) % 6)}${String.fromCharCode(65 + Math.floor((c - 1) / 6))}`;
    classes.push([`klas-${c}`, '', STAMP, `Mentorgroep ${code}`, '07', '', code, 'homeroom', '', org, 'sy-bench', '', '', '']);
    enrollments.push([`e-${c}-doc`, '', STAMP, `klas-${c}`, org, `doc-${1 + ((c - 1) % o.staff)}`, 'teacher', 'true', '2026-08-01', '2027-07-31']);
  }
  let guardian = 0;
  for (let p = 1; p <= o.pupils; p++) {
    const id = `ll-${p}`;
    const family = `${LAST[p % LAST.length]}-${p}`;
    const agents = [];
    for (let g = 0; g < (p % 2 === 0 ? 2 : 1); g++) {
      const gid = `ou-${++guardian}`;
      agents.push(gid);
      users.push(user({ id: gid, given: g === 0 ? 'Anke' : 'Gerrit', family, email: `ouder${guardian}.${o.stamp ?? 'x'}@voorbeeldmail.example`, gezag: 'ja' }));
      roles.push([`r-${gid}`, '', STAMP, gid, 'primary', 'parent', '', '', org, '']);
    }
    users.push(user({ id, username: String(100000 + p), given: FIRST[p % FIRST.length], family, identifier: String(100000 + p), agents: agents.join(','), grade: '07', org }));
    roles.push([`r-${id}`, '', STAMP, id, 'primary', 'student', '', '', org, '']);
    demographics.push([id, '', STAMP, `2013-${String(1 + (p % 12)).padStart(2, '0')}-${String(1 + (p % 28)).padStart(2, '0')}`, p % 2 ? 'female' : 'male', '', '', '', '', '', '', '', '', '', '', '']);
    const c = 1 + ((p - 1) % classCount);
    enrollments.push([`e-${c}-${p}`, '', STAMP, `klas-${c}`, org, id, 'student', 'false', '2026-08-01', '2027-07-31']);
  }
  const manifest = [['manifest.version', '1.0'], ['oneroster.version', '1.2'], ...MANIFEST_FILES.map((f) => [`file.${f}`, 'bulk']), ...ABSENT.map((f) => [`file.${f}`, 'absent']), ['source.systemName', 'Zorgroute-benchmark (verzonnen gegevens)'], ['source.systemCode', 'bench']];
  return {
    guardians: guardian,
    zip: Buffer.from(
      zipSync({
        'manifest.csv': csv('propertyName,value', manifest),
        'orgs.csv': csv('sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId', [['org-bestuur', '', STAMP, 'Stichting Benchmark', 'district', '', ''], [org, '', STAMP, 'Benchmarkcollege', 'school', identifier, 'org-bestuur']]),
        'academicSessions.csv': csv('sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear', [['sy-bench', '', STAMP, 'Schooljaar 2026-2027', 'schoolYear', '2026-08-01', '2027-07-31', '', '2027']]),
        'classes.csv': csv('sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods', classes),
        'users.csv': csv(USER_COLUMNS, users),
        'roles.csv': csv('sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId', roles),
        'enrollments.csv': csv('sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate', enrollments),
        'demographics.csv': csv(
          'sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus',
          demographics,
        ),
      }),
    ),
  };
}
