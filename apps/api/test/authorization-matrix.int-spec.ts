/**
 * Authorization matrix on the real stack (Temporal dev server, PostgreSQL, a real worker on its own
 * task queue): every role × every GraphQL query and mutation, read from the schema by introspection.
 * An operation missing from MATRIX fails the test, so a new operation cannot ship without a rule.
 *
 * Each call targets objects inside the caller's "home" scope (Daltoncollege, a pupil made fresh for the run,
 * his cases). Expectations:
 * - ALLOWED: the answer is not UNAUTHENTICATED / FORBIDDEN / NOT_FOUND / BAD_USER_INPUT (a step that
 *   is not open now, STEP_NOT_ALLOWED, still proves the caller got through the access checks);
 * - REFUSED: FORBIDDEN or NOT_FOUND (NOT_FOUND: the object is invisible to the caller);
 * - ROWS: allowed, and every returned row is inside the caller's scope (row-level scoping).
 * Arguments are generated from the schema (valid values per type and field name, overridable per
 * operation), so a refused caller is refused for who he is, not for bad input.
 *
 * Further: cross-scope probes (a parent asking for another child's case, a mentor for another
 * mentor's pupil, another school, the SWV asking for IZO internals), one api audit entry for every
 * successful mutation, a detected tampering, and a bad-input probe for every mutation (BAD_USER_INPUT,
 * nothing written).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { CaseDocumentRepository, ConsentRecordRepository, createDataSource, migrateFromEnv, UserEntity } from '@zorgroute/domain';
import { addCalendarDays, addSchoolDays, schoolYearBounds, schoolYearOf, toIsoDate } from '@zorgroute/domain/logic';
import { allConsentTimeoutSteps, STEP_CATALOGUE, type ProcessKey, type Who } from '@zorgroute/processes';
import { ZORGROUTE_REASONS } from '@zorgroute/workflows';
import { createWorker, type RunningWorker } from '../../worker/src/create-worker';
import { workerConfigFromEnv } from '../../worker/src/worker.config';
import { AuthService } from '../src/auth/auth.service';
import { LoginRateLimiter } from '../src/security/login-rate-limiter';
import { appConfigFromEnv } from '../src/config/app.config';
import { createApp } from '../src/create-app';
import { seedDemo } from '../src/seed/seed-demo';
import { eventually, GraphQLTestClient, type GqlResult } from './graphql-client';
import { bornYearsAgo } from './ages';
import { holidayFileDigest, Role, SchoolDayOffRepository, SchoolEntity, SchoolImportRepository, SwvEntity } from '@zorgroute/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_ACCEPT_WAIT_MS } from '../src/school-calendar/usecases/use-calendar-on-running-cases.usecase';

/** The ministry's school holiday file of 2028-2029 (the published dates; importing it again changes nothing). */
const HOLIDAY_SAMPLE = readFileSync(join(__dirname, '../../../docs/samples/holidays/schoolvakanties-2028-2029.json'), 'utf8');

const taskQueue = `authz-${Date.now()}`;
const run = `m${Date.now().toString(36)}`;
let app: INestApplication;
let worker: RunningWorker;
let url: string;
let ds: DataSource;
const testStart = new Date();

type RoleKey = 'ZORGCOORDINATOR' | 'TEAMLEIDER' | 'MENTOR' | 'COACH' | 'JOS_MEDEWERKER' | 'PARENT' | 'PUPIL' | 'SWV_MEDEWERKER' | 'ADMIN' | 'SCHOOL_ADMIN';
/**
 * The caller per role. The pupil and his parent are made fresh per run (beforeAll), so every case is new; so is
 * Daltoncollege's school admin (applicatiebeheerder; the demo seed has none).
 */
const ROLE_EMAIL: Record<RoleKey, string> = {
  ZORGCOORDINATOR: 'zc@daltoncollege.example',
  TEAMLEIDER: 'teamleider@daltoncollege.example',
  MENTOR: 'mentor@daltoncollege.example',
  COACH: 'coach@daltoncollege.example',
  JOS_MEDEWERKER: 'jos@daltoncollege.example',
  PARENT: `ouder.${run}@voorbeeldmail.example`,
  PUPIL: `${run}@leerling.daltoncollege.example`,
  SWV_MEDEWERKER: 'loket@swv-voorbeeldregio.example',
  ADMIN: 'beheer@zorgroute.example',
  // Last: the index of a role picks its day off and meeting date (addSchoolDayOff, planMeeting), the others keep theirs.
  SCHOOL_ADMIN: `schoolbeheer.${run}@daltoncollege.example`,
};
const ROLES = Object.keys(ROLE_EMAIL) as RoleKey[];
const ALL: RoleKey[] = ROLES;
const STAFF_SCHOOL: RoleKey[] = ['ZORGCOORDINATOR', 'ADMIN'];
/** Staff who see cases: they use work lists (parents and pupils do not). */
const WORK_LIST_ROLES: RoleKey[] = ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'JOS_MEDEWERKER', 'SWV_MEDEWERKER', 'ADMIN'];
/** Who reads a school's meetings with the pupils on them (issue 17.8); planning them is STAFF_SCHOOL. */
const MEETING_READERS: RoleKey[] = ['ZORGCOORDINATOR', 'TEAMLEIDER', 'ADMIN'];

/** What the test knows about the home scope (filled in beforeAll). */
interface Ctx {
  users: Record<string, string>;
  pupils: Record<string, { id: string; schoolId: string }>;
  dalton: string;
  baken: string;
  p1Case: string;
  p3Case: string;
  bakenCase: string;
  zorgrouteCase: string;
  scanDocumentId: string;
  josCase: string;
  zorgplichtCase: string;
  dayOffIds: string[];
  consentRequestId: string;
  deliveryKey: string;
  oovCase: string;
  overdrachtCase: string;
  oppCase: string;
  tlvCase: string;
  swvId: string;
  /** Meetings of Daltoncollege: [0] an IZO, [1] and [2] ZATs to cancel, [3] a Flex-ZAT already held (minutes). */
  meetingIds: string[];
  /** A free future school day per role (planMeeting). */
  meetingDates: string[];
}
let ctx: Ctx;

type Expect = 'ALLOWED' | 'REFUSED' | 'ROWS';
interface Rule {
  /** Roles allowed; every other role is refused. */
  allow: RoleKey[];
  /** Roles whose answer is checked row by row (allowed, scoped). */
  rows?: RoleKey[];
  /** Which case an operation with a caseId/id argument targets. */
  target?: (c: Ctx) => string;
  /** Argument overrides (merged over the generated arguments). */
  args?: (c: Ctx, role: RoleKey) => Record<string, unknown>;
  /** The field selection of the answer (default: the first scalar fields). */
  select?: string;
  /** Runs before each role's call (e.g. puts the read model in the state the rule needs). */
  before?: (c: Ctx, role: RoleKey) => Promise<void>;
  /** The operation ends the caller's session (logout): it runs with a fresh login, not the shared token. */
  endsSession?: boolean;
  /** How long the answer may take (default 15 s). */
  timeoutMs?: number;
}

/** A well-formed invitation token no invitation has. */
const UNKNOWN_INVITATION = 'A'.repeat(43);
const P1 = (c: Ctx) => c.p1Case;
const P2 = (c: Ctx) => c.zorgrouteCase;
const P3 = (c: Ctx) => c.josCase;
const P4 = (c: Ctx) => c.zorgplichtCase;
const P1_COORD: Rule = { allow: STAFF_SCHOOL, target: P1 };
const P1_STEP: Rule = { allow: ['ZORGCOORDINATOR', 'COACH', 'ADMIN'], target: P1 };
const P2_COORD: Rule = { allow: STAFF_SCHOOL, target: P2 };
const P3_COORD: Rule = { allow: STAFF_SCHOOL, target: P3 };
const P3_WORKER: Rule = { allow: ['ZORGCOORDINATOR', 'JOS_MEDEWERKER', 'ADMIN'], target: P3 };
const P4_COORD: Rule = { allow: STAFF_SCHOOL, target: P4 };
const P5 = (c: Ctx) => c.oovCase;
const P6 = (c: Ctx) => c.overdrachtCase;
const P5_COORD: Rule = { allow: STAFF_SCHOOL, target: P5 };
/** OOV intake and evaluations: the leerlingbegeleider (the coach named at the start) and the zorgcoördinator. */
const P5_PLACEMENT: Rule = { allow: ['ZORGCOORDINATOR', 'COACH', 'ADMIN'], target: P5 };
/** The secondary school's side of the handover: zorgcoördinator, the teamleider named brugklascoördinator, admin. */
const P6_SCHOOL: Rule = { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'ADMIN'], target: P6 };
const P7 = (c: Ctx) => c.oppCase;
/** The OPP's authors: the zorgcoördinator and the mentor who takes part (the pupil's mentor joins at the start). */
const P7_AUTHORS: Rule = { allow: ['ZORGCOORDINATOR', 'MENTOR', 'ADMIN'], target: P7 };
/** The mentor named at the placement (set in the read model before the call: the fixture does not run to the placement). */
const mentorPlaced = async (c: Ctx): Promise<void> => {
  await ds.query(`UPDATE case_summary SET data = data || jsonb_build_object('mentorId', $2::text) WHERE id = $1`, [c.overdrachtCase, c.users[ROLE_EMAIL.MENTOR]]);
};
/** A regional PO→VO calendar of the current school year (P6 needs one to start). */
function overdrachtCalendar(): Record<string, unknown> {
  const schoolYear = schoolYearOf(today());
  const start = schoolYearBounds(schoolYear).from;
  return {
    schoolYear,
    schooladviesBy: addCalendarDays(start, -40),
    aanmeldweek: { from: addCalendarDays(start, -30), to: addCalendarDays(start, -26) },
    osoDeadline: addCalendarDays(start, -1),
    warmeOverdracht: { from: addCalendarDays(start, -20), to: addCalendarDays(today(), 30) },
    startSchoolYear: start,
  };
}

/**
 * The matrix. Home scope per role: zorgcoördinator and teamleider of Daltoncollege, Daan's mentor,
 * the coach of Daan's trajectory, the JOS worker of Daan's JOS case, Daan's parent, Daan himself,
 * the SWV employee of Daltoncollege's SWV, the platform admin, Daltoncollege's school admin. ("Daan" = the fresh pupil of the run.)
 *
 * The school admin (applicatiebeheerder, SCHOOL_ADMIN) runs his school's administration, not its care: its staff accounts,
 * the import of its data and handing the open steps of a leaver to someone else (docs/security.md). He sees no pupil and
 * no case (AccessPolicy: `cases`, `pupils` and `searchPupils` answer him no rows, a case or pupil is NOT_FOUND), takes no
 * step, and does not run the school's care settings: its policy, days off and meetings are the zorgcoördinator's (they
 * move the statutory terms of running cases and put pupils on agendas), the stuck-case actions are on a case's content.
 */
