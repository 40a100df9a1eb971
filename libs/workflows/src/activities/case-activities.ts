import { In, type DataSource } from 'typeorm';
import {
  AuditTrailRepository,
  CaseReadModelRepository,
  CaseSummaryEntity,
  ConsentRecordRepository,
  PupilEntity,
  NO_OVERRIDES_POLICY_LABEL,
  PolicyVersionRepository,
  PupilGuardianEntity,
  Role,
  SchoolDayOffRepository,
  SchoolEntity,
  UserEntity,
  requiredConsentGivers,
  LoginInvitationRepository,
  MeetingRepository,
  loginInvitationTtlDaysFromEnv,
  loginInvitationUrl,
} from '@zorgroute/domain';
import { birthdayOfAge, toIsoDate } from '@zorgroute/domain/logic';
import type { DeliveryRequest, NotificationDeliveryService } from '@zorgroute/notifications';
import type { CaseActivities, CaseContext, NotifyRequest, NotifyResult, RecipientSpec, RecordConsentResult } from './case-activities.types';
import { meetingCalendarId } from '../workflows/common/meetings';
import { deliverToRecipients } from './notify-recipients';

export interface CaseActivityDeps {
  dataSource: DataSource;
  delivery: NotificationDeliveryService;
  /** Base URL of the web app, for deep links in messages. */
  appUrl: string;
  /** Makes sure a school's daily digest run exists (default: started through the worker's client). */
  ensureDigestRun?: (schoolId: string) => Promise<void>;
  /** How long the login invitation in a consent request works (default LOGIN_INVITATION_TTL_DAYS, 14). */
  invitationTtlDays?: number;
}

/** A login invitation that goes with one message to one recipient. */
interface MessageInvitation {
  url: string;
  /** The last day it works (Amsterdam). */
  expiresOn: string;
}

/**
 * Version label of a case whose SWV and school have published no policy versions (the built-in defaults). With
 * versions the label names them, e.g. `swv:3/school:5` (see `policyVersionLabel`).
 */
export const DEFAULT_POLICY_VERSION = NO_OVERRIDES_POLICY_LABEL;

export function caseUrl(appUrl: string, caseId: string): string {
  return `${appUrl.replace(/\/$/, '')}/cases/${encodeURIComponent(caseId)}`;
}

