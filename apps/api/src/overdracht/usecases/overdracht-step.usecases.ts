import { Inject, Injectable } from '@nestjs/common';
import type { WorkflowHandle } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { ProcessType, Role, UserEntity, type CaseSummaryEntity } from '@zorgroute/domain';
import {
  addOverdrachtZienswijze,
  confirmOverdrachtRead,
  confirmOverdrachtReceived,
  placeOverdrachtPupil,
  recordOverdrachtFeedback,
  recordOverdrachtOkr,
  recordOverdrachtSent,
  recordWarmeOverdracht,
  referOverdrachtToIzo,
  stopOverdracht,
  type Actor,
  type ZorgrouteReason,
} from '@zorgroute/workflows';
import type { AuthUser } from '../../auth/auth-user';
import { CaseStepRunner, type StepUpdateOptions } from '../../cases/case-step.runner';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import {
  OverdrachtFeedbackInput,
  OverdrachtIzoReferralInput,
  OverdrachtOkrInput,
  OverdrachtPlacementInput,
  OverdrachtReadInput,
  OverdrachtReceivedInput,
  OverdrachtSentInput,
  OverdrachtZienswijzeInput,
  StopOverdrachtInput,
  WarmeOverdrachtInput,
} from '../dtos/overdracht.inputs';

type Send = (handle: WorkflowHandle, actor: Actor, options: StepUpdateOptions) => Promise<unknown>;
type MayAct = (user: AuthUser, row: CaseSummaryEntity) => boolean;

const sameSchool = (user: AuthUser, row: CaseSummaryEntity) => user.schoolId === row.schoolId;
/** The zorgcoördinator of the school (or an admin). */
const coordinator: MayAct = (user, row) => user.role === Role.ADMIN || (user.role === Role.ZORGCOORDINATOR && sameSchool(user, row));
/** The school's side of the handover: the zorgcoördinator, or the teamleider (brugklascoördinator) taking part in it. */
const schoolStaff: MayAct = (user, row) => coordinator(user, row) || (user.role === Role.TEAMLEIDER && sameSchool(user, row) && row.participantIds.includes(user.id));
/** The pupil's mentor named at the placement: only he confirms he has read the information [001:4224-4226]. */
const theMentor: MayAct = (user, row) => user.role === Role.MENTOR && (row.data as { mentorId?: string | null }).mentorId === user.id;
/** Feedback to the primary school: the school's staff or the mentor. */
const feedbackGiver: MayAct = (user, row) => schoolStaff(user, row) || theMentor(user, row);
/** A parent of the pupil (the scoped read model only shows a parent his own children's cases). */
const parentOfPupil: MayAct = (user) => user.role === Role.PARENT;

/** P6 steps run through the shared CaseStepRunner for the OVERDRACHT process, each with its own rule of who acts. */
@Injectable()
export class OverdrachtStepRunner {
  constructor(@Inject(CaseStepRunner) private readonly runner: CaseStepRunner) {}

  run(user: AuthUser, caseId: string, mayAct: MayAct, send: Send, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    return this.runner.runAs(user, caseId, ProcessType.OVERDRACHT, mayAct, send, idempotencyKey);
  }
}

@Injectable()
export class RecordOverdrachtOkrUseCase {
  constructor(@Inject(OverdrachtStepRunner) private readonly steps: OverdrachtStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: OverdrachtOkrInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(OverdrachtOkrInput, raw);
    return this.steps.run(
      user,
      caseId,
      schoolStaff,
      (h, actor, o) =>
        h.executeUpdate(recordOverdrachtOkr, {
          ...o,
          args: [
            {
              actor,
              schooladvies: input.schooladvies,
              taalLezen: input.taalLezen ?? null,
              rekenen: input.rekenen ?? null,
              sociaalEmotioneel: input.sociaalEmotioneel ?? null,
              werkhouding: input.werkhouding ?? null,
              externeZorg: input.externeZorg ?? null,
              supportNeeds: input.supportNeeds,
              supportNeedsDescription: input.supportNeedsDescription ?? null,
            },
          ],
        }),
      idempotencyKey,
    );
  }
}

@Injectable()
export class AddOverdrachtZienswijzeUseCase {
  constructor(@Inject(OverdrachtStepRunner) private readonly steps: OverdrachtStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: OverdrachtZienswijzeInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(OverdrachtZienswijzeInput, raw);
    return this.steps.run(user, caseId, parentOfPupil, (h, actor, o) => h.executeUpdate(addOverdrachtZienswijze, { ...o, args: [{ actor, text: input.text }] }), idempotencyKey);
  }
}

@Injectable()
export class RecordOverdrachtSentUseCase {
  constructor(@Inject(OverdrachtStepRunner) private readonly steps: OverdrachtStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: OverdrachtSentInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(OverdrachtSentInput, raw);
    return this.steps.run(user, caseId, schoolStaff, (h, actor, o) => h.executeUpdate(recordOverdrachtSent, { ...o, args: [{ actor, sentOn: input.sentOn, via: input.via ?? null }] }), idempotencyKey);
  }
}