const MATRIX: Record<string, Rule> = {
  // --- queries ---
  me: { allow: ALL },
  demoUsers: { allow: ALL },
  authOptions: { allow: ALL },
  cases: { allow: ALL, rows: ALL, select: 'id process schoolId: school { id } pupil { id }' },
  pupils: { allow: ALL, rows: ALL, select: 'id schoolId' },
  // Issue 17.7: the pupil search (AccessPolicy.scopePupils: the SWV finds nobody) and the pupil page (NOT_FOUND out of scope).
  searchPupils: { allow: ALL, rows: ALL, args: () => ({ query: 'matrix', limit: 20 }), select: 'id schoolId' },
  pupil: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'JOS_MEDEWERKER', 'PARENT', 'PUPIL', 'ADMIN'], args: (c) => ({ id: c.pupils.p1.id }), select: 'pupil { id } cases { id } consents { id } documents { id } history { id }' },
  // Schools of the caller's SWV (names only; the order of preference at an application): staff, the SWV, admin. The
  // school admin too: the names and regions of his SWV's schools are public, no personal data (his screens do not ask).
  regionSchools: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'JOS_MEDEWERKER', 'SWV_MEDEWERKER', 'ADMIN', 'SCHOOL_ADMIN'], select: 'id name' },
  // The staff directory (owner pickers): school staff of the school, the SWV of its member schools, admin; not parents or
  // pupils. The school admin reads his school's: he picks the new owner of a leaver's open steps (reassignOpenSteps).
  staffMembers: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'JOS_MEDEWERKER', 'SWV_MEDEWERKER', 'ADMIN', 'SCHOOL_ADMIN'], args: (c) => ({ schoolId: c.dalton }), select: 'id schoolId' },
  case: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'PARENT', 'PUPIL', 'ADMIN'], target: P1, select: 'summary { id }' },
  josCase: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'JOS_MEDEWERKER', 'PARENT', 'PUPIL', 'ADMIN'], target: P3 },
  // The application and its clock: the school's zorgcoördinator and the SWV (parents get the letters).
  zorgplichtCase: { allow: ['ZORGCOORDINATOR', 'SWV_MEDEWERKER', 'ADMIN'], target: P4 },
  // Documents: the school's document staff all; the parents letters and uploads shared with them; the pupil and the SWV
  // uploads shared with them (so they may list, and get only those).
  caseDocuments: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'PARENT', 'PUPIL', 'SWV_MEDEWERKER', 'ADMIN'], target: P4 },
  // The case logboek: everyone who sees the case reads the notes shared with him; the school's staff write.
  caseNotes: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'PARENT', 'PUPIL', 'ADMIN'], target: P1 },
  addCaseNote: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'ADMIN'], target: P1, args: (c) => ({ input: { caseId: c.p1Case, notedOn: today(), text: 'Matrixtest notitie', audiences: [] } }) },
  // The letters of the caller's own cases (the parent portal): anyone may ask; roles without letters get none.
  myLetters: { allow: ALL, select: 'pupilId document { id caseId }' },
  uploadDocumentKinds: { allow: ALL, select: 'kind label' },
  zorgplichtClocks: { allow: ['ZORGCOORDINATOR', 'SWV_MEDEWERKER', 'ADMIN'] },
  zorgplichtClocksCsv: { allow: ['ZORGCOORDINATOR', 'SWV_MEDEWERKER', 'ADMIN'] },
  // The TLV section of the SWV board: the same callers as the zorgplicht clocks.
  tlvBoard: { allow: ['ZORGCOORDINATOR', 'SWV_MEDEWERKER', 'ADMIN'], select: 'today requests { caseId } expiring { caseId }' },
  // School settings (no personal data): see policies/school-settings.access.ts.
  effectivePolicy: { allow: ['ZORGCOORDINATOR', 'SWV_MEDEWERKER', 'ADMIN'], args: (c) => ({ schoolId: c.dalton }) },
  policyVersions: { allow: ['ZORGCOORDINATOR', 'SWV_MEDEWERKER', 'ADMIN'], args: (c) => ({ scope: 'SCHOOL', scopeId: c.dalton }) },
  schoolDaysOff: { allow: ['ZORGCOORDINATOR', 'ADMIN'], args: (c) => ({ schoolId: c.dalton }) },
  schoolCalendar: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'JOS_MEDEWERKER', 'SWV_MEDEWERKER', 'ADMIN'], args: (c) => ({ schoolId: c.dalton, schoolYear: '2026-2027' }) },
  // The runway of the bundled holiday data (no personal data): the dashboard banner of the admin and the zorgcoördinator.
  calendarCoverage: { allow: STAFF_SCHOOL, select: 'coveredUntil missingSchoolYears warning' },
  // The regional holiday data (issue 13 item 6): platform admins import; the affected cases as every case list.
  holidayDataYears: { allow: STAFF_SCHOOL, select: 'schoolYear source' },
  schoolHolidayImportPreview: { allow: ['ADMIN'], args: () => ({ content: HOLIDAY_SAMPLE }), select: 'fileDigest' },
  importSchoolHolidays: { allow: ['ADMIN'], args: () => ({ content: HOLIDAY_SAMPLE, fileDigest: holidayFileDigest(HOLIDAY_SAMPLE) }), select: 'schoolYears' },
  casesWithoutHolidayData: { allow: STAFF_SCHOOL, select: 'caseId' },
  explainDueDate: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'JOS_MEDEWERKER', 'SWV_MEDEWERKER', 'ADMIN'], args: (c) => ({ schoolId: c.dalton, schoolDays: 5 }) },
  notificationPreference: { allow: ALL },
  calendarFeed: { allow: ALL },
  myConsentRequests: { allow: ALL },
  // Admin stuck-case handling.
  // Admin stuck-case handling; the zorgcoördinator acts on the own school's cases, closing is admin-only.
  stuckCases: { allow: STAFF_SCHOOL },
  adminCloseCase: { allow: ['ADMIN'], target: P1 },
  adminExtendDueDate: { allow: STAFF_SCHOOL, target: P1, args: () => ({ input: { newDueDate: '2027-01-15', reason: 'Matrixtest reden' } }) },
  adminReassignStep: { allow: STAFF_SCHOOL, target: P1, args: (c) => ({ input: { newOwnerId: c.users['coach2@daltoncollege.example'], reason: 'Matrixtest reden' } }) },
  adminResendNotification: { allow: STAFF_SCHOOL, target: P1, args: (c) => ({ input: { deliveryKey: c.deliveryKey, reason: 'Matrixtest reden', force: true } }) },
  caseAudit: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'ADMIN'], target: P1 },
  // Bulk reassignment of open steps (issue 17): the admin, the school's zorgcoördinator and its school admin (the open
  // steps of a leaver, from his school's page: issue 13 item 3); each case through the single reassignment's checks, the
  // outcome per case (the school admin learns no more of a case than whether it moved).
  reassignOpenSteps: { allow: [...STAFF_SCHOOL, 'SCHOOL_ADMIN'], args: (c) => ({ input: { caseIds: [c.p1Case], newOwnerId: c.users['coach2@daltoncollege.example'], reason: 'Matrixtest reden' } }), select: 'reassigned failed' },
  // Work lists (issue 17): every staff member who sees cases, over his own scope; the saved lists are the caller's own.
  workLists: { allow: WORK_LIST_ROLES, select: 'id count' },
  workListItems: { allow: WORK_LIST_ROLES, args: () => ({ filter: { overdue: true } }), select: 'ownerUnavailable case { id }' },
  saveWorkList: { allow: WORK_LIST_ROLES, args: () => ({ input: { name: `Matrix ${run}`, filter: { stuck: true } } }), select: 'id' },
  deleteWorkList: { allow: WORK_LIST_ROLES, args: () => ({ id: '00000000-0000-4000-8000-000000000000' }) },
  verifyAuditChain: { allow: ['ADMIN'] },
  // --- mutations ---
  devLogin: { allow: ALL, args: (_c, role) => ({ email: ROLE_EMAIL[role] }), select: 'token' },
  logout: { allow: ALL, endsSession: true, select: 'ok' },
  // OpenID Connect is not configured in this run: FORBIDDEN for everyone, like devLogin when it is off. The exchange
  // itself (one-time code, binding cookie) is tested in oidc-login.int-spec.ts.
  completeOidcLogin: { allow: [], args: () => ({ code: 'x'.repeat(43) }), select: 'user { id }' },
  // IMMEDIATE (the default): a digest preference would hold back other suites' e-mails on a shared database. Every staff
  // account chooses (the school admin too: it is his own mail, whatever comes).
  setNotificationPreference: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'JOS_MEDEWERKER', 'SWV_MEDEWERKER', 'ADMIN', 'SCHOOL_ADMIN'], args: () => ({ input: { mode: 'IMMEDIATE' } }) },
  // Parents have tasks (consent requests) in their feed; a pupil has none. Revoking is harmless for anyone. A staff feed
  // holds the steps the caller owns, through the case scope: the school admin's stays empty (he owns no step).
  regenerateCalendarFeed: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'JOS_MEDEWERKER', 'PARENT', 'SWV_MEDEWERKER', 'ADMIN', 'SCHOOL_ADMIN'] },
  revokeCalendarFeed: { allow: ALL },
  publishPolicyVersion: { allow: STAFF_SCHOOL, args: (c) => ({ input: { scope: 'SCHOOL', scopeId: c.dalton, overrides: '{}', note: 'matrix' } }) },
  // A June day of the current school year (days off are accepted for the current school year ± 2).
  addSchoolDayOff: {
    allow: STAFF_SCHOOL,
    args: (c, role) => {
      const june = `${schoolYearBounds(schoolYearOf(today())).to.slice(0, 4)}-06-1${ROLES.indexOf(role)}`;
      return { input: { schoolId: c.dalton, from: june, to: june, name: 'Matrix studiedag', schoolYear: schoolYearOf(today()) } };
    },
  },
  meetings: { allow: MEETING_READERS, args: (c) => ({ schoolId: c.dalton, schoolYear: schoolYearOf(today()) }), select: 'zatCheck { count } meetings { id }' },
  meeting: { allow: MEETING_READERS, args: (c) => ({ id: c.meetingIds[0] }), select: 'meeting { id } cases { caseId }' },
  planMeeting: { allow: STAFF_SCHOOL, args: (c, role) => ({ input: { schoolId: c.dalton, kind: 'FLEX_ZAT', date: c.meetingDates[ROLES.indexOf(role)], location: 'Matrix' } }), select: 'id' },
  updateMeeting: { allow: STAFF_SCHOOL, args: (c) => ({ input: { id: c.meetingIds[0], date: c.meetingDates[c.meetingDates.length - 1], time: '14:30', location: 'Matrix' } }), select: 'id' },
  cancelMeeting: { allow: STAFF_SCHOOL, args: (c, role) => ({ input: { id: role === 'ADMIN' ? c.meetingIds[2] : c.meetingIds[1], reason: 'Matrixtest' } }), select: 'id' },
  // The step itself is the workflow's to allow (STEP_NOT_ALLOWED: the matrix's P2 case waits for no IZO).
  putCaseOnMeeting: { allow: STAFF_SCHOOL, args: (c) => ({ input: { meetingId: c.meetingIds[0], caseId: c.zorgrouteCase } }), select: 'meeting { id }' },
  sendMeetingAgenda: { allow: STAFF_SCHOOL, args: (c) => ({ input: { meetingId: c.meetingIds[0] } }), select: 'status' },
  recordMeetingMinutes: { allow: STAFF_SCHOOL, args: (c) => ({ input: { meetingId: c.meetingIds[3], minutes: 'Matrixtest verslag' } }), select: 'meeting { id }' },
  // Sends the school's calendar to its running cases (each answers through its workflow; failures are listed). Among
  // them are the cases of specs that ran just before this one: a worker that stopped less than LIVE_POLL_WINDOW_MS ago
  // still counts as running, and each of its cases is given up only after CASE_ACCEPT_WAIT_MS (8 at a time).
  applySchoolCalendarToRunningCases: {
    allow: STAFF_SCHOOL,
    args: (c) => ({ schoolId: c.dalton }),
    select: 'updated unchanged dueDatesMoved failed { caseId code }',
    timeoutMs: 3 * CASE_ACCEPT_WAIT_MS,
  },
  lastRunningCasesCalendarRun: { allow: STAFF_SCHOOL, args: (c) => ({ schoolId: c.dalton }), select: 'at reason' },
  removeSchoolDayOff: { allow: STAFF_SCHOOL, args: (c, role) => ({ id: role === 'ADMIN' ? c.dayOffIds[1] : c.dayOffIds[0] }) },
  startTrajectory: { allow: STAFF_SCHOOL, args: (c, role) => ({ input: { pupilId: c.pupils.p1.id, reason: 'Matrixtest aanmelding', requestKey: `${run}-${role}` } }) },
  recordIntake: P1_COORD,
  assignCoach: { ...P1_COORD, args: (c) => ({ input: { coachId: c.users['coach2@daltoncollege.example'], sessionSlot: 'dinsdag 10:15', reason: 'matrix' } }) },
  logSession: P1_STEP,
  recordMidEvaluation: P1_STEP,
  recordOutcome: { ...P1_STEP, args: () => ({ input: { outcome: 'AFGEROND' } }) },
  stopTrajectory: P1_COORD,
  // Any step from the catalogue: here P1's stop, with the same rule as its typed mutation.
  takeStep: { ...P1_COORD, args: () => ({ step: 'STOP_TRAJECTORY', input: { reason: 'matrix' } }) },
  startZorgroute: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'ADMIN'], args: (c, role) => ({ input: { pupilId: c.pupils.p1.id, source: 'DIRECT', requestKey: `${run}-${role}` } }) },
  saveZorgrouteReferral: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'ADMIN'], target: P2, args: () => ({ input: { problem: 'Matrixtest' } }) },
  submitZorgrouteReferral: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'ADMIN'], target: P2 },
  triageZorgroute: { ...P2_COORD, args: () => ({ input: { outcome: 'TERUG_NAAR_AANMELDER', secondLine: true, questionsClear: false, firstLineDone: true, parentsAndPupilKnow: true, missingInformation: 'matrix' } }) },
  recordZorgrouteBilateral: P2_COORD,
  recordVoorgesprek: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'ADMIN'], target: P2 },
  rescheduleIzo: P2_COORD,
  recordIzoDiscussion: { ...P2_COORD, args: () => ({ input: { minutes: { summary: 'Matrixtest' }, decisions: [{ kind: 'INTERNE_ONDERSTEUNING', description: 'Matrixtest' }] } }) },
  confirmIzoMinutesSent: P2_COORD,
  recordNagesprek: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'ADMIN'], target: P2 },
  recordIzoEvaluation: { ...P2_COORD, args: () => ({ input: { outcome: 'VOORTZETTEN', summary: 'Matrixtest' } }) },
  submitZatReferral: P2_COORD,
  planZat: P2_COORD,
  confirmZatAgendaSent: P2_COORD,
  recordZatDiscussion: { ...P2_COORD, args: () => ({ input: { actions: [{ who: 'Zorgcoördinator', what: 'Matrixtest', goal: 'Matrixtest', due: today() }] } }) },
  recordZatFeedback: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'ADMIN'], target: P2 },
  recordZatEvaluation: { ...P2_COORD, args: () => ({ input: { outcome: 'VOORTZETTEN', summary: 'Matrixtest' } }) },
  closeZorgroute: P2_COORD,
  // The zorgcoördinator lifts the safety exception (this case has none: STEP_NOT_ALLOWED proves the access checks passed).
  liftParentsException: P2_COORD,
  startJos: { allow: STAFF_SCHOOL, args: (c, role) => ({ input: { pupilId: c.pupils.p1.id, decisionDate: today(), needs: ['PLANNEN_HUISWERK'], josWorkerId: c.users['jos@daltoncollege.example'], requestKey: `${run}-${role}` } }) },
  submitJosForm: { allow: ['ZORGCOORDINATOR', 'MENTOR', 'ADMIN'], target: P3, args: () => ({ input: { needs: ['PLANNEN_HUISWERK'], problemDescription: 'Matrixtest', singleSchoolRelatedProblem: true, alreadyTried: 'Matrixtest', parentsInformed: true } }) },
  recordJosStartgesprek: P3_WORKER,
  planJosStartgesprek: P3_WORKER,
  setJosGoals: P3_WORKER,
  logJosContact: P3_WORKER,
  recordJosEvaluation: P3_WORKER,
  recordJosOutcome: { ...P3_WORKER, args: () => ({ input: { outcome: 'AFGEROND', summary: 'Matrixtest' } }) },
  stopJos: P3_COORD,
  registerAanmelding: { allow: STAFF_SCHOOL, args: (c) => ({ input: { schoolId: c.dalton, pupilId: c.pupils.p1.id, receivedOn: today(), extraSupportExpected: true, preferenceSchoolIds: [c.dalton] } }) },
  recordZorgplichtInvestigation: { ...P4_COORD, args: () => ({ input: { kind: 'INTAKE', date: today() } }) },
  extendZorgplichtTerm: { ...P4_COORD, args: () => ({ input: { weeks: 2, reason: 'Matrixtest' } }) },
  requestZorgplichtDocument: { ...P4_COORD, args: () => ({ input: { description: 'Het laatste onderzoeksverslag (matrixtest)', dueDate: addCalendarDays(today(), 7) } }) },
  recordZorgplichtDecision: { ...P4_COORD, args: () => ({ input: { outcome: 'INGETROKKEN', reason: 'Matrixtest' } }) },
  // Daan is under 16: his parents decide (the 16+ rule: consents.int-spec / giveConsent use case).
  giveConsent: { allow: ['PARENT'], args: (c) => ({ input: { caseId: c.zorgrouteCase, requestId: c.consentRequestId, decision: 'GIVEN' } }) },
  recordPaperConsent: { allow: STAFF_SCHOOL, args: (c) => ({ input: { caseId: c.zorgrouteCase, requestId: c.consentRequestId, decision: 'GIVEN', giverUserId: c.users['ouder.veldkamp@voorbeeldmail.example'], scanDocumentId: c.scanDocumentId } }) },
  // A parent withdraws only a consent he gave himself; this request is still open.
  withdrawConsent: { allow: ['ZORGCOORDINATOR', 'ADMIN'], args: (c) => ({ input: { caseId: c.zorgrouteCase, requestId: c.consentRequestId, reason: 'Matrixtest' } }) },
  decideConsentTimeout: { allow: STAFF_SCHOOL, args: (c) => ({ input: { caseId: c.zorgrouteCase, requestId: c.consentRequestId, decision: 'RETRY', reason: 'Matrixtest' } }) },
  // --- P5 OOV: the school prepares and requests, the SWV decides, the leerlingbegeleider (coach) runs the placement ---
  // The SWV sees the OOV case (submitted to it); a JOS worker not in the case does not.
  oovCase: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'PARENT', 'PUPIL', 'SWV_MEDEWERKER', 'ADMIN'], target: P5 },
  startOov: { allow: STAFF_SCHOOL, args: (c, role) => ({ input: { pupilId: c.pupils.p1.id, reason: 'Matrixtest OOV', requestKey: `${run}-${role}` } }) },
  recordOovConsultation: P5_COORD,
  submitOovRequest: P5_COORD,
  recordOovSwvDecision: { allow: ['SWV_MEDEWERKER', 'ADMIN'], target: P5 },
  recordOovIntake: P5_PLACEMENT,
  recordOovEvaluation: P5_PLACEMENT,
  recordOovReturnPlan: P5_COORD,
  recordOovFollowUp: P5_PLACEMENT,
  stopOov: P5_COORD,
  // --- P6 PO→VO overdracht: the SWV sets the regional calendar; the school runs the handover; the parent adds his view ---
  overdrachtCase: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'PARENT', 'PUPIL', 'SWV_MEDEWERKER', 'ADMIN'], target: P6 },
  overdrachtRegionalCalendars: { allow: ['ZORGCOORDINATOR', 'SWV_MEDEWERKER', 'ADMIN'], args: (c) => ({ swvId: c.swvId }) },
  setOverdrachtRegionalCalendar: { allow: ['SWV_MEDEWERKER', 'ADMIN'], args: (c) => ({ swvId: c.swvId, input: overdrachtCalendar() }) },
  startOverdracht: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'ADMIN'], args: (c) => ({ input: { pupilId: c.pupils.p1.id, schoolYear: schoolYearOf(today()), poSchoolName: 'OBS Matrix', supportNeedsExpected: false } }) },
  recordOverdrachtOkr: { ...P6_SCHOOL, args: () => ({ input: { schooladvies: 'havo', supportNeeds: false } }) },
  addOverdrachtZienswijze: { allow: ['PARENT'], target: P6 },
  recordOverdrachtSent: P6_SCHOOL,
  confirmOverdrachtReceived: P6_SCHOOL,
  recordWarmeOverdracht: P6_SCHOOL,
  placeOverdrachtPupil: { ...P6_SCHOOL, args: (c) => ({ input: { className: '1A', mentorId: c.users[ROLE_EMAIL.MENTOR] } }) },
  confirmOverdrachtRead: { allow: ['MENTOR'], target: P6, before: mentorPlaced },
  referOverdrachtToIzo: { allow: STAFF_SCHOOL, target: P6, args: () => ({ input: { reasons: [ZORGROUTE_REASONS[0]], pupilHelpQuestion: 'Matrixtest', mentorSupportQuestion: 'Matrixtest', parentsInformed: true } }) },
  recordOverdrachtFeedback: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'ADMIN'], target: P6, before: mentorPlaced },
  stopOverdracht: { allow: STAFF_SCHOOL, target: P6 },
  // --- P7 OPP: the zorgcoördinator starts it; he and the pupil's mentor draw it up, hear the pupil and evaluate ---
  startOpp: { allow: STAFF_SCHOOL, args: (c, role) => ({ input: { pupilId: c.pupils.p1.id, reason: 'Matrixtest OPP reden', source: 'DIRECT', requestKey: `${run}-${role}` } }) },
  drawUpOpp: P7_AUTHORS,
  adjustOpp: P7_AUTHORS,
  recordOppPupilView: P7_AUTHORS,
  recordOppEvaluation: P7_AUTHORS,
  decideOppAfterRefusal: { allow: STAFF_SCHOOL, target: P7 },
  registerOppInBron: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'ADMIN'], target: P7 },
  stopOpp: { allow: STAFF_SCHOOL, target: P7 },
  // --- P8 TLV: the zorgcoördinator starts the request; its steps run through takeStep (tlv.int-spec.ts covers each role) ---
  startTlv: { allow: STAFF_SCHOOL, args: (c, role) => ({ input: { pupilId: c.pupils.p1.id, reason: 'Matrixtest TLV', flexZatDate: today(), requestKey: `${run}-${role}` } }) },
  // --- parents' and pupils' login (issue 13): public, like devLogin; an unknown invitation or a wrong code is refused by
  // what it is (INVITATION_UNKNOWN, LOGIN_REFUSED), the same for every caller (family-login.int-spec.ts covers the flows) ---
  loginInvitation: { allow: ALL, args: () => ({ token: UNKNOWN_INVITATION }), select: 'status' },
  renewLoginInvitation: { allow: ALL, args: () => ({ token: UNKNOWN_INVITATION }) },
  startPasskeyRegistration: { allow: ALL, args: () => ({ token: UNKNOWN_INVITATION }) },
  finishPasskeyRegistration: { allow: ALL, args: () => ({ token: UNKNOWN_INVITATION, response: '{}' }), select: 'returnPath' },
  acceptLoginInvitation: { allow: ALL, args: () => ({ token: UNKNOWN_INVITATION }), select: 'returnPath' },
  startPasskeyLogin: { allow: ALL },
  finishPasskeyLogin: { allow: ALL, args: () => ({ response: '{}' }), select: 'user { id }' },
  requestEmailLoginCode: { allow: ALL, args: () => ({ email: `niemand.${run}@voorbeeldmail.example` }) },
  verifyEmailLoginCode: { allow: ALL, args: () => ({ email: `niemand.${run}@voorbeeldmail.example`, code: '12345678' }), select: 'user { id }' },
  // --- custody (gezag) and invitations of guardians: the school's zorgcoördinator (the teamleider may look) ---
  // What the caller may export of a pupil's dossier: whoever sees the pupil (the answer says which formats, or why none).
  dossierExportOptions: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'JOS_MEDEWERKER', 'PARENT', 'PUPIL', 'ADMIN'], args: (c) => ({ pupilId: c.pupils.p1.id }), select: 'formats refusal' },
  pupilCustody: { allow: ['ZORGCOORDINATOR', 'TEAMLEIDER', 'ADMIN'], args: (c) => ({ pupilId: c.pupils.p1.id }) },
  inviteGuardian: { allow: STAFF_SCHOOL, args: (c) => ({ pupilId: c.pupils.p1.id, userId: c.users[ROLE_EMAIL.PARENT] }) },
  setParentsDisagree: { allow: STAFF_SCHOOL, args: (c) => ({ pupilId: c.pupils.p1.id, input: { parentsDisagree: false, reason: 'Matrixtest' } }) },
  setParentalAuthority: { allow: STAFF_SCHOOL, args: (c) => ({ pupilId: c.pupils.p1.id, userId: c.users[ROLE_EMAIL.PARENT], input: { hasParentalAuthority: true, reason: 'Matrixtest' } }) },
  // --- retention (issue #7): admin only, with a reason; the dossier export is REST (dossier-retention.int-spec.ts) ---
  purgeExpiredCases: { allow: ['ADMIN'], args: (c) => ({ input: { reason: 'Matrixtest bewaartermijn', schoolId: c.dalton } }) },
  // --- organisations and the school data import (issue 13): the platform admin (ADMIN here) manages everything; the
  // school admin his own school's staff accounts, imports and open steps to reassign (the SWV admin: school-onboarding.int-
  // spec.ts); case workers, parents and pupils never. They act on the run's own SWV, school and accounts (onboardingFixture),
  // never on the demo data other suites use; the school admin on accounts and an empty import the run makes at Daltoncollege.
  // The school admin sees his SWV with his school alone (the school page's name and BRIN), not the SWV's other schools.
  swvs: { allow: ['ADMIN', 'SCHOOL_ADMIN'], select: 'id code' },
  // Without a school: the platform accounts (platform admins only); the school admin asks for his school's.
  accounts: { allow: ['ADMIN', 'SCHOOL_ADMIN'], args: (c, role) => (role === 'SCHOOL_ADMIN' ? { schoolId: c.dalton } : {}), select: 'id role' },
  openStepsToReassign: { allow: ['ADMIN', 'SCHOOL_ADMIN'], select: 'caseId' },
  schoolImports: { allow: ['ADMIN', 'SCHOOL_ADMIN'], select: 'id status' },
  schoolImport: { allow: ['ADMIN', 'SCHOOL_ADMIN'], before: matrixImport, target: () => onboarding.importId ?? '', select: 'id status' },
  // The SWV and the school's record (name, BRIN, vestiging, region) are the platform's and the SWV admin's, not the school admin's.
  createSwv: { allow: ['ADMIN'], before: matrixSchool, args: () => ({ input: { name: 'Matrix SWV nieuw', code: matrixSwvCode(1) } }), select: 'id' },
  updateSwv: { allow: ['ADMIN'], before: matrixSchool, target: () => onboarding.swvId ?? '', args: () => ({ input: { name: 'Matrix SWV', code: matrixSwvCode(0) } }), select: 'id' },
  createSchool: { allow: ['ADMIN'], before: matrixSchool, args: () => ({ input: { swvId: onboarding.swvId, name: 'Matrix school nieuw', brin: '96XX', vestiging: matrixVestiging(1), region: 'midden' } }), select: 'id' },
  updateSchool: { allow: ['ADMIN'], before: matrixSchool, target: () => onboarding.schoolId ?? '', args: () => ({ input: { name: 'Matrix school', brin: '96XX', vestiging: matrixVestiging(0), region: 'midden' } }), select: 'id' },
  createAccount: { allow: ['ADMIN', 'SCHOOL_ADMIN'], before: matrixSchool, args: (c, role) => ({ input: { name: 'Matrix Account', email: `${run}.${role.toLowerCase()}@matrix.example`, role: 'MENTOR', schoolId: accountSchool(c, role) } }), select: 'id' },
  updateAccount: { allow: ['ADMIN', 'SCHOOL_ADMIN'], before: matrixAccount(true), target: () => onboarding.accountId ?? '', args: () => ({ input: { name: 'Matrix Account', email: `${onboarding.accountId}@matrix.example`, role: 'MENTOR' } }), select: 'id' },
  deactivateAccount: { allow: ['ADMIN', 'SCHOOL_ADMIN'], before: matrixAccount(true), target: () => onboarding.accountId ?? '', args: () => ({ input: { reason: 'Matrixtest reden' } }), select: 'endedSessions' },
  reactivateAccount: { allow: ['ADMIN', 'SCHOOL_ADMIN'], before: matrixAccount(false), target: () => onboarding.accountId ?? '', select: 'id' },
  applySchoolImport: { allow: ['ADMIN', 'SCHOOL_ADMIN'], before: matrixImport, target: () => onboarding.importId ?? '', select: 'id status' },
};