/** The activities of every case workflow, bound to their dependencies. */
export function createCaseActivities(deps: CaseActivityDeps): CaseActivities {
  const { dataSource } = deps;
  const readModel = new CaseReadModelRepository(dataSource);
  const audit = new AuditTrailRepository(dataSource);
  const policyVersions = new PolicyVersionRepository(dataSource);
  const daysOff = new SchoolDayOffRepository(dataSource);
  const consents = new ConsentRecordRepository(dataSource);
  const invitations = new LoginInvitationRepository(dataSource);
  const meetings = new MeetingRepository(dataSource);
  const invitationTtlDays = deps.invitationTtlDays ?? loginInvitationTtlDaysFromEnv();

  /**
   * Custody and logins (issue 13): a consent request to a parent/guardian (or pupil) who has no login yet carries an
   * invitation — a single-use link that leads to the request after the login is made. One invitation per message and
   * recipient (keyed by the delivery key); a retry before the message went out gives it a new token (only its hash is
   * stored, so the old one could not be put in the e-mail again), a message already sent gets none.
   */
  async function invitationsFor(req: NotifyRequest, users: UserEntity[]): Promise<Map<string, MessageInvitation>> {
    const out = new Map<string, MessageInvitation>();
    if (req.kind !== 'CONSENT_REQUESTED') return out;
    for (const user of users) {
      if ((user.role !== Role.PARENT && user.role !== Role.PUPIL) || user.loginActivatedAt) continue;
      const key = `${req.key}:${user.id}`;
      if ((await deps.delivery.findByKey(key))?.status === 'SENT') continue;
      const issued = await invitations.issue({ userId: user.id, source: 'CONSENT_REQUEST', sourceKey: key, returnPath: `/cases/${encodeURIComponent(req.caseId)}`, ttlDays: invitationTtlDays });
      if (!issued) continue;
      out.set(user.id, { url: loginInvitationUrl(deps.appUrl, issued.token), expiresOn: toIsoDate(issued.invitation.expiresAt.getTime() - 1000) });
      await audit.append({
        eventKey: `invitation:${issued.invitation.id}`,
        caseId: null,
        at: new Date().toISOString(),
        actorId: null,
        actorName: 'Zorgroute',
        action: 'LOGIN_INVITATION_SENT',
        description: 'Uitnodiging om in te loggen verstuurd met een toestemmingsverzoek',
        details: { operation: 'loginInvitation', caseId: req.caseId, userId: user.id, invitationId: issued.invitation.id, source: 'CONSENT_REQUEST' },
        reason: null,
      });
    }
    return out;
  }

  /** Whether the case is kept from the pupil's parents (the read model's flag, written by the workflow). */
  async function hiddenFromParents(caseId: string): Promise<boolean> {
    const row = await dataSource.getRepository(CaseSummaryEntity).findOne({ where: { id: caseId }, select: { id: true, hiddenFromParents: true } });
    return row?.hiddenFromParents === true;
  }

  async function resolveRecipients(spec: RecipientSpec): Promise<UserEntity[]> {
    const ids = new Set(spec.userIds ?? []);
    if (spec.parentsOfPupil) {
      const links = await dataSource.getRepository(PupilGuardianEntity).findBy({ pupilId: spec.parentsOfPupil });
      links.forEach((l) => ids.add(l.userId));
    }
    if (spec.swvLoketOfSchool) {
      const loket = await dataSource
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .where('u.role = :role', { role: Role.SWV_MEDEWERKER })
        .andWhere('u.swv_id IN (SELECT s.swv_id FROM school s WHERE s.id = :schoolId)', { schoolId: spec.swvLoketOfSchool })
        .getMany();
      loket.forEach((u) => ids.add(u.id));
    }
    if (spec.mentorOfPupil) {
      const pupil = await dataSource.getRepository(PupilEntity).findOneBy({ id: spec.mentorOfPupil });
      if (pupil?.mentorId) ids.add(pupil.mentorId);
    }
    if (spec.pupilAccountOf) {
      const accounts = await dataSource.getRepository(UserEntity).findBy({ pupilId: spec.pupilAccountOf, role: Role.PUPIL });
      accounts.forEach((u) => ids.add(u.id));
    }
    if (!ids.size) return [];
    return dataSource.getRepository(UserEntity).findBy({ id: In([...ids]) });
  }

  return {
    async loadCaseContext({ schoolId, pupilId }): Promise<CaseContext> {
      const school = await dataSource.getRepository(SchoolEntity).findOneBy({ id: schoolId });
      if (!school) throw new Error(`school ${schoolId} not found`);
      const pupil = pupilId ? await dataSource.getRepository(PupilEntity).findOneBy({ id: pupilId }) : null;
      const [zc, effective, calendar, zatMeetingDates] = await Promise.all([
        dataSource.getRepository(UserEntity).findOne({
          where: { schoolId, role: Role.ZORGCOORDINATOR },
          order: { createdAt: 'ASC' },
        }),
        // defaults ← latest SWV version ← latest school version, snapshotted into the case with its label.
        policyVersions.effectiveForSchool(school),
        // Regional holidays (bundled and imported school years) and the school's own days off.
        daysOff.calendarFor(school),
        // The school's ZAT calendar: its ZAT meetings (the Overleggen screen, issue 17.8), the one source of the dates.
        meetings.zatDatesFor(school.id),
      ]);
      return {
        calendar,
        policies: { ...effective.policies, zorgroute: { ...effective.policies.zorgroute, zatMeetingDates } },
        policyVersion: effective.label,
        schoolName: school.name,
        zorgcoordinatorId: zc?.id ?? null,
        // Only the date the pupil turns 16, not the date of birth itself (rule 2 needs no more).
        ...(pupilId ? { pupilSixteenOn: pupil?.dateOfBirth ? birthdayOfAge(pupil.dateOfBirth, 16) : null } : {}),
      };
    },

    async recordCase({ snapshot, audit: entry }): Promise<void> {
      await dataSource.transaction(async (m) => {
        await readModel.upsert(snapshot, m);
        if (entry) await audit.append({ ...entry, caseId: snapshot.caseId }, m);
      });
    },

    async recordConsent({ record }): Promise<RecordConsentResult | void> {
      // A new request to the parents: who must answer is decided now, from the pupil's custody (parents who disagree),
      // and stays with the request.
      if (record.version === 1 && record.status === 'PENDING' && record.parentsOfPupil && record.requiredGiverIds === undefined) {
        return dataSource.transaction(async (m) => {
          const requiredGiverIds = await requiredConsentGivers(m, record.pupilId);
          await consents.upsert({ ...record, requiredGiverIds, answers: requiredGiverIds.length ? [] : null }, m);
          return { requiredGiverIds };
        });
      }
      await consents.upsert(record);
    },

    async notify(req: NotifyRequest): Promise<NotifyResult> {
      const [resolved, hidden, school, pupil, owner] = await Promise.all([
        resolveRecipients(req.recipients),
        hiddenFromParents(req.caseId),
        dataSource.getRepository(SchoolEntity).findOneBy({ id: req.schoolId }),
        dataSource.getRepository(PupilEntity).findOneBy({ id: req.pupilId }),
        req.ownerUserId ? dataSource.getRepository(UserEntity).findOneBy({ id: req.ownerUserId }) : Promise.resolve(null),
      ]);
      // The safety exception (PROCESSES.md rule 3): no message about a case kept from the parents goes to a parent,
      // whoever asked for it (a consent request, an invitation, a close, an admin's resend). Checked at send time, so it
      // also holds for messages requested before the exception was approved.
      const users = hidden ? resolved.filter((u) => u.role !== Role.PARENT) : resolved;
      const invited = await invitationsFor(req, users);
      // Digest routing, every recipient tried, heartbeats and retryable vs non-retryable failures: notify-recipients.ts.
      const result = await deliverToRecipients(deps, req, users, (user) =>
        buildDeliveryRequest(req, user, {
          schoolName: school?.name ?? '',
          pupilFirstName: pupil?.firstName ?? '',
          ownerName: owner?.name ?? '',
          caseUrl: caseUrl(deps.appUrl, req.caseId),
          invitation: invited.get(user.id),
        }),
      );
      return resolved.length > users.length ? { ...result, withheldFromParents: resolved.length - users.length } : result;
    },
  };
}

