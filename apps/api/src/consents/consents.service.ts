import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ConsentRecordEntity, PupilEntity, PupilGuardianEntity, Role, UserEntity } from '@zorgroute/domain';
import { ageOn, toIsoDate } from '@zorgroute/domain/logic';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import type { ConsentRecordModel } from './models/consent.model';

const STATUS_LABELS: Record<string, string> = {
  PENDING: 'Gevraagd',
  GIVEN: 'Gegeven',
  REFUSED: 'Geweigerd',
  TIMED_OUT: 'Verlopen zonder antwoord',
  CANCELLED: 'Vervallen',
};

/**
 * Reads consent records (rule 2). Access to the case is checked by the caller (scoped read model); the open requests
 * of a caller are limited to the cases the AudiencePolicy lets him see (never a case kept from the parents).
 */
@Injectable()
export class ConsentsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
  ) {}

  forCase(caseId: string): Promise<ConsentRecordEntity[]> {
    return this.dataSource.getRepository(ConsentRecordEntity).find({ where: { caseId }, order: { requestedAt: 'ASC' } });
  }

  /** The consent records of these cases (each loaded through the caller's scope by the caller), oldest first. */
  forCases(caseIds: readonly string[]): Promise<ConsentRecordEntity[]> {
    if (!caseIds.length) return Promise.resolve([]);
    return this.dataSource.getRepository(ConsentRecordEntity).find({ where: { caseId: In([...caseIds]) }, order: { requestedAt: 'ASC' } });
  }

  find(caseId: string, requestId: string): Promise<ConsentRecordEntity | null> {
    return this.dataSource.getRepository(ConsentRecordEntity).findOneBy({ id: requestId, caseId });
  }

  /** Open requests the caller can answer: a parent for his children; a pupil of 16+ where the request allows it. */
  async openFor(user: AuthUser): Promise<ConsentRecordEntity[]> {
    const rows = await this.openRequestsOf(user);
    if (!rows.length) return [];
    const visible = await this.audience.visibleCaseIds(user, rows.map((r) => r.caseId));
    return rows.filter((r) => visible.has(r.caseId));
  }

  private async openRequestsOf(user: AuthUser): Promise<ConsentRecordEntity[]> {
    const repo = this.dataSource.getRepository(ConsentRecordEntity);
    if (user.role === Role.PARENT) {
      const links = await this.dataSource.getRepository(PupilGuardianEntity).findBy({ userId: user.id });
      if (!links.length) return [];
      // Only a guardian with parental authority answers for the parents; when every guardian must answer (the parents
      // disagree), a request stays open for those who have not answered yet.
      const withAuthority = new Set(links.filter((l) => l.hasParentalAuthority).map((l) => l.pupilId));
      const rows = await repo.find({ where: { pupilId: In(links.map((l) => l.pupilId)), status: 'PENDING' }, order: { requestedAt: 'ASC' } });
      return rows.filter((r) => {
        if (r.askedUserIds.includes(user.id)) return true;
        if (!r.parentsOfPupil || !withAuthority.has(r.pupilId)) return false;
        if (r.requiredGiverIds.length) return r.requiredGiverIds.includes(user.id) && !(r.answers ?? []).some((a) => a.giverUserId === user.id);
        return true;
      });
    }
    if (user.role === Role.PUPIL && user.pupilId) {
      if (!(await this.pupilIsSixteen(user.pupilId))) return [];
      return repo.find({ where: { pupilId: user.pupilId, status: 'PENDING', pupilMayDecide: true }, order: { requestedAt: 'ASC' } });
    }
    return [];
  }

  async isGuardian(userId: string, pupilId: string): Promise<boolean> {
    return (await this.dataSource.getRepository(PupilGuardianEntity).countBy({ userId, pupilId })) > 0;
  }

  /** A guardian who holds parental authority (gezag) over the pupil: only he answers consent requests for the parents. */
  async hasParentalAuthority(userId: string, pupilId: string): Promise<boolean> {
    return (await this.dataSource.getRepository(PupilGuardianEntity).countBy({ userId, pupilId, hasParentalAuthority: true })) > 0;
  }

  /** Rule 2: a pupil of 16 or older decides on sharing his own data. */
  async pupilIsSixteen(pupilId: string): Promise<boolean> {
    const pupil = await this.dataSource.getRepository(PupilEntity).findOneBy({ id: pupilId });
    return !!pupil && ageOn(pupil.dateOfBirth, toIsoDate(Date.now())) >= 16;
  }

  async toModels(rows: ConsentRecordEntity[]): Promise<ConsentRecordModel[]> {
    const ids = [
      ...new Set(rows.flatMap((r) => [r.giverUserId, r.recordedByUserId, ...r.requiredGiverIds, ...(r.answers ?? []).map((a) => a.giverUserId)]).filter((x): x is string => !!x)),
    ];
    const users = ids.length ? await this.dataSource.getRepository(UserEntity).findBy({ id: In(ids) }) : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    return rows.map((r) => ({
      id: r.id,
      caseId: r.caseId,
      process: r.process,
      pupilId: r.pupilId,
      kind: r.kind,
      label: r.label,
      scope: r.scope,
      status: r.status,
      statusLabel: r.withdrawnAt ? 'Ingetrokken' : (STATUS_LABELS[r.status] ?? r.status),
      pupilMayDecide: r.pupilMayDecide,
      requestedAt: r.requestedAt,
      respondBy: r.respondBy,
      timeoutAt: r.timeoutAt,
      giverName: r.giverUserId ? (names.get(r.giverUserId) ?? null) : null,
      giverRole: r.giverRole,
      method: r.method,
      scanReference: r.scanReference,
      scanDocumentId: r.scanDocumentId ?? null,
      recordedByName: r.recordedByUserId ? (names.get(r.recordedByUserId) ?? null) : null,
      decidedAt: r.decidedAt,
      note: r.note,
      withdrawnAt: r.withdrawnAt,
      withdrawalReason: r.withdrawalReason,
      subjectDigest: r.subjectDigest ?? null,
      needsEveryGuardian: r.requiredGiverIds.length > 0,
      answers: r.requiredGiverIds.length
        ? (r.answers ?? []).map((a) => ({ giverUserId: a.giverUserId, giverName: names.get(a.giverUserId) ?? null, decision: a.decision, method: a.method, decidedAt: new Date(a.decidedAt) }))
        : null,
      missingGivers:
        r.requiredGiverIds.length && r.status === 'PENDING'
          ? r.requiredGiverIds.filter((id) => !(r.answers ?? []).some((a) => a.giverUserId === id)).map((id) => ({ userId: id, name: names.get(id) ?? null }))
          : null,
    }));
  }
}
