import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PupilEntity, Role, UserEntity } from '@zorgroute/domain';
import {
  closeZorgroute,
  confirmIzoMinutesSent,
  liftParentsException,
  confirmZatAgendaSent,
  planZat,
  recordBilateral,
  recordIzoDiscussion,
  recordIzoEvaluation,
  recordNagesprek,
  recordVoorgesprek,
  recordZatDiscussion,
  recordZatEvaluation,
  recordZatFeedback,
  rescheduleIzo,
  saveReferral,
  submitReferral,
  submitZatReferral,
  triageReferral,
  type AanmeldFormulier,
  type ExternalTarget,
  type IzoDecision,
  type SwvProvision,
} from '@zorgroute/workflows';
import type { AuthUser } from '../../auth/auth-user';
import { CasesService } from '../../cases/cases.service';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import {
  CloseZorgrouteInput,
  IzoDiscussionInput,
  LiftParentsExceptionInput,
  IzoEvaluationInput,
  PlanZatInput,
  RescheduleIzoInput,
  TriageZorgrouteInput,
  ZatDiscussionInput,
  ZatEvaluationInput,
  ZatReferralInput,
  ZorgrouteConfirmInput,
  ZorgrouteConversationInput,
  ZorgrouteReferralFormInput,
} from '../dtos/zorgroute.inputs';
import { ZorgrouteStepRunner } from './zorgroute-step.runner';

/** Save the (partial) aanmeldformulier without submitting it. */
@Injectable()
export class SaveZorgrouteReferralUseCase {
  constructor(@Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: ZorgrouteReferralFormInput): Promise<CaseSummaryModel> {
    const form = validateOrThrow(ZorgrouteReferralFormInput, raw) as AanmeldFormulier;
    return this.steps.run(user, caseId, 'REFERRAL', (h, actor) => h.executeUpdate(saveReferral, { args: [{ actor, form: { ...form } }] }));
  }
}

/** Submit (or, after TERUG_NAAR_AANMELDER / EERST_EERSTELIJNS_ACTIES, resubmit) the aanmeldformulier. */
@Injectable()
export class SubmitZorgrouteReferralUseCase {
  constructor(@Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: ZorgrouteReferralFormInput | null | undefined): Promise<CaseSummaryModel> {
    const form = validateOrThrow(ZorgrouteReferralFormInput, raw ?? {}) as AanmeldFormulier;
    return this.steps.run(user, caseId, 'REFERRAL', (h, actor) => h.executeUpdate(submitReferral, { args: [{ actor, form: { ...form } }] }));
  }
}

/** Triage by the zorgcoördinator: the four checks and one of four outcomes. */
@Injectable()
export class TriageZorgrouteUseCase {
  constructor(
    @Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}
  async execute(user: AuthUser, caseId: string, raw: TriageZorgrouteInput): Promise<CaseSummaryModel> {
    const i = validateOrThrow(TriageZorgrouteInput, raw);
    let contactPersonName: string | null = null;
    if (i.contactPersonId) {
      const contact = await this.dataSource.getRepository(UserEntity).findOneBy({ id: i.contactPersonId });
      if (!contact || contact.schoolId !== user.schoolId) throw new AppError('BAD_USER_INPUT', 'Deze contactpersoon werkt niet op deze school', 'This contact person does not work at this school');
      contactPersonName = contact.name;
    }
    return this.steps.run(user, caseId, 'COORDINATION', (h, actor) =>
      h.executeUpdate(triageReferral, {
        args: [
          {
            actor,
            outcome: i.outcome,
            checks: { secondLine: i.secondLine, questionsClear: i.questionsClear, firstLineDone: i.firstLineDone, parentsAndPupilKnow: i.parentsAndPupilKnow },
            missingInformation: i.missingInformation ?? null,
            firstLineActions: i.firstLineActions ?? null,
            recheckDate: i.recheckDate ?? null,
            bilateralWith: i.bilateralWith ?? null,
            contactPersonId: i.contactPersonId ?? null,
            contactPersonName,
            approveParentsNotInformed: i.approveParentsNotInformed ?? null,
            note: i.note ?? null,
          },
        ],
      }),
    );
  }
}

function conversation(raw: ZorgrouteConversationInput) {
  const i = validateOrThrow(ZorgrouteConversationInput, raw);
  return { date: i.date, parentsReport: i.parentsReport ?? null, pupilReport: i.pupilReport, agreements: i.agreements ?? null };
}

@Injectable()
export class RecordZorgrouteBilateralUseCase {
  constructor(@Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: ZorgrouteConversationInput): Promise<CaseSummaryModel> {
    const c = conversation(raw);
    return this.steps.run(user, caseId, 'COORDINATION', (h, actor) => h.executeUpdate(recordBilateral, { args: [{ actor, ...c }] }));
  }
}

