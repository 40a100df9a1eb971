import { In, type DataSource } from 'typeorm';
import {
  AuditTrailRepository,
  CaseReadModelRepository,
  PupilEntity,
  PupilGuardianEntity,
  Role,
  SchoolEntity,
  UserEntity,
} from '@zorgroute/domain';
import { buildSchoolCalendar, resolvePolicies } from '@zorgroute/domain/logic';
import type { DeliveryRequest, NotificationDeliveryService } from '@zorgroute/notifications';
import type { CaseActivities, CaseContext, NotifyRequest, NotifyResult, RecipientSpec } from './case-activities.types';

export interface CaseActivityDeps {
  dataSource: DataSource;
  delivery: NotificationDeliveryService;
  /** Base URL of the web app, for deep links in messages. */
  appUrl: string;
}

/** Version label of the built-in default policies (per-SWV/school versions come from the policy store). */
export const DEFAULT_POLICY_VERSION = 'standaard-2026.1';

export function caseUrl(appUrl: string, caseId: string): string {
  return `${appUrl.replace(/\/$/, '')}/cases/${encodeURIComponent(caseId)}`;
}

/** The activities of every case workflow, bound to their dependencies. */
export function createCaseActivities(deps: CaseActivityDeps): CaseActivities {
  const { dataSource, delivery } = deps;
  const readModel = new CaseReadModelRepository(dataSource);
  const audit = new AuditTrailRepository(dataSource);

  async function resolveRecipients(spec: RecipientSpec): Promise<UserEntity[]> {
    const ids = new Set(spec.userIds ?? []);
    if (spec.parentsOfPupil) {
      const links = await dataSource.getRepository(PupilGuardianEntity).findBy({ pupilId: spec.parentsOfPupil });
      links.forEach((l) => ids.add(l.userId));
    }
    if (!ids.size) return [];
    return dataSource.getRepository(UserEntity).findBy({ id: In([...ids]) });
  }

  return {
    async loadCaseContext({ schoolId }): Promise<CaseContext> {
      const school = await dataSource.getRepository(SchoolEntity).findOneBy({ id: schoolId });
      if (!school) throw new Error(`school ${schoolId} not found`);
      const zc = await dataSource.getRepository(UserEntity).findOne({
        where: { schoolId, role: Role.ZORGCOORDINATOR },
        order: { createdAt: 'ASC' },
      });
      return {
        calendar: buildSchoolCalendar(school.region),
        policies: resolvePolicies(),
        policyVersion: DEFAULT_POLICY_VERSION,
        schoolName: school.name,
        zorgcoordinatorId: zc?.id ?? null,
      };
    },

    async recordCase({ snapshot, audit: entry }): Promise<void> {
      await dataSource.transaction(async (m) => {
        await readModel.upsert(snapshot, m);
        if (entry) await audit.append({ ...entry, caseId: snapshot.caseId }, m);
      });
    },

    async notify(req: NotifyRequest): Promise<NotifyResult> {
      const [users, school, pupil, owner] = await Promise.all([
        resolveRecipients(req.recipients),
        dataSource.getRepository(SchoolEntity).findOneBy({ id: req.schoolId }),
        dataSource.getRepository(PupilEntity).findOneBy({ id: req.pupilId }),
        req.ownerUserId ? dataSource.getRepository(UserEntity).findOneBy({ id: req.ownerUserId }) : Promise.resolve(null),
      ]);
      const result: NotifyResult = { sent: 0, alreadySent: 0, skipped: 0 };
      for (const user of users) {
        if (!user.email) {
          result.skipped += 1;
          continue;
        }
        const r = await delivery.deliver(
          buildDeliveryRequest(req, user, {
            schoolName: school?.name ?? '',
            pupilFirstName: pupil?.firstName ?? '',
            ownerName: owner?.name ?? '',
            caseUrl: caseUrl(deps.appUrl, req.caseId),
          }),
        );
        if (r.status === 'SENT') result.sent += 1;
        else result.alreadySent += 1;
      }
      return result;
    },
  };
}

interface MessageContext {
  schoolName: string;
  pupilFirstName: string;
  ownerName: string;
  caseUrl: string;
}

/** Maps a workflow's notify request for one recipient to the typed message of its kind. */
export function buildDeliveryRequest(req: NotifyRequest, user: Pick<UserEntity, 'id' | 'email' | 'name'>, ctx: MessageContext): DeliveryRequest {
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
      return { ...base, kind: 'CASE_STUCK', data: { ...common, daysOverdue: overdue, ownerName: ctx.ownerName, pupilFirstName: ctx.pupilFirstName } };
    case 'CASE_STARTED':
      return { ...base, kind: 'CASE_STARTED', data: { ...common, pupilFirstName: ctx.pupilFirstName, ownerName: ctx.ownerName } };
    case 'CONSENT_REQUESTED':
      return { ...base, kind: 'CONSENT_REQUESTED', data: { ...common, pupilFirstName: ctx.pupilFirstName, ownerName: ctx.ownerName } };
  }
}
