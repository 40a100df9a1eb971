import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseDocumentRepository, Role, UserEntity, type CaseSummaryEntity, type ConsentRecordEntity } from '@zorgroute/domain';
import { decideConsentTimeout, recordConsentDecision, withdrawConsent, type Actor } from '@zorgroute/workflows';
import { AccessPolicy } from '../../access/access-policy';
import type { AuthUser } from '../../auth/auth-user';
import { CasesService } from '../../cases/cases.service';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AppError } from '../../common/app-error';
import { toAppError } from '../../common/temporal-errors';
import { validateOrThrow } from '../../common/validate';
import { effectiveIdempotencyKey, updateIdFor } from '../../idempotency/idempotency-key';
import { TemporalGateway, type CaseUpdateSender } from '../../temporal/temporal.gateway';
import { ConsentsService } from '../consents.service';
import { ConsentTimeoutDecisionInput, GiveConsentInput, PaperConsentInput, WithdrawConsentInput } from '../dtos/consent.inputs';
import type { ConsentRecordModel } from '../models/consent.model';

/** Shared path of the consent mutations: the case must be visible to the caller and the request must belong to it. */
@Injectable()
export class ConsentStepRunner {
  constructor(
    @Inject(TemporalGateway) private readonly temporal: TemporalGateway,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(ConsentsService) private readonly consents: ConsentsService,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  async load(user: AuthUser, caseId: string, requestId: string): Promise<{ row: CaseSummaryEntity; request: ConsentRecordEntity }> {
    const row = await this.cases.getVisible(user, caseId);
    const request = await this.consents.find(caseId, requestId);
    if (!request) throw AppError.notFound('Toestemmingsverzoek', 'Consent request');
    return { row, request };
  }

  isCoordinator(user: AuthUser, row: CaseSummaryEntity): boolean {
    return (user.role === Role.ZORGCOORDINATOR || user.role === Role.ADMIN) && this.access.canActOnCase(user, row, true);
  }

  async send(user: AuthUser, caseId: string, requestId: string, fn: (send: CaseUpdateSender, actor: Actor) => Promise<unknown>): Promise<ConsentRecordModel> {
    try {
      // The request's Idempotency-Key header (if any) becomes the update id: a retried decision is recorded once.
      const updateId = updateIdFor(user.id, effectiveIdempotencyKey(null));
      await fn(this.temporal.sender(caseId, { updateId }), { id: user.id, name: user.name });
    } catch (err) {
      throw toAppError(err);
    }
    const stored = await this.consents.find(caseId, requestId);
    const [model] = await this.consents.toModels(stored ? [stored] : []);
    return model;
  }
}

/** A parent (or a pupil of 16+, where allowed) gives or refuses consent digitally in the portal. */
@Injectable()
export class GiveConsentUseCase {
  constructor(
    @Inject(ConsentStepRunner) private readonly runner: ConsentStepRunner,
    @Inject(ConsentsService) private readonly consents: ConsentsService,
  ) {}