@Injectable()
export class RecordVoorgesprekUseCase {
  constructor(@Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: ZorgrouteConversationInput): Promise<CaseSummaryModel> {
    const c = conversation(raw);
    return this.steps.run(user, caseId, 'CONVERSATION', (h, actor) => h.executeUpdate(recordVoorgesprek, { args: [{ actor, ...c }] }));
  }
}

@Injectable()
export class RecordNagesprekUseCase {
  constructor(@Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: ZorgrouteConversationInput): Promise<CaseSummaryModel> {
    const c = conversation(raw);
    return this.steps.run(user, caseId, 'CONVERSATION', (h, actor) => h.executeUpdate(recordNagesprek, { args: [{ actor, ...c }] }));
  }
}

@Injectable()
export class RescheduleIzoUseCase {
  constructor(@Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: RescheduleIzoInput): Promise<CaseSummaryModel> {
    const i = validateOrThrow(RescheduleIzoInput, raw);
    return this.steps.run(user, caseId, 'COORDINATION', (h, actor) => h.executeUpdate(rescheduleIzo, { args: [{ actor, meetingDate: i.meetingDate, reason: i.reason }] }));
  }
}

@Injectable()
export class RecordIzoDiscussionUseCase {
  constructor(
    @Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CasesService) private readonly cases: CasesService,
  ) {}
  async execute(user: AuthUser, caseId: string, raw: IzoDiscussionInput): Promise<CaseSummaryModel> {
    const i = validateOrThrow(IzoDiscussionInput, raw);
    const decisions = i.decisions.map((d) => ({ ...d }) as IzoDecision);
    const josDecisions = decisions.filter((d) => d.startProcess === 'JOS');
    if (josDecisions.length) {
      // A JOS start needs the pupil's mentor (who fills in the JOS form) and a JOS worker of this school.
      const row = await this.cases.getVisible(user, caseId);
      const pupil = await this.dataSource.getRepository(PupilEntity).findOneBy({ id: row.pupilId });
      for (const d of josDecisions) {
        const worker = d.josWorkerId ? await this.dataSource.getRepository(UserEntity).findOneBy({ id: d.josWorkerId }) : null;
        if (!worker || worker.role !== Role.JOS_MEDEWERKER || worker.schoolId !== row.schoolId) {
          throw new AppError('BAD_USER_INPUT', 'Kies een JOS-medewerker van deze school', 'Choose a JOS worker of this school');
        }
        d.mentorId = pupil?.mentorId ?? null;
      }
    }
    return this.steps.run(user, caseId, 'COORDINATION', (h, actor) =>
      h.executeUpdate(recordIzoDiscussion, { args: [{ actor, minutes: { ...i.minutes }, decisions, evaluationDate: i.evaluationDate ?? null }] }),
    );
  }
}

@Injectable()
export class ConfirmIzoMinutesSentUseCase {
  constructor(@Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: ZorgrouteConfirmInput | null | undefined): Promise<CaseSummaryModel> {
    const i = validateOrThrow(ZorgrouteConfirmInput, raw ?? {});
    return this.steps.run(user, caseId, 'COORDINATION', (h, actor) => h.executeUpdate(confirmIzoMinutesSent, { args: [{ actor, note: i.note ?? null }] }));
  }
}

@Injectable()
export class RecordIzoEvaluationUseCase {
  constructor(@Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: IzoEvaluationInput): Promise<CaseSummaryModel> {
    const i = validateOrThrow(IzoEvaluationInput, raw);
    return this.steps.run(user, caseId, 'COORDINATION', (h, actor) =>
      h.executeUpdate(recordIzoEvaluation, { args: [{ actor, outcome: i.outcome, summary: i.summary, nextEvaluationDate: i.nextEvaluationDate ?? null, nazorg: i.nazorg ?? null, zatQuestion: i.zatQuestion ?? null }] }),
    );
  }
}

@Injectable()
export class SubmitZatReferralUseCase {
  constructor(@Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: ZatReferralInput | null | undefined): Promise<CaseSummaryModel> {
    const i = validateOrThrow(ZatReferralInput, raw ?? {});
    return this.steps.run(user, caseId, 'COORDINATION', (h, actor) => h.executeUpdate(submitZatReferral, { args: [{ actor, form: { ...i } }] }));
  }
}