// ---------------------------------------------------------------- the run's own organisation (issue 13 rules)
const onboarding: { swvId?: string; schoolId?: string; accountId?: string; importId?: string } = {};
/** An SWV code and a vestiging of this run (unique enough on a reused database; a clash answers CONFLICT, still allowed). */
function matrixSwvCode(n: number): string {
  return `VO 9${n}.${String(Date.parse(testStart.toISOString()) % 97).padStart(2, '0')}`;
}
function matrixVestiging(n: number): string {
  return String((Date.parse(testStart.toISOString()) + n) % 100).padStart(2, '0');
}
async function matrixSchool(): Promise<void> {
  if (onboarding.schoolId) return;
  const swv = await ds.getRepository(SwvEntity).save({ name: 'Matrix SWV', code: matrixSwvCode(0) });
  const school = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'Matrix school', brin: '96XX', vestiging: matrixVestiging(0), region: 'midden' });
  Object.assign(onboarding, { swvId: swv.id, schoolId: school.id });
}
/**
 * The school whose accounts and imports a role's call acts on: the school admin's own (Daltoncollege: the run's accounts
 * there are deactivated in afterAll), for everyone else the run's own school.
 */
function accountSchool(c: Ctx, role: RoleKey): string {
  return role === 'SCHOOL_ADMIN' ? c.dalton : (onboarding.schoolId as string);
}
/** A fresh account of the role's school (accountSchool) for each call (active, or already deactivated). */
function matrixAccount(active: boolean): (c: Ctx, role: RoleKey) => Promise<void> {
  return async (c, role) => {
    await matrixSchool();
    const schoolId = accountSchool(c, role);
    const n = Math.random().toString(36).slice(2, 10);
    const u = await ds.getRepository(UserEntity).save({ name: 'Matrix Account', email: `${run}.${n}@matrix.example`, role: Role.MENTOR, schoolId, swvId: schoolId === c.dalton ? c.swvId : onboarding.swvId, pupilId: null, active, deactivatedAt: active ? null : new Date() });
    onboarding.accountId = u.id;
  };
}
/**
 * A fresh preview of an empty Somtoday export for the role's school (accountSchool). Applying it changes nothing: such an
 * export deactivates no staff, and only imported pupils (with a source id) can leave: the run's school has none, nor have
 * Daltoncollege's demo and test pupils.
 */