  async execute(user: AuthUser, raw: GiveConsentInput): Promise<ConsentRecordModel> {
    const input = validateOrThrow(GiveConsentInput, raw);
    const { request } = await this.runner.load(user, input.caseId, input.requestId);
    let giverRole: 'PARENT' | 'PUPIL';
    if (user.role === Role.PARENT && (await this.consents.isGuardian(user.id, request.pupilId))) {
      if (!request.parentsOfPupil && !request.askedUserIds.includes(user.id)) throw AppError.forbidden();
      // Custody: only a guardian with parental authority answers for the parents.
      if (!request.askedUserIds.includes(user.id) && !(await this.consents.hasParentalAuthority(user.id, request.pupilId))) {
        throw new AppError('FORBIDDEN', 'U heeft geen ouderlijk gezag over deze leerling; een ouder met gezag beslist over toestemming', 'You do not hold parental authority over this pupil; a parent with authority decides on consent');
      }
      giverRole = 'PARENT';
    } else if (user.role === Role.PUPIL && user.pupilId === request.pupilId) {
      if (!request.pupilMayDecide) throw new AppError('FORBIDDEN', 'Voor deze toestemming beslissen je ouders/verzorgers', 'The parents/guardians decide on this consent');
      if (!(await this.consents.pupilIsSixteen(request.pupilId))) throw new AppError('FORBIDDEN', 'Vanaf 16 jaar kun je hier zelf over beslissen', 'A pupil decides on this from the age of 16');
      giverRole = 'PUPIL';
    } else {
      throw AppError.forbidden();
    }
    return this.runner.send(user, input.caseId, input.requestId, (send, actor) =>
      send(recordConsentDecision, { actor, requestId: input.requestId, decision: input.decision, method: 'DIGITAL', giverUserId: user.id, giverRole, note: input.note ?? null }),
    );
  }
}

/** Staff (the zorgcoördinator) record a signed paper form that was scanned into the dossier. */
@Injectable()
export class RecordPaperConsentUseCase {
  constructor(
    @Inject(ConsentStepRunner) private readonly runner: ConsentStepRunner,
    @Inject(ConsentsService) private readonly consents: ConsentsService,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async execute(user: AuthUser, raw: PaperConsentInput): Promise<ConsentRecordModel> {
    const input = validateOrThrow(PaperConsentInput, raw);
    const { row, request } = await this.runner.load(user, input.caseId, input.requestId);
    if (!this.runner.isCoordinator(user, row)) throw AppError.forbidden();
    const giver = await this.dataSource.getRepository(UserEntity).findOneBy({ id: input.giverUserId });
    let giverRole: 'PARENT' | 'PUPIL';
    if (giver && giver.role === Role.PARENT && (await this.consents.hasParentalAuthority(giver.id, request.pupilId))) giverRole = 'PARENT';
    else if (giver && giver.role === Role.PUPIL && giver.pupilId === request.pupilId && (await this.consents.pupilIsSixteen(request.pupilId))) giverRole = 'PUPIL';
    else throw new AppError('BAD_USER_INPUT', 'De ondertekenaar is geen ouder/verzorger met gezag over deze leerling (of de leerling van 16+)', 'The signer is not a parent/guardian with parental authority over this pupil (or the pupil aged 16+)');
    // The scan is a document uploaded to this very case (the workflow keeps its id; the dossier links to it).
    const scan = await new CaseDocumentRepository(this.dataSource).findInfoById(input.scanDocumentId);
    if (!scan || scan.caseId !== input.caseId || scan.source !== 'UPLOAD') {
      throw new AppError('BAD_USER_INPUT', 'De scan van het formulier is geen geüpload document van dit dossier', 'The scan of the form is not a document uploaded to this case');
    }
    return this.runner.send(user, input.caseId, input.requestId, (send, actor) =>
      send(recordConsentDecision, { actor, requestId: input.requestId, decision: input.decision, method: 'PAPER_SCAN', giverUserId: giver.id, giverRole, scanDocumentId: scan.id, scanReference: null, note: input.note ?? null }),
    );
  }
}

/** The one who gave consent (or the zorgcoördinator on his behalf) withdraws it, with a reason. */
@Injectable()
export class WithdrawConsentUseCase {
  constructor(@Inject(ConsentStepRunner) private readonly runner: ConsentStepRunner) {}

  async execute(user: AuthUser, raw: WithdrawConsentInput): Promise<ConsentRecordModel> {
    const input = validateOrThrow(WithdrawConsentInput, raw);
    const { row, request } = await this.runner.load(user, input.caseId, input.requestId);
    if (request.giverUserId !== user.id && !this.runner.isCoordinator(user, row)) throw AppError.forbidden();
    return this.runner.send(user, input.caseId, input.requestId, (send, actor) => send(withdrawConsent, { actor, requestId: input.requestId, reason: input.reason }));
  }
}

/** After a consent request timed out, the zorgcoördinator decides: ask again, or stop asking. */
@Injectable()
export class DecideConsentTimeoutUseCase {
  constructor(
    @Inject(ConsentStepRunner) private readonly runner: ConsentStepRunner,
    @Inject(CasesService) private readonly cases: CasesService,
  ) {}

  async execute(user: AuthUser, raw: ConsentTimeoutDecisionInput): Promise<CaseSummaryModel> {
    const input = validateOrThrow(ConsentTimeoutDecisionInput, raw);
    const { row } = await this.runner.load(user, input.caseId, input.requestId);
    if (!this.runner.isCoordinator(user, row)) throw AppError.forbidden();
    await this.runner.send(user, input.caseId, input.requestId, (send, actor) =>
      send(decideConsentTimeout, { actor, requestId: input.requestId, decision: input.decision, reason: input.reason }),
    );
    return this.cases.summary(user, input.caseId);
  }
}