@Injectable()
export class PlanZatUseCase {
  constructor(@Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: PlanZatInput): Promise<CaseSummaryModel> {
    const i = validateOrThrow(PlanZatInput, raw);
    return this.steps.run(user, caseId, 'COORDINATION', (h, actor) => h.executeUpdate(planZat, { args: [{ actor, meetingDate: i.meetingDate, mode: i.mode ?? null, invitees: i.invitees ?? null, meetingTime: i.meetingTime ?? null, location: i.location ?? null }] }));
  }
}

@Injectable()
export class ConfirmZatAgendaSentUseCase {
  constructor(@Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: ZorgrouteConfirmInput | null | undefined): Promise<CaseSummaryModel> {
    const i = validateOrThrow(ZorgrouteConfirmInput, raw ?? {});
    return this.steps.run(user, caseId, 'COORDINATION', (h, actor) => h.executeUpdate(confirmZatAgendaSent, { args: [{ actor, note: i.note ?? null }] }));
  }
}

@Injectable()
export class RecordZatDiscussionUseCase {
  constructor(@Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: ZatDiscussionInput): Promise<CaseSummaryModel> {
    const i = validateOrThrow(ZatDiscussionInput, raw);
    return this.steps.run(user, caseId, 'COORDINATION', (h, actor) =>
      h.executeUpdate(recordZatDiscussion, { args: [{ ...i, actor, actions: i.actions.map((a) => ({ ...a })) }] }),
    );
  }
}

@Injectable()
export class RecordZatFeedbackUseCase {
  constructor(@Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: ZorgrouteConversationInput): Promise<CaseSummaryModel> {
    const c = conversation(raw);
    return this.steps.run(user, caseId, 'CONVERSATION', (h, actor) => h.executeUpdate(recordZatFeedback, { args: [{ actor, ...c }] }));
  }
}

@Injectable()
export class RecordZatEvaluationUseCase {
  constructor(@Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: ZatEvaluationInput): Promise<CaseSummaryModel> {
    const i = validateOrThrow(ZatEvaluationInput, raw);
    return this.steps.run(user, caseId, 'COORDINATION', (h, actor) =>
      h.executeUpdate(recordZatEvaluation, {
        args: [
          {
            actor,
            outcome: i.outcome,
            summary: i.summary,
            nextEvaluationDate: i.nextEvaluationDate ?? null,
            actions: i.actions?.map((a) => ({ ...a })) ?? null,
            externalTarget: (i.externalTarget ?? null) as ExternalTarget | null,
            swvProvision: (i.swvProvision ?? null) as SwvProvision | null,
          },
        ],
      }),
    );
  }
}

@Injectable()
export class CloseZorgrouteUseCase {
  constructor(@Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: CloseZorgrouteInput): Promise<CaseSummaryModel> {
    const i = validateOrThrow(CloseZorgrouteInput, raw);
    return this.steps.run(user, caseId, 'COORDINATION', (h, actor) => h.executeUpdate(closeZorgroute, { args: [{ actor, reason: i.reason }] }));
  }
}

/**
 * The zorgcoördinator lifts the approved safety exception (PROCESSES.md rule 3): the case becomes visible to the
 * parents from now on (lists, case page, export, feed, e-mails). A coordination step; audited with the reason by the
 * workflow (PARENTS_EXCEPTION_LIFTED, school-only) and the api (API_LIFT_PARENTS_EXCEPTION).
 */
@Injectable()
export class LiftParentsExceptionUseCase {
  constructor(@Inject(ZorgrouteStepRunner) private readonly steps: ZorgrouteStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: LiftParentsExceptionInput): Promise<CaseSummaryModel> {
    const i = validateOrThrow(LiftParentsExceptionInput, raw);
    return this.steps.run(user, caseId, 'COORDINATION', (h, actor) => h.executeUpdate(liftParentsException, { args: [{ actor, reason: i.reason }] }));
  }
}

/** Every P2 use case, for registration in the app module. */
export const ZORGROUTE_USE_CASES = [
  LiftParentsExceptionUseCase,
  SaveZorgrouteReferralUseCase,
  SubmitZorgrouteReferralUseCase,
  TriageZorgrouteUseCase,
  RecordZorgrouteBilateralUseCase,
  RecordVoorgesprekUseCase,
  RecordNagesprekUseCase,
  RescheduleIzoUseCase,
  RecordIzoDiscussionUseCase,
  ConfirmIzoMinutesSentUseCase,
  RecordIzoEvaluationUseCase,
  SubmitZatReferralUseCase,
  PlanZatUseCase,
  ConfirmZatAgendaSentUseCase,
  RecordZatDiscussionUseCase,
  RecordZatFeedbackUseCase,
  RecordZatEvaluationUseCase,
  CloseZorgrouteUseCase,
];