@Injectable()
export class ConfirmOverdrachtReceivedUseCase {
  constructor(@Inject(OverdrachtStepRunner) private readonly steps: OverdrachtStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: OverdrachtReceivedInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(OverdrachtReceivedInput, raw);
    return this.steps.run(
      user,
      caseId,
      schoolStaff,
      (h, actor, o) => h.executeUpdate(confirmOverdrachtReceived, { ...o, args: [{ actor, receivedOn: input.receivedOn, supportNeeds: input.supportNeeds ?? null, note: input.note ?? null }] }),
      idempotencyKey,
    );
  }
}

@Injectable()
export class RecordWarmeOverdrachtUseCase {
  constructor(@Inject(OverdrachtStepRunner) private readonly steps: OverdrachtStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: WarmeOverdrachtInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(WarmeOverdrachtInput, raw);
    return this.steps.run(
      user,
      caseId,
      schoolStaff,
      (h, actor, o) =>
        h.executeUpdate(recordWarmeOverdracht, {
          ...o,
          args: [
            {
              actor,
              date: input.date,
              poPresent: input.poPresent,
              parentsPresent: input.parentsPresent,
              pupilPresent: input.pupilPresent,
              development: input.development ?? null,
              specificNeeds: input.specificNeeds ?? null,
              approach: input.approach ?? null,
              attentionPoints: input.attentionPoints ?? null,
              parentAlignment: input.parentAlignment ?? null,
              aftercare: input.aftercare ?? null,
              talents: input.talents ?? null,
              summary: input.summary,
            },
          ],
        }),
      idempotencyKey,
    );
  }
}

@Injectable()
export class PlaceOverdrachtPupilUseCase {
  constructor(
    @Inject(OverdrachtStepRunner) private readonly steps: OverdrachtStepRunner,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}
  execute(user: AuthUser, caseId: string, raw: OverdrachtPlacementInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(OverdrachtPlacementInput, raw);
    // Order shared by every mutation (see AssignCoachUseCase): visibility and "may act" first (the runner), then the
    // mentor lookup as a business check inside `send` — a mentor of another school is bad input, not a reason to
    // refuse the caller.
    let caseSchoolId: string | null = null;
    return this.steps.run(
      user,
      caseId,
      (u, row) => {
        caseSchoolId = row.schoolId;
        return schoolStaff(u, row);
      },
      async (h, actor, o) => {
        const mentor = await this.dataSource.getRepository(UserEntity).findOneBy({ id: input.mentorId, role: Role.MENTOR });
        if (!mentor) throw new AppError('BAD_USER_INPUT', 'De gekozen mentor is onbekend of geen mentor', 'The chosen mentor is unknown or not a mentor');
        if (mentor.schoolId !== caseSchoolId) throw new AppError('BAD_USER_INPUT', 'De gekozen mentor werkt niet op de school van de leerling', 'The chosen mentor does not work at the pupil’s school');
        return h.executeUpdate(placeOverdrachtPupil, { ...o, args: [{ actor, className: input.className, mentorId: mentor.id, mentorName: mentor.name, level: input.level ?? null, note: input.note ?? null }] });
      },
      idempotencyKey,
    );
  }
}

@Injectable()
export class ConfirmOverdrachtReadUseCase {
  constructor(@Inject(OverdrachtStepRunner) private readonly steps: OverdrachtStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: OverdrachtReadInput | null | undefined, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(OverdrachtReadInput, raw ?? {});
    return this.steps.run(user, caseId, theMentor, (h, actor, o) => h.executeUpdate(confirmOverdrachtRead, { ...o, args: [{ actor, note: input.note ?? null }] }), idempotencyKey);
  }
}

@Injectable()
export class ReferOverdrachtToIzoUseCase {
  constructor(@Inject(OverdrachtStepRunner) private readonly steps: OverdrachtStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: OverdrachtIzoReferralInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(OverdrachtIzoReferralInput, raw);
    return this.steps.run(
      user,
      caseId,
      coordinator,
      (h, actor, o) =>
        h.executeUpdate(referOverdrachtToIzo, {
          ...o,
          args: [
            {
              actor,
              reasons: input.reasons as ZorgrouteReason[],
              pupilHelpQuestion: input.pupilHelpQuestion,
              mentorSupportQuestion: input.mentorSupportQuestion,
              problem: input.problem ?? null,
              parentsInformed: input.parentsInformed,
            },
          ],
        }),
      idempotencyKey,
    );
  }
}

@Injectable()
export class RecordOverdrachtFeedbackUseCase {
  constructor(@Inject(OverdrachtStepRunner) private readonly steps: OverdrachtStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: OverdrachtFeedbackInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(OverdrachtFeedbackInput, raw);
    return this.steps.run(user, caseId, feedbackGiver, (h, actor, o) => h.executeUpdate(recordOverdrachtFeedback, { ...o, args: [{ actor, summary: input.summary, sentTo: input.sentTo ?? null }] }), idempotencyKey);
  }
}

@Injectable()
export class StopOverdrachtUseCase {
  constructor(@Inject(OverdrachtStepRunner) private readonly steps: OverdrachtStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: StopOverdrachtInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(StopOverdrachtInput, raw);
    return this.steps.run(user, caseId, coordinator, (h, actor, o) => h.executeUpdate(stopOverdracht, { ...o, args: [{ actor, reason: input.reason }] }), idempotencyKey);
  }
}