async function matrixImport(c: Ctx, role: RoleKey): Promise<void> {
  await matrixSchool();
  const uploader = await ds.getRepository(UserEntity).findOneByOrFail({ email: ROLE_EMAIL[role === 'SCHOOL_ADMIN' ? 'SCHOOL_ADMIN' : 'ADMIN'] });
  const stored = await new SchoolImportRepository(ds).preview({ schoolId: accountSchool(c, role), fileName: 'matrix.csv', fileDigest: createHash('sha256').update(run).digest('hex'), records: { format: 'SOMTODAY', staff: [], pupils: [], rejected: [] }, userId: uploader.id });
  onboarding.importId = stored.importId;
}

/** Today in Amsterdam: the date the workflows and the api use (never the UTC date). */
function today(): string {
  return toIsoDate(Date.now());
}

// ---------------------------------------------------------------- schema and argument generation

interface TypeRef { kind: string; name: string | null; ofType: TypeRef | null }
interface IntroField { name: string; args: { name: string; type: TypeRef }[]; type: TypeRef }
interface IntroType { kind: string; name: string; fields: IntroField[] | null; inputFields: { name: string; type: TypeRef }[] | null; enumValues: { name: string }[] | null }
let types: Map<string, IntroType>;
let operations: { kind: 'query' | 'mutation'; field: IntroField }[];

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const INTROSPECT = `query { __schema { queryType { name } mutationType { name } types { kind name
  fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } }
  inputFields { name type { ${TYPE_REF} } } enumValues { name } } } }`;

function named(t: TypeRef): TypeRef {
  return t.ofType ? named(t.ofType) : t;
}
function required(t: TypeRef): boolean {
  return t.kind === 'NON_NULL';
}
function isList(t: TypeRef): boolean {
  return t.kind === 'LIST' || (t.kind === 'NON_NULL' && !!t.ofType && isList(t.ofType));
}
function typeString(t: TypeRef): string {
  if (t.kind === 'NON_NULL') return `${typeString(t.ofType as TypeRef)}!`;
  if (t.kind === 'LIST') return `[${typeString(t.ofType as TypeRef)}]`;
  return t.name as string;
}