interface MessageContext {
  schoolName: string;
  pupilFirstName: string;
  ownerName: string;
  caseUrl: string;
  /** A consent request to someone without a login: the link is this invitation instead of the case page. */
  invitation?: MessageInvitation;
}

/** The UID source of a meeting's calendar entry (pure, shared with the workflows). */
export { meetingCalendarId };

/** Maps a workflow's notify request for one recipient to the typed message of its kind. */
export function buildDeliveryRequest(req: NotifyRequest, user: Pick<UserEntity, 'id' | 'email' | 'name'> & { role?: string }, ctx: MessageContext): DeliveryRequest {
  const base = {
    key: `${req.key}:${user.id}`,
    caseId: req.caseId,
    recipient: { userId: user.id, email: user.email, name: user.name },
  };
  const common = { schoolName: ctx.schoolName, stepLabel: req.stepLabel ?? '', dueDate: req.dueDate ?? '', caseUrl: ctx.caseUrl };
  const offset = req.offsetSchoolDays ?? 0;
  const overdue = Math.max(0, offset);
  switch (req.kind) {
    case 'STEP_ASSIGNED':
      return { ...base, kind: 'STEP_ASSIGNED', data: { ...common, pupilFirstName: ctx.pupilFirstName } };
    case 'STEP_REMINDER':
      if (offset < 0) return { ...base, kind: 'STEP_REMINDER', data: { ...common, rung: 'BEFORE_DUE', schoolDaysUntilDue: -offset } };
      if (offset === 0) return { ...base, kind: 'STEP_REMINDER', data: { ...common, rung: 'ON_DUE' } };
      return { ...base, kind: 'STEP_REMINDER', data: { ...common, rung: 'OVERDUE', daysOverdue: overdue } };
    case 'STEP_ESCALATION':
      return { ...base, kind: 'STEP_ESCALATION', data: { ...common, daysOverdue: overdue, ownerName: ctx.ownerName, pupilFirstName: ctx.pupilFirstName } };
    case 'CASE_STUCK':
      return { ...base, kind: 'CASE_STUCK', data: { ...common, daysOverdue: overdue || undefined, ownerName: ctx.ownerName, pupilFirstName: ctx.pupilFirstName } };
    case 'CASE_STARTED':
      return { ...base, kind: 'CASE_STARTED', data: { ...common, pupilFirstName: ctx.pupilFirstName, ownerName: ctx.ownerName } };
    case 'CONSENT_REQUESTED': {
      // A pupil of 16+ who decides himself gets the request written for him ("je"); parents formally. Without a login
      // the link is an invitation that leads to the request once the login is made.
      const invitation = ctx.invitation ? { caseUrl: ctx.invitation.url, invitationExpiresOn: ctx.invitation.expiresOn } : {};
      return { ...base, kind: 'CONSENT_REQUESTED', data: { ...common, ...invitation, pupilFirstName: ctx.pupilFirstName, ownerName: ctx.ownerName, audience: user.role === Role.PUPIL ? 'PUPIL' : 'PARENT' } };
    }
    case 'DOCUMENT_REQUESTED':
      // What is asked and until when; a reminder (a ladder rung) says so. Never why, nor what the school knows.
      return { ...base, kind: 'DOCUMENT_REQUESTED', data: { ...common, pupilFirstName: ctx.pupilFirstName, ownerName: ctx.ownerName || undefined, reminder: req.rung ? true : undefined } };

    case 'ZORGPLICHT_TERMIJN': {
      const z = req.zorgplicht;
      if (!z) throw new Error('ZORGPLICHT_TERMIJN needs its zorgplicht data');
      const days = z.calendarDays && z.calendarDays > 0 ? z.calendarDays : undefined;
      return { ...base, kind: 'ZORGPLICHT_TERMIJN', data: { ...common, signal: z.signal, receivedOn: z.receivedOn, extended: z.extended, calendarDays: days, pupilFirstName: ctx.pupilFirstName } };
    }
    case 'TRAJECT_PARENT_UPDATE':
      if (!req.moment) throw new Error('TRAJECT_PARENT_UPDATE needs its moment');
      return { ...base, kind: 'TRAJECT_PARENT_UPDATE', data: { ...common, moment: req.moment, pupilFirstName: ctx.pupilFirstName, ownerName: ctx.ownerName || undefined } };
    case 'TRAJECT_OUTCOME':
      if (!req.outcome) throw new Error('TRAJECT_OUTCOME needs its outcome');
      return { ...base, kind: 'TRAJECT_OUTCOME', data: { ...common, outcome: req.outcome, pupilFirstName: ctx.pupilFirstName, ownerName: ctx.ownerName || undefined } };
    case 'CASE_CLOSED':
      if (!req.process) throw new Error('CASE_CLOSED needs its process');
      return { ...base, kind: 'CASE_CLOSED', data: { ...common, process: req.process, pupilFirstName: ctx.pupilFirstName } };
    case 'MEETING_INVITATION':
    case 'MEETING_CANCELLED':
    case 'MEETING_AGENDA': {
      const m = req.meeting;
      if (!m) throw new Error(`${req.kind} needs its meeting`);
      const meeting = { ...common, dueDate: m.date, meeting: m.kind, meetingTime: m.time ?? undefined, mode: m.mode ?? undefined, location: m.location ?? undefined, pupilFirstName: ctx.pupilFirstName };
      if (req.kind === 'MEETING_AGENDA') return { ...base, kind: 'MEETING_AGENDA', data: meeting };
      // Each recipient gets the invitation written for him: parents formally, the pupil and staff with "je".
      const audience = user.role === Role.PARENT ? 'PARENT' : user.role === Role.PUPIL ? 'PUPIL' : 'STAFF';
      return { ...base, kind: req.kind, data: { ...meeting, audience, calendarId: meetingCalendarId(req) } };
    }
    case 'REFERRAL_RETURNED':
      return { ...base, kind: 'REFERRAL_RETURNED', data: { ...common, pupilFirstName: ctx.pupilFirstName, missingParts: req.missingParts?.length ? req.missingParts : undefined } };
    case 'SESSION_REMINDER':
      if (!req.sessionTime) throw new Error('SESSION_REMINDER needs its session time');
      // The coach and the pupil each get the reminder written for them ("je" for both).
      return { ...base, kind: 'SESSION_REMINDER', data: { ...common, sessionTime: req.sessionTime, audience: user.role === Role.PUPIL ? 'PUPIL' : 'STAFF', pupilFirstName: ctx.pupilFirstName } };
    case 'LETTER_AVAILABLE': {
      const doc = req.document;
      if (!doc) throw new Error('LETTER_AVAILABLE needs its document');
      // The link opens the letter in the portal (after login); the e-mail never carries the letter.
      const documentUrl = `${ctx.caseUrl}/documents/${encodeURIComponent(doc.id)}`;
      return { ...base, kind: 'LETTER_AVAILABLE', data: { ...common, caseUrl: documentUrl, letter: doc.letter, pupilFirstName: ctx.pupilFirstName } };
    }
  }
}
