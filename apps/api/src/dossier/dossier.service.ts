import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import {
  AuditEntryEntity,
  CaseDocumentEntity,
  CaseSummaryEntity,
  ConsentRecordEntity,
  NotificationDeliveryEntity,
  PupilEntity,
  Role,
  SchoolEntity,
  UserEntity,
} from '@zorgroute/domain';
import { ageOn, toIsoDate } from '@zorgroute/domain/logic';
import { AccessPolicy } from '../access/access-policy';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { statusLabel, stepLabel } from '../cases/labels';
import { inTimelineOrder } from '../cases/timeline-order';
import { AppError } from '../common/app-error';
import type { DossierCase, DossierExport, DossierFormat } from './dossier.types';

export const PROCESS_LABELS: Record<string, string> = {
  ONDERSTEUNINGSTRAJECT: 'Ondersteuningstraject',
  ZORGROUTE: 'Zorgroute (IZO/ZAT)',
  JOS: 'Jongerenondersteuning op school (JOS)',
  ZORGPLICHT: 'Aanmelding en zorgplicht',
  OOV: 'Onderwijs-op-maat-voorziening (OOV)',
  OVERDRACHT: 'Overdracht PO→VO',
  OPP: 'Ontwikkelingsperspectiefplan (OPP)',
};

/**
 * Who may export a pupil's complete dossier (AVG art. 15, right of access; docs/security.md "Dossier export"):
 * - the zorgcoördinator of the pupil's school (the school answers access requests; cases of the own school);
 * - a parent of his own child while the child is under 16 (UAVG art. 5: a parent exercises the child's rights until
 *   16; from 16 the pupil decides on his own data — PROCESSES.md rule 2);
 * - the pupil himself from 16;
 * - the platform admin, with a reason.
 * The JSON (machine-readable, with ids) is for the school only, with a reason; the family reads the PDF.
 * Everyone else is refused: the SWV (it holds what schools submit in its own records and sees no pupils here, so the
 * pupil is invisible: NOT_FOUND), teamleider, mentor, coach and JOS worker (they see parts of cases for their work;
 * inzage goes through the zorgcoördinator). An invisible pupil answers NOT_FOUND, a visible one FORBIDDEN.
 */