/** A valid value for a field by its type and name (required fields only). */
function generate(name: string, t: TypeRef, c: Ctx, target: string | undefined): unknown {
  const base = named(t);
  const one = (): unknown => {
    if (base.kind === 'ENUM') return types.get(base.name as string)?.enumValues?.[0]?.name;
    if (base.kind === 'INPUT_OBJECT') {
      const out: Record<string, unknown> = {};
      for (const f of types.get(base.name as string)?.inputFields ?? []) if (required(f.type)) out[f.name] = generate(f.name, f.type, c, target);
      return out;
    }
    switch (base.name) {
      case 'Boolean': return true;
      case 'Int': return 2;
      case 'Float': return 1.5;
      case 'ID':
        if ((name === 'caseId' || name === 'id') && target) return target;
        if (name === 'pupilId') return c.pupils.p1.id;
        if (name === 'schoolId' || name === 'scopeId') return c.dalton;
        return '00000000-0000-4000-8000-000000000000';
      default:
        if (/[dD]ate$|^from$|^to$|^start$|On$|^uiterlijk$/.test(name)) return today();
        if (/email/i.test(name)) return 'iemand@voorbeeldmail.example';
        if (name === 'schoolYear') return '2026-2027';
        if (name === 'requestKey') return `${run}-k`;
        return 'Matrixtest tekst';
    }
  };
  return isList(t) ? [one()] : one();
}

function selection(t: TypeRef, override?: string): string {
  if (override) return ` { ${override} }`;
  const base = named(t);
  if (base.kind !== 'OBJECT') return '';
  const scalars = (types.get(base.name as string)?.fields ?? []).filter((f) => ['SCALAR', 'ENUM'].includes(named(f.type).kind)).slice(0, 3);
  return ` { ${scalars.length ? scalars.map((f) => f.name).join(' ') : '__typename'} }`;
}

function buildCall(kind: 'query' | 'mutation', field: IntroField, role: RoleKey): { query: string; variables: Record<string, unknown> } {
  const rule = MATRIX[field.name];
  const target = rule?.target?.(ctx);
  const generated: Record<string, unknown> = {};
  for (const a of field.args) if (required(a.type)) generated[a.name] = generate(a.name, a.type, ctx, target);
  const overrides = rule?.args?.(ctx, role) ?? {};
  const variables: Record<string, unknown> = { ...generated };
  for (const [k, v] of Object.entries(overrides)) {
    variables[k] = v && typeof v === 'object' && !Array.isArray(v) && generated[k] && typeof generated[k] === 'object' ? { ...(generated[k] as object), ...v } : v;
  }
  const used = field.args.filter((a) => a.name in variables);
  const defs = used.length ? `(${used.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ')})` : '';
  const call = used.length ? `(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  return { query: `${kind} ${field.name}${defs} { ${field.name}${call}${selection(field.type, rule?.select)} }`, variables };
}

// ---------------------------------------------------------------- clients

const tokens = new Map<RoleKey, string>();
async function as(role: RoleKey): Promise<GraphQLTestClient> {
  const client = new GraphQLTestClient(url);
  if (!tokens.has(role)) {
    await client.login(ROLE_EMAIL[role]);
    tokens.set(role, client.token as string);
  }
  client.token = tokens.get(role) as string;
  return client;
}

/** A client with its own new session (for operations that end the session); not through devLogin, whose per-IP limit the suite shares. */
async function freshLogin(role: RoleKey): Promise<GraphQLTestClient> {
  const client = new GraphQLTestClient(url);
  const user = await ds.getRepository(UserEntity).findOneByOrFail({ email: ROLE_EMAIL[role] });
  client.token = (await app.get(AuthService).startSession(user, 'DEV')).token;
  return client;
}

/** A request that does not answer within 15 s (or the rule's own time) counts as TIMEOUT (and names the operation in the failure). */
async function timed<T>(p: Promise<GqlResult<T>>, ms = 15_000): Promise<GqlResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<GqlResult<T>>((resolve) => {
    timer = setTimeout(() => resolve({ errors: [{ message: `no answer within ${ms / 1000} s`, extensions: { code: 'TIMEOUT' } }] }), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function codeOf(r: GqlResult<unknown>): string | null {
  return r.errors?.length ? String(r.errors[0].extensions?.code ?? 'UNKNOWN') : null;
}

// ---------------------------------------------------------------- setup

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, TEMPORAL_TASK_QUEUE: taskQueue, API_PORT: '0' };
  await migrateFromEnv(env);
  worker = await createWorker(workerConfigFromEnv(env));
  app = await createApp(appConfigFromEnv(env));
  await app.listen(0, '127.0.0.1');
  url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  await seedDemo(app, undefined, { allProcesses: false });
  ds = app.get(DataSource);

  const anon = new GraphQLTestClient(url);
  const schema = await anon.ok<{ __schema: { types: IntroType[]; queryType: { name: string }; mutationType: { name: string } } }>(INTROSPECT);
  types = new Map(schema.__schema.types.map((t) => [t.name, t]));
  operations = [
    ...(types.get(schema.__schema.queryType.name)?.fields ?? []).map((field) => ({ kind: 'query' as const, field })),
    ...(types.get(schema.__schema.mutationType.name)?.fields ?? []).map((field) => ({ kind: 'mutation' as const, field })),
  ];

  // A fresh pupil of the Daltoncollege (mentor: Daan's mentor) with his own parent and pupil account.
  const [dalton]: { id: string }[] = await ds.query(`SELECT id FROM school WHERE name LIKE 'Daltoncollege%'`);
  const [mentor]: { id: string }[] = await ds.query('SELECT id FROM app_user WHERE email = $1', [ROLE_EMAIL.MENTOR]);
  const [fresh]: { id: string }[] = await ds.query(
    `INSERT INTO pupil (school_id, first_name, last_name, date_of_birth, class_name, mentor_id) VALUES ($1, 'Matrix', $2, $4, '2B', $3) RETURNING id`,
    [dalton.id, run, mentor.id, bornYearsAgo(14)],
  );
  const [parentUser]: { id: string }[] = await ds.query(`INSERT INTO app_user (name, email, role) VALUES ('Ouder Matrix', $1, 'PARENT') RETURNING id`, [ROLE_EMAIL.PARENT]);
  await ds.query(`INSERT INTO pupil_guardian (pupil_id, user_id) VALUES ($1, $2)`, [fresh.id, parentUser.id]);
  await ds.query(`INSERT INTO app_user (name, email, role, school_id, pupil_id) VALUES ('Matrix', $1, 'PUPIL', $2, $3)`, [ROLE_EMAIL.PUPIL, dalton.id, fresh.id]);
  // Daltoncollege's school admin (an account of the school and its SWV, as createAccount makes one).
  await ds.query(`INSERT INTO app_user (name, email, role, school_id, swv_id) SELECT 'Wessel Beheerder', $1, 'SCHOOL_ADMIN', s.id, s.swv_id FROM school s WHERE s.id = $2`, [ROLE_EMAIL.SCHOOL_ADMIN, dalton.id]);

  const users: { id: string; email: string }[] = await ds.query('SELECT id, email FROM app_user');
  const pupilRows: { id: string; first_name: string; school_id: string }[] = await ds.query('SELECT id, first_name, school_id FROM pupil');
  const byName = (n: string) => pupilRows.find((p) => p.first_name === n) as { id: string; school_id: string };
  const schools: { id: string; name: string }[] = await ds.query('SELECT id, name FROM school');
  const zc = await as('ZORGCOORDINATOR');
  const p1 = { id: fresh.id, school_id: dalton.id };
  const cases: { id: string; pupil_id: string }[] = await ds.query(`SELECT id, pupil_id FROM case_summary WHERE id LIKE 'ondersteuningstraject-%-demo-%'`);
  const partial: Omit<Ctx, 'zorgrouteCase' | 'josCase' | 'zorgplichtCase' | 'dayOffIds' | 'consentRequestId' | 'scanDocumentId' | 'deliveryKey' | 'oovCase' | 'overdrachtCase' | 'oppCase' | 'tlvCase' | 'swvId' | 'meetingIds' | 'meetingDates'> = {
    users: Object.fromEntries(users.map((u) => [u.email, u.id])),
    pupils: { p1: { id: p1.id, schoolId: p1.school_id }, p3: { id: byName('Sem').id, schoolId: byName('Sem').school_id } },
    dalton: (schools.find((s) => s.name.startsWith('Daltoncollege')) as { id: string }).id,
    baken: (schools.find((s) => s.name.includes('Baken')) as { id: string }).id,
    p1Case: '',
    p3Case: (cases.find((c) => c.id.endsWith('-demo-3')) as { id: string }).id,
    bakenCase: (cases.find((c) => c.id.endsWith('-demo-4')) as { id: string }).id,
  };
  const t = await zc.ok<{ startTrajectory: { id: string } }>(`mutation($i: StartTrajectoryInput!) { startTrajectory(input: $i) { id } }`, { i: { pupilId: p1.id, reason: 'Matrixtest', requestKey: `${run}-p1` } });
  partial.p1Case = t.startTrajectory.id;
  await eventually(async () => (await zc.request(`mutation($c: ID!, $i: RecordIntakeInput!) { recordIntake(caseId: $c, input: $i) { id } }`, { c: partial.p1Case, i: { intakeDate: today(), goal: 'Ik wil mijn huiswerk plannen' } })).errors ? null : true, 30_000, 'the intake');
  await zc.ok(`mutation($c: ID!, $i: AssignCoachInput!) { assignCoach(caseId: $c, input: $i) { id } }`, { c: partial.p1Case, i: { coachId: partial.users[ROLE_EMAIL.COACH], sessionSlot: 'dinsdag 10:15' } });
  /** Starts a case, or (a database reused from an earlier run) takes the pupil's open one. */
  const startOrOpen = async (op: string, input: string, i: Record<string, unknown>): Promise<string> => {
    const r = await zc.request<Record<string, { id: string }>>(`mutation($i: ${input}!) { ${op}(input: $i) { id } }`, { i });
    const existing = (r.errors?.[0]?.extensions as { details?: { caseId?: string } } | undefined)?.details?.caseId;
    if (existing) return existing;
    if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
    return (r.data as Record<string, { id: string }>)[op].id;
  };
  const zr = { startZorgroute: { id: await startOrOpen('startZorgroute', 'StartZorgrouteInput', { pupilId: p1.id, source: 'DIRECT', requestKey: `${run}-zr` }) } };
  const jos = { startJos: { id: await startOrOpen('startJos', 'StartJosInput', { pupilId: p1.id, decisionDate: today(), needs: ['PLANNEN_HUISWERK'], josWorkerId: partial.users['jos@daltoncollege.example'], requestKey: `${run}-jos` }) } };
  const zp = { registerAanmelding: { id: await startOrOpen('registerAanmelding', 'RegisterAanmeldingInput', { schoolId: partial.dalton, pupilId: p1.id, receivedOn: today(), extraSupportExpected: true, preferenceSchoolIds: [partial.dalton] }) } };
  await ds.query(`DELETE FROM school_day_off WHERE name = 'Matrix studiedag'`); // left by an earlier run
  const dayOffIds: string[] = [];
  const juneYear = schoolYearBounds(schoolYearOf(today())).to.slice(0, 4);
  for (const day of [`${juneYear}-06-02`, `${juneYear}-06-03`]) {
    const dayOff = await zc.ok<{ addSchoolDayOff: { id: string } }>(`mutation($i: AddSchoolDayOffInput!) { addSchoolDayOff(input: $i) { id } }`, {
      i: { schoolId: partial.dalton, from: day, to: day, name: 'Matrix studiedag', schoolYear: schoolYearOf(today()) },
    });
    dayOffIds.push(dayOff.addSchoolDayOff.id);
  }
  // An open consent request for Daan's parent in the read model (the workflow has none: the answer
  // is then refused by the workflow, STEP_NOT_ALLOWED, after the api's access checks let it through).
  const deliveries: { key: string }[] = await ds.query('SELECT key FROM notification_delivery WHERE case_id = $1 ORDER BY key LIMIT 1', [partial.p1Case]);
  const deliveryKey = deliveries[0]?.key ?? 'geen-bericht';
  const consentRequestId = `${zr.startZorgroute.id}:consent:MATRIX:1`;
  const now = new Date().toISOString();
  await new ConsentRecordRepository(ds).upsert({
    id: consentRequestId, caseId: zr.startZorgroute.id, process: 'ZORGROUTE', pupilId: p1.id, schoolId: partial.dalton, kind: 'MATRIX',
    label: 'Matrixtest', scope: 'Matrixtest', status: 'PENDING', parentsOfPupil: true, askedUserIds: [partial.users[ROLE_EMAIL.PARENT]],
    pupilMayDecide: false, requestedAt: now, requestedByUserId: null, respondBy: today(), timeoutAt: now, giverUserId: null, giverRole: null,
    method: null, scanReference: null, recordedByUserId: null, decidedAt: null, note: null, withdrawnAt: null, withdrawalReason: null,
    withdrawnByUserId: null, version: 1, updatedAt: now,
  });
  // The uploaded scan of a signed paper consent form (recordPaperConsent names it).
  const scanDocumentId = randomUUID();
  await new CaseDocumentRepository(ds).insertUploaded({
    id: scanDocumentId, docKey: `upload:${scanDocumentId}`, caseId: zr.startZorgroute.id, kind: 'TOESTEMMING_SCAN', fileName: 'toestemming.pdf', originalName: 'toestemming.pdf',
    contentType: 'application/pdf', sizeBytes: 9, sha256: 'a'.repeat(64), audiences: ['PARENTS'], uploadedByUserId: partial.users[ROLE_EMAIL.ZORGCOORDINATOR], uploadedByName: 'Matrix',
    uploadedByRole: 'ZORGCOORDINATOR', requestId: null, storage: 'POSTGRES', storageKey: null, content: Buffer.from('%PDF-1.4\n'),
  });
  // P5: an OOV case with the home coach as leerlingbegeleider. P6: the SWV's regional calendar of this school year, then a
  // handover with the home teamleider as brugklascoördinator.
  const [daltonSchool]: { swv_id: string }[] = await ds.query('SELECT swv_id FROM school WHERE id = $1', [partial.dalton]);
  const admin = await as('ADMIN');
  await admin.ok(`mutation($s: ID!, $i: OverdrachtRegionalCalendarInput!) { setOverdrachtRegionalCalendar(swvId: $s, input: $i) { swvId } }`, { s: daltonSchool.swv_id, i: overdrachtCalendar() });
  const oovCase = await startOrOpen('startOov', 'StartOovInput', { pupilId: p1.id, reason: 'Matrixtest OOV', leerlingbegeleiderId: partial.users[ROLE_EMAIL.COACH], requestKey: `${run}-oov` });
  const overdrachtCase = await startOrOpen('startOverdracht', 'StartOverdrachtInput', {
    pupilId: p1.id, schoolYear: schoolYearOf(today()), poSchoolName: 'OBS Matrix', supportNeedsExpected: false, brugklascoordinatorId: partial.users[ROLE_EMAIL.TEAMLEIDER],
  });
  // P7 and P8: an OPP (the pupil's mentor takes part) and a TLV request, so the catalogue walk has a case of each.
  const oppCase = await startOrOpen('startOpp', 'StartOppInput', { pupilId: p1.id, reason: 'Matrixtest OPP reden', source: 'DIRECT', requestKey: `${run}-opp` });
  const tlvCase = await startOrOpen('startTlv', 'StartTlvInput', { pupilId: p1.id, reason: 'Matrixtest TLV', flexZatDate: today(), requestKey: `${run}-tlv` });
  // Meetings (issue 17.8): free school days from 30 school days ahead, the matrix's own rows (location 'Matrix').
  await ds.query(`DELETE FROM meeting WHERE location = 'Matrix'`);
  const [daltonRow]: { id: string; region: string }[] = await ds.query('SELECT id, region FROM school WHERE id = $1', [partial.dalton]);
  const daltonCalendar = await new SchoolDayOffRepository(ds).calendarFor(daltonRow as never);
  const freeDays = Array.from({ length: ROLES.length + 4 }, (_, i) => addSchoolDays(today(), 30 + i, daltonCalendar));
  const meetingIds: string[] = [];
  for (const [kind, date] of [['IZO', freeDays[0]], ['ZAT', freeDays[1]], ['ZAT', freeDays[2]]] as const) {
    const m = await zc.ok<{ planMeeting: { id: string } }>(`mutation($i: PlanMeetingInput!) { planMeeting(input: $i) { id } }`, { i: { schoolId: partial.dalton, kind, date, location: 'Matrix' } });
    meetingIds.push(m.planMeeting.id);
  }
  const held = addCalendarDays(today(), -1);
  // Another suite's Flex-ZAT on that day (one active meeting of a kind per school and date).
  await ds.query(`UPDATE meeting SET cancelled_at = now() WHERE school_id = $1 AND kind = 'FLEX_ZAT' AND meeting_date = $2 AND cancelled_at IS NULL`, [partial.dalton, held]);
  const [past]: { id: string }[] = await ds.query(
    `INSERT INTO meeting (school_id, kind, school_year, meeting_date, location, created_at, updated_at) VALUES ($1, 'FLEX_ZAT', $2, $3, 'Matrix', now(), now()) RETURNING id`,
    [partial.dalton, schoolYearOf(held), held],
  );
  meetingIds.push(past.id);
  const meetingDates = [...freeDays.slice(3, 3 + ROLES.length), freeDays[0]];
  ctx = { ...partial, meetingIds, meetingDates, zorgrouteCase: zr.startZorgroute.id, josCase: jos.startJos.id, zorgplichtCase: zp.registerAanmelding.id, dayOffIds, consentRequestId, scanDocumentId, deliveryKey, oovCase, overdrachtCase, oppCase, tlvCase, swvId: daltonSchool.swv_id };
  await eventually(async () => {
    const rows: { id: string; participant_ids: string[] }[] = await ds.query('SELECT id, participant_ids FROM case_summary WHERE id = ANY($1)', [[oovCase, overdrachtCase]]);
    return rows.find((r) => r.id === oovCase)?.participant_ids.includes(ctx.users[ROLE_EMAIL.COACH]) && rows.find((r) => r.id === overdrachtCase)?.participant_ids.includes(ctx.users[ROLE_EMAIL.TEAMLEIDER]);
  }, 30_000, 'the leerlingbegeleider and brugklascoördinator as participants');
  // The JOS worker becomes a participant once the case is in the read model.
  await eventually(async () => {
    const rows: { participant_ids: string[] }[] = await ds.query('SELECT participant_ids FROM case_summary WHERE id = $1', [ctx.josCase]);
    return rows[0]?.participant_ids.includes(ctx.users['jos@daltoncollege.example']);
  }, 30_000, 'the JOS worker as participant');
}, 180_000);

afterAll(async () => {
  // The cases of this run live on this suite's task queue, whose worker stops now: end them, so no
  // other suite sharing the database picks one and waits for an update nobody runs.
  if (ds && ctx) {
    const open: { id: string }[] = await ds.query('SELECT id FROM case_summary WHERE pupil_id = $1 AND closed_at IS NULL', [ctx.pupils.p1.id]);
    const temporal = app.get(Client);
    for (const c of open) await temporal.workflow.getHandle(c.id).terminate('authorization matrix test finished').catch(() => undefined);
    await ds.query('UPDATE case_summary SET closed_at = now() WHERE pupil_id = $1 AND closed_at IS NULL', [ctx.pupils.p1.id]);
    // The accounts the school admin's calls made at Daltoncollege (updateAccount renames their address) leave its staff
    // directory: other suites pick owners there.
    await ds.query(`UPDATE app_user SET active = false, deactivated_at = now() WHERE school_id = $1 AND name = 'Matrix Account' AND email LIKE '%@matrix.example' AND active`, [ctx.dalton]);
  }
  await app?.close();
  await worker?.shutdown();
}, 60_000);

// ---------------------------------------------------------------- row checks

/** Every row of a list answer must lie inside the caller's scope. */
async function checkRows(op: string, role: RoleKey, data: unknown): Promise<string | null> {
  const rows = (data as Record<string, unknown>)[op] as Record<string, unknown>[];
  if (!Array.isArray(rows)) return 'not a list';
  const me = ctx.users[ROLE_EMAIL[role]];
  const guarded: string[] = (await ds.query('SELECT pupil_id FROM pupil_guardian WHERE user_id = $1', [me])).map((r: { pupil_id: string }) => r.pupil_id);
  const mentored: string[] = (await ds.query('SELECT id FROM pupil WHERE mentor_id = $1', [me])).map((r: { id: string }) => r.id);
  const swvSchools: string[] = (await ds.query('SELECT s.id FROM school s JOIN app_user u ON u.swv_id = s.swv_id WHERE u.id = $1', [me])).map((r: { id: string }) => r.id);
  for (const r of rows) {
    const pupilId = op === 'cases' ? (r.pupil as { id: string }).id : (r.id as string);
    const schoolId = op === 'cases' ? (r.schoolId as { id: string }).id : (r.schoolId as string);
    const participants = op === 'cases' ? ((await ds.query('SELECT participant_ids FROM case_summary WHERE id = $1', [r.id]))[0]?.participant_ids as string[]) : [];
    const ok = ((): boolean => {
      switch (role) {
        case 'ADMIN': return true;
        case 'ZORGCOORDINATOR': case 'TEAMLEIDER': return schoolId === ctx.dalton;
        case 'MENTOR': return mentored.includes(pupilId) || participants.includes(me);
        case 'COACH': case 'JOS_MEDEWERKER':
          if (op === 'cases') return participants.includes(me);
          return true; // pupils of the own cases: checked by the api's sub-query
        case 'PARENT': return guarded.includes(pupilId);
        case 'PUPIL': return pupilId === ctx.pupils.p1.id;
        case 'SWV_MEDEWERKER': return swvSchools.includes(schoolId) && (op !== 'cases' || ['ZORGPLICHT', 'OOV', 'OVERDRACHT', 'TLV', 'OPP'].includes(r.process as string));
        // No pupil and no case is in the school admin's scope (he runs accounts and imports, not care).
        case 'SCHOOL_ADMIN': return false;
      }
    })();
    if (!ok) return `row ${JSON.stringify(r)} is outside the scope of ${role}`;
  }
  return null;
}

// ---------------------------------------------------------------- tests

describe('authorization matrix: every role × every GraphQL operation', () => {
  it('has a rule for every operation in the schema (a new operation fails here until it is added)', () => {
    const missing = operations.map((o) => o.field.name).filter((n) => !MATRIX[n]);
    expect(missing).toEqual([]);
    const stale = Object.keys(MATRIX).filter((n) => !operations.some((o) => o.field.name === n));
    expect(stale).toEqual([]);
  });

  it('allows and refuses every operation for every role as specified', async () => {
    const failures: string[] = [];
    // Queries first, then mutations; the ones that end a case (close, stop, outcome) last.
    const rank = (o: { kind: string; field: IntroField }) => (o.kind === 'query' ? 0 : /^(close|stop|adminClose|record\w*Outcome|record\w*Decision|recordZorgrouteBilateral)/.test(o.field.name) ? 2 : 1);
    const queriesFirst = [...operations].sort((a, b) => rank(a) - rank(b));
    for (const { kind, field } of queriesFirst) {
      const rule = MATRIX[field.name];
      if (!rule) continue;
      // Refused roles first: allowed calls may change the case (a stop closes it).
      const order = [...ROLES].sort((a, b) => Number(rule.allow.includes(a)) - Number(rule.allow.includes(b)));
      for (const role of order) {
        const expected: Expect = rule.rows?.includes(role) ? 'ROWS' : rule.allow.includes(role) ? 'ALLOWED' : 'REFUSED';
        const client = rule.endsSession ? await freshLogin(role) : await as(role);
        await rule.before?.(ctx, role);
        const { query, variables } = buildCall(kind, field, role);
        const r = await timed(client.request(query, variables), rule.timeoutMs);
        const code = codeOf(r);
        if (code === 'TIMEOUT') process.stderr.write(`[authz-matrix] ${field.name} × ${role}: no answer within 15 s\n`);
        let problem: string | null = null;
        if (expected === 'REFUSED') {
          if (code !== 'FORBIDDEN' && code !== 'NOT_FOUND') problem = `expected FORBIDDEN/NOT_FOUND, got ${code ?? 'data'}`;
        } else if (code && (['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INTERNAL_SERVER_ERROR', 'TIMEOUT'].includes(code) || (code === 'BAD_USER_INPUT' && /^Ongeldige (invoer|aanvraag)/.test(r.errors?.[0].message ?? '')))) {
          // A business rule's BAD_USER_INPUT ("this is already the coach") comes after the access checks; input validation does not.
          problem = `expected allowed, got ${code}: ${r.errors?.[0].message}`;
        } else if (expected === 'ROWS' && !code) {
          problem = await checkRows(field.name, role, r.data);
        }
        if (problem) failures.push(`${field.name} × ${role}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('walks the step catalogue: every step of every process refuses, through takeStep, each role its `who` does not allow', async () => {
    // The case of each process in the home scope. A role that sees the case but that no rule of the step can allow must
    // get FORBIDDEN (before any input check: the input is empty); a role that does not see it, NOT_FOUND.
    const caseOf: Record<ProcessKey, string | undefined> = {
      ONDERSTEUNINGSTRAJECT: ctx.p1Case, ZORGROUTE: ctx.zorgrouteCase, JOS: ctx.josCase, ZORGPLICHT: ctx.zorgplichtCase, OOV: ctx.oovCase, OVERDRACHT: ctx.overdrachtCase, OPP: ctx.oppCase, TLV: ctx.tlvCase,
    } as Record<ProcessKey, string | undefined>;
    const STAFF = ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'JOS_MEDEWERKER'] as const;
    /** Whether some rule could let a caller of this role take the step (a named person of the case: any role). */
    const couldAllow = (rules: readonly Who[], role: RoleKey): boolean =>
      role === 'ADMIN' ||
      rules.some((w) =>
        w === 'ZORGCOORDINATOR' ? role === 'ZORGCOORDINATOR'
          : w === 'SWV' ? role === 'SWV_MEDEWERKER'
            : w === 'PARENT' ? role === 'PARENT'
              : 'schoolStaff' in w ? (w.schoolStaff as readonly string[]).includes(role)
                : 'participant' in w ? (w.participant as readonly string[]).includes(role)
                  : (STAFF as readonly string[]).includes(role) || role === 'PARENT',
      );
    const detail = `query($id: ID!) { case(id: $id) { summary { id } } }`;
    const take = `mutation($c: ID!, $s: String!, $i: JSONObject!) { takeStep(caseId: $c, step: $s, input: $i) { id } }`;
    const failures: string[] = [];
    let forbidden = 0;
    const processes = Object.keys(STEP_CATALOGUE) as ProcessKey[];
    expect(processes.filter((p) => !caseOf[p])).toEqual([]);
    for (const process of processes) {
      const caseId = caseOf[process] as string;
      for (const role of ROLES) {
        const client = await as(role);
        const sees = !codeOf(await client.request(detail, { id: caseId }));
        // The process's steps and the decisions after its consent requests timed out (DECIDE_CONSENT_<kind>).
        for (const step of [...Object.values(STEP_CATALOGUE[process] ?? {}), ...allConsentTimeoutSteps().filter((s) => s.process === process)]) {
          if (couldAllow(step.who, role)) continue;
          const code = codeOf(await timed(client.request(take, { c: caseId, s: step.name, i: {} })));
          const expected = sees ? 'FORBIDDEN' : 'NOT_FOUND';
          if (code !== expected) failures.push(`${process}.${step.name} × ${role} (${sees ? 'sees the case' : 'does not see it'}): expected ${expected}, got ${code ?? 'data'}`);
          if (code === 'FORBIDDEN') forbidden += 1;
        }
      }
    }
    expect(failures).toEqual([]);
    // Every process has steps that some role who sees its case may not take.
    expect(forbidden).toBeGreaterThan(processes.length);
  }, 600_000);

  it('refuses across scope: another child, another mentor’s pupil, another school, IZO internals for the SWV', async () => {
    const detail = `query($id: ID!) { case(id: $id) { summary { id } } }`;
    const parent = await as('PARENT');
    expect(codeOf(await parent.request(detail, { id: ctx.p3Case }))).toBe('NOT_FOUND');
    const pupil = await as('PUPIL');
    expect(codeOf(await pupil.request(detail, { id: ctx.p3Case }))).toBe('NOT_FOUND');
    const mentor = await as('MENTOR');
    expect(codeOf(await mentor.request(detail, { id: ctx.p3Case }))).toBe('NOT_FOUND');
    const startZr = `mutation($i: StartZorgrouteInput!) { startZorgroute(input: $i) { id } }`;
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(await mentor.request(startZr, { i: { pupilId: ctx.pupils.p3.id, source: 'DIRECT', requestKey: `${run}-x` } })));
    const { pupils } = await mentor.ok<{ pupils: { id: string }[] }>(`query { pupils { id } }`);
    expect(pupils.map((p) => p.id)).not.toContain(ctx.pupils.p3.id);
    expect(codeOf(await mentor.request(`query($id: ID!) { pupil(id: $id) { pupil { id } } }`, { id: ctx.pupils.p3.id }))).toBe('NOT_FOUND');
    expect(codeOf(await parent.request(`query($id: ID!) { pupil(id: $id) { pupil { id } } }`, { id: ctx.pupils.p3.id }))).toBe('NOT_FOUND');
    const zc = await as('ZORGCOORDINATOR');
    expect(codeOf(await zc.request(detail, { id: ctx.bakenCase }))).toBe('NOT_FOUND');
    expect(codeOf(await zc.request(`query($c: ID!) { caseAudit(caseId: $c) { id } }`, { c: ctx.bakenCase }))).toBe('NOT_FOUND');
    const coach = await as('COACH');
    expect(codeOf(await coach.request(detail, { id: ctx.p3Case }))).toBe('NOT_FOUND');
    const swv = await as('SWV_MEDEWERKER');
    expect(codeOf(await swv.request(detail, { id: ctx.zorgrouteCase }))).toBe('NOT_FOUND');
    expect(codeOf(await swv.request(detail, { id: ctx.p1Case }))).toBe('NOT_FOUND');
    const swvCases = await swv.ok<{ cases: { process: string }[] }>(`query { cases(filter: { includeClosed: true }) { process } }`);
    // Never the schools' own processes (P1, P2, P3); an OPP only once shared (opp.int-spec.ts), TLV requests as submitted.
    expect(swvCases.cases.filter((c) => ['ONDERSTEUNINGSTRAJECT', 'ZORGROUTE', 'JOS'].includes(c.process))).toEqual([]);
    const swvOther = await as('SWV_MEDEWERKER');
    expect(codeOf(await swvOther.request(`query($c: ID!) { caseDocuments(caseId: $c) { id } }`, { c: ctx.zorgrouteCase }))).toBe('NOT_FOUND');
  }, 120_000);

  it('keeps the school admin to his own school and out of pupils and cases', async () => {
    const schoolAdmin = await as('SCHOOL_ADMIN');
    // His school page: its SWV with his school alone, its accounts, imports and open steps to reassign.
    const { swvs } = await schoolAdmin.ok<{ swvs: { id: string; schools: { id: string }[] }[] }>(`query { swvs { id schools { id } } }`);
    expect(swvs.map((s) => ({ id: s.id, schools: s.schools.map((x) => x.id) }))).toEqual([{ id: ctx.swvId, schools: [ctx.dalton] }]);
    const accounts = await schoolAdmin.ok<{ accounts: { schoolId: string }[] }>(`query($s: ID) { accounts(schoolId: $s) { schoolId } }`, { s: ctx.dalton });
    expect(accounts.accounts.length).toBeGreaterThan(0);
    expect(accounts.accounts.every((a) => a.schoolId === ctx.dalton)).toBe(true);
    // Another school of the same SWV: its accounts, imports, open steps and staff are not his (FORBIDDEN: the school is known).
    const otherSchool: Record<string, string> = {
      accounts: `query($s: ID) { accounts(schoolId: $s) { id } }`,
      schoolImports: `query($s: ID!) { schoolImports(schoolId: $s) { id } }`,
      openStepsToReassign: `query($s: ID!) { openStepsToReassign(schoolId: $s) { caseId } }`,
      staffMembers: `query($s: ID) { staffMembers(schoolId: $s) { id } }`,
    };
    for (const [op, q] of Object.entries(otherSchool)) {
      expect({ op, code: codeOf(await schoolAdmin.request(q, { s: ctx.baken })) }).toEqual({ op, code: 'FORBIDDEN' });
    }
    const create = `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`;
    expect(codeOf(await schoolAdmin.request(create, { i: { name: 'Matrix Account', email: `${run}.baken@matrix.example`, role: 'ZORGCOORDINATOR', schoolId: ctx.baken } }))).toBe('FORBIDDEN');
    // Accounts beyond his school: the platform's, an SWV's, and a platform admin made at his school.
    expect(codeOf(await schoolAdmin.request(`query { accounts { id } }`))).toBe('FORBIDDEN');
    expect(codeOf(await schoolAdmin.request(`query($s: ID) { accounts(swvId: $s) { id } }`, { s: ctx.swvId }))).toBe('FORBIDDEN');
    expect(codeOf(await schoolAdmin.request(create, { i: { name: 'Matrix Account', email: `${run}.platform@matrix.example`, role: 'PLATFORM_ADMIN', schoolId: ctx.dalton } }))).toBe('FORBIDDEN');
    expect(codeOf(await schoolAdmin.request(create, { i: { name: 'Matrix Account', email: `${run}.swv@matrix.example`, role: 'SWV_MEDEWERKER', swvId: ctx.swvId } }))).toBe('FORBIDDEN');
    // A parent's or pupil's account comes from the import: he cannot change it (nor another school's staff).
    const deactivate = `mutation($id: ID!, $i: DeactivateAccountInput!) { deactivateAccount(id: $id, input: $i) { endedSessions } }`;
    for (const email of [ROLE_EMAIL.PARENT, ROLE_EMAIL.PUPIL, 'zc@hetbaken.example']) {
      expect({ email, code: codeOf(await schoolAdmin.request(deactivate, { id: ctx.users[email], i: { reason: 'Matrixtest reden' } })) }).toEqual({ email, code: 'FORBIDDEN' });
    }
    // His school's record is the SWV's and the platform's.
    const updateSchool = `mutation($id: ID!, $i: SchoolInput!) { updateSchool(id: $id, input: $i) { id } }`;
    expect(codeOf(await schoolAdmin.request(updateSchool, { id: ctx.dalton, i: { name: 'Daltoncollege', brin: '00XX', vestiging: '00', region: 'midden' } }))).toBe('FORBIDDEN');
    // No pupils and no cases, not even of his own school; the bulk reassignment moves nothing of another school.
    expect((await schoolAdmin.ok<{ pupils: unknown[] }>(`query { pupils { id } }`)).pupils).toEqual([]);
    expect((await schoolAdmin.ok<{ cases: unknown[] }>(`query { cases(filter: { includeClosed: true }) { id } }`)).cases).toEqual([]);
    expect(codeOf(await schoolAdmin.request(`query($id: ID!) { pupil(id: $id) { pupil { id } } }`, { id: ctx.pupils.p1.id }))).toBe('NOT_FOUND');
    expect(codeOf(await schoolAdmin.request(`query($id: ID!) { case(id: $id) { summary { id } } }`, { id: ctx.zorgrouteCase }))).toBe('NOT_FOUND');
    const bulk = await schoolAdmin.ok<{ reassignOpenSteps: { reassigned: number; results: { caseId: string; code: string | null }[] } }>(
      `mutation($i: ReassignOpenStepsInput!) { reassignOpenSteps(input: $i) { reassigned results { caseId code } } }`,
      { i: { caseIds: [ctx.bakenCase], newOwnerId: ctx.users['coach2@daltoncollege.example'], reason: 'Matrixtest reden' } },
    );
    expect(bulk.reassignOpenSteps).toEqual({ reassigned: 0, results: [{ caseId: ctx.bakenCase, code: 'NOT_FOUND' }] });
  }, 120_000);

  it('writes one api audit entry for every successful mutation, with ids only, and caseAudit shows them', async () => {
    const done: { op: string; n: number }[] = await ds.query(
      `SELECT details->>'operation' AS op, count(*)::int AS n FROM audit_entry WHERE event_key LIKE 'api:%' AND at >= $1 GROUP BY 1`, [testStart],
    );
    const audited = new Set(done.map((d) => d.op));
    const mutations = operations.filter((o) => o.kind === 'mutation' && MATRIX[o.field.name]).map((o) => o.field.name);
    // These always succeed in the matrix run (also on a database reused from an earlier run).
    for (const op of ['devLogin', 'addSchoolDayOff', 'publishPolicyVersion', 'setNotificationPreference', 'revokeCalendarFeed']) {
      expect(audited).toContain(op);
    }
    // A mutation that answered without error left an entry: re-run one per mutation as admin and compare counts.
    const admin = await as('ADMIN');
    for (const op of mutations) {
      const field = operations.find((o) => o.field.name === op)?.field as IntroField;
      const before: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE event_key LIKE 'api:%' AND details->>'operation' = $1`, [op]);
      const { query, variables } = buildCall('mutation', field, 'ADMIN');
      const r = await (MATRIX[op].endsSession ? await freshLogin('ADMIN') : admin).request(query, variables);
      const after: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE event_key LIKE 'api:%' AND details->>'operation' = $1`, [op]);
      expect({ op, written: after[0].n - before[0].n }).toEqual({ op, written: r.errors?.length ? 0 : 1 });
    }
    const entries: { actor_name: string; details: Record<string, unknown>; description: string }[] = await ds.query(
      `SELECT actor_name, details, description FROM audit_entry WHERE event_key LIKE 'api:%' AND at >= $1`, [testStart],
    );
    for (const e of entries) {
      expect(e.actor_name === null || Object.keys(ROLE_EMAIL).includes(e.actor_name)).toBe(true);
      expect(JSON.stringify(e.details)).not.toMatch(/Matrixtest|@/);
    }
    const zc = await as('ZORGCOORDINATOR');
    const audit = await zc.ok<{ caseAudit: { action: string; source: string }[] }>(`query($c: ID!) { caseAudit(caseId: $c) { action source } }`, { c: ctx.zorgrouteCase });
    expect(audit.caseAudit.some((a) => a.source === 'API' && a.action === 'API_START_ZORGROUTE')).toBe(true);
    expect(audit.caseAudit.some((a) => a.source === 'WORKFLOW')).toBe(true);
  }, 300_000);

  it('detects a tampered audit entry (verifyAuditChain)', async () => {
    const admin = await as('ADMIN');
    const q = `query { verifyAuditChain { ok checked brokenAt reason message } }`;
    const before = await admin.ok<{ verifyAuditChain: { ok: boolean; checked: number } }>(q);
    expect(before.verifyAuditChain.ok).toBe(true);
    const [target]: { id: string; reason: string | null }[] = await ds.query(`SELECT id, reason FROM audit_entry WHERE event_key LIKE 'api:%' AND at >= $1 ORDER BY id LIMIT 1`, [testStart]);
    // Only the owner role can switch the trigger off (the api's own role may not: docs/operations.md "Database roles").
    const owner = createDataSource((process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL) as string, { logging: false });
    await owner.initialize();
    try {
      await owner.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update');
      try {
        await owner.query(`UPDATE audit_entry SET reason = 'vervalst' WHERE id = $1`, [target.id]);
      } finally {
        await owner.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update');
      }
      try {
        const after = await admin.ok<{ verifyAuditChain: { ok: boolean; brokenAt: string; reason: string; message: string } }>(q);
        expect(after.verifyAuditChain).toEqual(expect.objectContaining({ ok: false, brokenAt: target.id, reason: 'CONTENT_MISMATCH' }));
        expect(after.verifyAuditChain.message).toContain(`registratie ${target.id}`);
      } finally {
        await owner.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update');
        try {
          await owner.query(`UPDATE audit_entry SET reason = $2 WHERE id = $1`, [target.id, target.reason]);
        } finally {
          await owner.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update');
        }
      }
    } finally {
      await owner.destroy();
    }
    expect((await admin.ok<{ verifyAuditChain: { ok: boolean } }>(q)).verifyAuditChain.ok).toBe(true);
  }, 120_000);

  it('refuses bad input for every mutation with BAD_USER_INPUT and writes nothing', async () => {
    const admin = await as('ADMIN');
    const counts = async () => (await ds.query(`SELECT (SELECT count(*) FROM audit_entry)::int AS a, (SELECT count(*) FROM case_summary)::int AS c`))[0] as { a: number; c: number };
    const failures: string[] = [];
    for (const { field } of operations.filter((o) => o.kind === 'mutation' && MATRIX[o.field.name])) {
      const { query, variables } = buildCall('mutation', field, 'ADMIN');
      const corrupted = corrupt(variables);
      if (!corrupted) continue; // no argument to corrupt (regenerateCalendarFeed, revokeCalendarFeed)
      const before = await counts();
      const r = await admin.request(query, corrupted.variables);
      const after = await counts();
      if (codeOf(r) !== 'BAD_USER_INPUT') failures.push(`${field.name} (${corrupted.what}): got ${codeOf(r) ?? 'data'}`);
      if (after.a !== before.a || after.c !== before.c) failures.push(`${field.name}: something was written`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('rejects impossible dates, oversized text and malformed identifiers, and limits query depth and size', async () => {
    const admin = await as('ADMIN');
    const intake = `mutation($c: ID!, $i: RecordIntakeInput!) { recordIntake(caseId: $c, input: $i) { id } }`;
    expect(codeOf(await admin.request(intake, { c: ctx.p1Case, i: { intakeDate: '2026-02-30', goal: 'Ik wil plannen' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await admin.request(intake, { c: ctx.p1Case, i: { intakeDate: today(), goal: 'x'.repeat(20_000) } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await admin.request(intake, { c: "x' OR 1=1 --", i: { intakeDate: today(), goal: 'Ik wil plannen' } }))).toBe('BAD_USER_INPUT');
    const fragments = `query { me { ...A } } fragment A on User { id name email role schoolId schoolName }`;
    expect(codeOf(await admin.request(fragments))).toBeNull();
    // 1050 fields in 1352 tokens: under the token limit, over the field limit.
    const wide = `query { ${Array.from({ length: 150 }, () => 'me { id name email role schoolId schoolName }').join(' ')} }`;
    const tooWide = await admin.request(wide);
    expect(codeOf(tooWide)).toBe('QUERY_TOO_COMPLEX');
    expect(tooWide.errors?.[0].message).toMatch(/te veel velden/);
  }, 60_000);

  it('rate-limits devLogin per e-mail address with RATE_LIMITED', async () => {
    // The matrix's public login calls (e-mail codes, invitations) counted against this IP address: move the limiter's
    // clock past its window, so this test starts from an empty window.
    const limiter = app.get(LoginRateLimiter);
    const at = Date.now() + 10 * 60_000;
    limiter.now = () => at;
    const client = new GraphQLTestClient(url);
    const login = `mutation($e: String!) { devLogin(email: $e) { token } }`;
    const codes: (string | null)[] = [];
    for (let i = 0; i < 12; i++) codes.push(codeOf(await client.request(login, { e: 'onbekend.adres@voorbeeldmail.example' })));
    expect(codes.slice(0, 10).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    const limited = await client.request(login, { e: 'onbekend.adres@voorbeeldmail.example' });
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(limited.errors?.[0].message).toMatch(/Te veel inlogpogingen/);
    expect(limited.errors?.[0].extensions?.messageEn).toMatch(/Too many/);
  }, 60_000);
});

/** One invalid value in the arguments: the first ID-like, date or text leaf (depth first). */
function corrupt(variables: Record<string, unknown>): { variables: Record<string, unknown>; what: string } | null {
  const copy = JSON.parse(JSON.stringify(variables)) as Record<string, unknown>;
  const visit = (obj: Record<string, unknown>, path: string): string | null => {
    for (const [k, v] of Object.entries(obj)) {
      const p = path ? `${path}.${k}` : k;
      if (typeof v === 'string') {
        if (/^\d{4}-\d{2}-\d{2}$/.test(v)) obj[k] = '2026-02-30';
        else if (/(^id$|Id$)/.test(k)) obj[k] = 'geen id; DROP TABLE pupil';
        else obj[k] = 'x'.repeat(12_000);
        return p;
      }
      if (Array.isArray(v) && typeof v[0] === 'string') {
        obj[k] = Array.from({ length: 150 }, () => v[0]);
        return p;
      }
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const inner = visit(v as Record<string, unknown>, p);
        if (inner) return inner;
      }
    }
    return null;
  };
  const what = visit(copy, '');
  return what ? { variables: copy, what } : null;
}