@Injectable()
export class DossierService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
  ) {}

  /** The pupil as the caller may export him in this format; NOT_FOUND / FORBIDDEN / BAD_USER_INPUT otherwise. */
  async authorise(user: AuthUser, pupilId: string, reason: string | undefined, format: DossierFormat = 'pdf'): Promise<PupilEntity> {
    const pupil = await this.visiblePupil(user, pupilId);
    const refusal = this.refusal(user, pupil, format);
    if (refusal) throw refusal;
    if (this.reasonRequired(user, format) && !reason?.trim()) {
      throw new AppError('BAD_USER_INPUT', 'Ongeldige invoer: geef een reden op voor deze export (die komt in het auditlog)', 'Invalid input: give a reason for this export (it is written to the audit trail)');
    }
    return pupil;
  }

  /**
   * What the caller may export of this pupil, for the UI to offer exactly that (issue 17.3): the formats, which of them
   * need a reason, and otherwise why not (Dutch). NOT_FOUND for a pupil the caller does not see.
   */
  async exportOptions(user: AuthUser, pupilId: string): Promise<{ formats: DossierFormat[]; reasonRequired: DossierFormat[]; refusal: string | null }> {
    const pupil = await this.visiblePupil(user, pupilId);
    const formats = (['pdf', 'json'] as const).filter((f) => !this.refusal(user, pupil, f));
    const refusal = formats.length ? null : (this.refusal(user, pupil, 'pdf')?.message ?? null);
    return { formats, reasonRequired: formats.filter((f) => this.reasonRequired(user, f)), refusal };
  }

  private async visiblePupil(user: AuthUser, pupilId: string): Promise<PupilEntity> {
    const qb = this.dataSource.getRepository(PupilEntity).createQueryBuilder('p').where('p.id = :pupilId', { pupilId });
    const pupil = await this.access.scopePupils(qb, user, 'p').getOne();
    if (!pupil) throw AppError.notFound('Leerling', 'Pupil');
    return pupil;
  }

  /**
   * The machine-readable JSON is the school's (the zorgcoördinator answers an access request, the admin administers),
   * always with a reason; the family gets the readable PDF.
   */
  private reasonRequired(user: AuthUser, format: DossierFormat): boolean {
    return user.role === Role.ADMIN || (format === 'json' && user.role === Role.ZORGCOORDINATOR);
  }

  /** Why the caller may not export this pupil in this format, or null when he may. */
  private refusal(user: AuthUser, pupil: PupilEntity, format: DossierFormat): AppError | null {
    const byRole = this.roleRefusal(user, pupil);
    if (byRole) return byRole;
    if ((user.role === Role.PARENT || user.role === Role.PUPIL) && format === 'json') {
      return new AppError('FORBIDDEN', 'Het dossier is voor u beschikbaar als PDF', 'The dossier is available to you as a PDF');
    }
    return null;
  }

  /** Whether the caller may export this pupil's dossier at all (the age rules of PROCESSES.md rule 2). */
  private roleRefusal(user: AuthUser, pupil: PupilEntity): AppError | null {
    const age = ageOn(pupil.dateOfBirth, toIsoDate(Date.now()));
    switch (user.role) {
      case Role.ADMIN:
        return null;
      case Role.ZORGCOORDINATOR:
        return pupil.schoolId === user.schoolId ? null : AppError.forbidden();
      case Role.PARENT:
        return age >= 16 ? new AppError('FORBIDDEN', 'Uw kind is 16 jaar of ouder en vraagt zelf inzage in zijn dossier', 'Your child is 16 or older and requests access to his own dossier') : null;
      case Role.PUPIL:
        if (pupil.id !== user.pupilId) return AppError.forbidden();
        return age < 16 ? new AppError('FORBIDDEN', 'Tot je 16e vragen je ouders inzage in je dossier aan', 'Until the age of 16 your parents request access to your dossier') : null;
      default:
        return AppError.forbidden();
    }
  }

  /**
   * Everything Zorgroute holds on the pupil that the caller may see: the cases through the AudiencePolicy's scope (a
   * case kept from the parents is left out entirely for a parent), and of each case only the caller's share — the
   * process data, timeline, consents, letters and messages his audience may see (never the raw read model).
   */
  async build(user: AuthUser, pupil: PupilEntity, now = new Date()): Promise<DossierExport> {
    const ds = this.dataSource;
    const school = await ds.getRepository(SchoolEntity).findOneByOrFail({ id: pupil.schoolId });
    const mentor = pupil.mentorId ? await ds.getRepository(UserEntity).findOneBy({ id: pupil.mentorId }) : null;
    const guardians: { user_id: string; name: string; email: string; relation: string }[] = await ds.query(
      `SELECT g.user_id, u.name, u.email, g.relation FROM pupil_guardian g JOIN app_user u ON u.id = g.user_id WHERE g.pupil_id = $1 ORDER BY u.name`,
      [pupil.id],
    );
    const qb = ds.getRepository(CaseSummaryEntity).createQueryBuilder('c').innerJoin(PupilEntity, 'p', 'p.id = c.pupil_id').where('c.pupil_id = :pupilId', { pupilId: pupil.id });
    const rows = await this.audience.scopeCases(qb, user, 'c', 'p').orderBy('c.started_at', 'ASC').addOrderBy('c.id', 'ASC').getMany();
    const caseIds = rows.map((r) => r.id);

    const [audit, consents, documents, deliveries] = caseIds.length
      ? await Promise.all([
        ds.getRepository(AuditEntryEntity).createQueryBuilder('a')
          .where(`(a.case_id IN (:...caseIds) OR a.details->>'caseId' IN (:...caseIds))`, { caseIds })
          .orderBy('a.id', 'ASC').getMany().then(inTimelineOrder),
        ds.getRepository(ConsentRecordEntity).find({ where: { caseId: In(caseIds) }, order: { requestedAt: 'ASC' } }),
        ds.getRepository(CaseDocumentEntity).find({
          where: { caseId: In(caseIds) }, order: { createdAt: 'ASC' },
          select: { id: true, caseId: true, kind: true, fileName: true, contentType: true, sizeBytes: true, sha256: true, createdAt: true, audiences: true },
        }),
        ds.getRepository(NotificationDeliveryEntity).find({ where: { caseId: In(caseIds) }, order: { createdAt: 'ASC' } }),
      ])
      : [[], [], [], []];

    const userIds = new Set<string>();
    for (const c of consents) for (const id of [c.giverUserId, c.withdrawnByUserId]) if (id) userIds.add(id);
    for (const d of deliveries) if (d.recipientUserId) userIds.add(d.recipientUserId);
    const users = userIds.size ? await ds.getRepository(UserEntity).findBy({ id: In([...userIds]) }) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    const caseOf = (a: AuditEntryEntity): string | null => a.caseId ?? (typeof a.details?.caseId === 'string' ? a.details.caseId : null);
    // The family's export lists the messages sent to the family itself; the delivery log is the school's.
    const deliveryLog = this.audience.mayReadDeliveryLog(user);
    const FAMILY_ROLES: string[] = [Role.PARENT, Role.PUPIL];

    const shares = await Promise.all(rows.map((r) => this.audience.caseDataWithLinks(user, r.process, r.data)));
    const cases: DossierCase[] = rows.map((r, i) => {
      const data = shares[i];
      const timeline = this.audience.timeline(
        user,
        r.process,
        audit.filter((a) => caseOf(a) === r.id).map((a) => ({ id: a.id, at: a.at, kind: a.action, actorName: a.actorName, description: a.description, reason: a.reason })),
      );
      return {
        id: r.id,
        process: r.process,
        processLabel: PROCESS_LABELS[r.process] ?? r.process,
        status: r.status,
        statusLabel: statusLabel(r.status),
        outcome: r.outcome,
        startedAt: r.startedAt.toISOString(),
        closedAt: r.closedAt ? r.closedAt.toISOString() : null,
        waitingFor: r.closedAt ? null : r.waitingFor,
        waitingForLabel: r.closedAt ? null : stepLabel(r.waitingFor),
        nextDueDate: r.closedAt ? null : r.nextDueDate,
        policyVersion: r.policyVersion,
        dueDates: Array.isArray(data.dueDates) ? (data.dueDates as unknown[]) : [],
        data,
        timeline: timeline.map((t) => ({ at: t.at.toISOString(), action: t.kind, description: t.description, actorName: t.actorName, reason: t.reason })),
        consents: consents.filter((c) => c.caseId === r.id).map((c) => this.audience.consent(user, {
          kind: c.kind,
          label: c.label,
          scope: c.scope,
          status: c.status,
          requestedAt: c.requestedAt.toISOString(),
          respondBy: c.respondBy,
          giverName: c.giverUserId ? (byId.get(c.giverUserId)?.name ?? null) : null,
          giverRole: c.giverRole,
          method: c.method,
          decidedAt: c.decidedAt ? c.decidedAt.toISOString() : null,
          withdrawnAt: c.withdrawnAt ? c.withdrawnAt.toISOString() : null,
          withdrawnByName: c.withdrawnByUserId ? (byId.get(c.withdrawnByUserId)?.name ?? null) : null,
          withdrawalReason: c.withdrawalReason,
        })),
        documents: documents.filter((d) => d.caseId === r.id && this.audience.mayReadDocument(user, d)).map((d) => ({
          id: d.id, kind: d.kind, fileName: d.fileName, contentType: d.contentType, sizeBytes: d.sizeBytes, sha256: d.sha256, createdAt: d.createdAt.toISOString(),
        })),
        notifications: deliveries
          .filter((d) => d.caseId === r.id && (deliveryLog || FAMILY_ROLES.includes((d.recipientUserId && byId.get(d.recipientUserId)?.role) || '')))
          .map((d) => ({
            kind: d.kind,
            recipientRole: d.recipientUserId ? (byId.get(d.recipientUserId)?.role ?? null) : null,
            status: d.status,
            createdAt: d.createdAt.toISOString(),
            sentAt: d.sentAt ? d.sentAt.toISOString() : null,
          })),
      };
    });

    return {
      formatVersion: 1,
      generatedAt: now.toISOString(),
      requestedByRole: user.role,
      pupil: {
        id: pupil.id,
        firstName: pupil.firstName,
        lastName: pupil.lastName,
        dateOfBirth: pupil.dateOfBirth,
        className: pupil.className,
        school: { id: school.id, name: school.name },
        mentorName: mentor?.name ?? null,
      },
      parents: guardians.map((g) => ({ userId: g.user_id, name: g.name, email: g.email, relation: g.relation })),
      cases,
    };
  }
}
