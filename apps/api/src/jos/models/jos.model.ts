import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { JosNeed, JosOutcome, JosReferral } from '@zorgroute/workflows';
import { CaseDetailModel } from '../../cases/models/case.model';
import { JosNeedEnum, JosOutcomeEnum, JosReferralEnum } from '../dtos/jos.inputs';

@ObjectType('JosNeedItem')
export class JosNeedItemModel {
  @Field(() => JosNeedEnum) need!: JosNeed;
  @Field() label!: string;
}

@ObjectType('JosForm')
export class JosFormModel {
  @Field() problemDescription!: string;
  @Field() singleSchoolRelatedProblem!: boolean;
  @Field() alreadyTried!: string;
  @Field(() => String, { nullable: true }) pupilView!: string | null;
  @Field() parentsInformed!: boolean;
  @Field(() => String, { nullable: true }) availability!: string | null;
  @Field() submittedOn!: string;
}

@ObjectType('JosStartgesprek')
export class JosStartgesprekModel {
  @Field() date!: string;
  @Field() parentsPresent!: boolean;
  @Field() mentorPresent!: boolean;
  @Field() pupilPresent!: boolean;
  @Field() summary!: string;
  @Field(() => String, { nullable: true }) recordedByName!: string | null;
}

@ObjectType('JosPlannedStartgesprek', { description: 'The planned startgesprek; parents, mentor and pupil were invited.' })
export class JosPlannedStartgesprekModel {
  @Field() date!: string;
  @Field(() => String, { nullable: true, description: 'HH:MM, when known.' }) time!: string | null;
  @Field() mode!: string;
  @Field(() => String, { nullable: true }) location!: string | null;
}

@ObjectType('JosGoals')
export class JosGoalsModel {
  @Field({ description: 'The pupil’s own goal, in his own words.' }) pupilGoal!: string;
  @Field(() => [String]) goals!: string[];
  @Field() agreedWithPupil!: boolean;
  @Field() agreedWithMentor!: boolean;
  @Field() agreedWithParents!: boolean;
  @Field(() => String, { nullable: true }) weeklySlot!: string | null;
  @Field() setOn!: string;
}

@ObjectType('JosEvaluation')
export class JosEvaluationModel {
  @Field(() => Int) number!: number;
  @Field() date!: string;
  @Field() summary!: string;
  @Field(() => Int, { nullable: true }) thermometer!: number | null;
}

@ObjectType('JosContact')
export class JosContactModel {
  @Field() date!: string;
  @Field() attended!: boolean;
  @Field(() => Int, { nullable: true }) thermometer!: number | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('JosSignature', { description: 'The latest request for a parent’s signature (a consent record; answer it with giveConsent or recordPaperConsent).' })
export class JosSignatureModel {
  @Field() requestId!: string;
  @Field({ description: 'PENDING, GIVEN, REFUSED, TIMED_OUT or CANCELLED.' }) status!: string;
  @Field() respondBy!: string;
  @Field({ description: 'When the request times out and the zorgcoördinator decides (ISO instant).' }) timeoutAt!: string;
  @Field(() => String, { nullable: true }) method!: string | null;
  @Field(() => String, { nullable: true }) decidedAt!: string | null;
  @Field(() => String, { nullable: true }) withdrawnAt!: string | null;
  @Field(() => Int, { description: 'How many times a signature was asked.' }) requests!: number;
}

@ObjectType('JosCase', { description: 'A JOS case (P3) with its case detail and the JOS-specific record.' })
export class JosCaseModel {
  @Field(() => CaseDetailModel) detail!: CaseDetailModel;
  @Field(() => [JosNeedItemModel]) needs!: JosNeedItemModel[];
  @Field() decisionDate!: string;
  @Field(() => String, { nullable: true }) mentorName!: string | null;
  @Field(() => String, { nullable: true }) josWorkerName!: string | null;
  @Field(() => JosFormModel, { nullable: true }) form!: JosFormModel | null;
  @Field(() => JosStartgesprekModel, { nullable: true }) startgesprek!: JosStartgesprekModel | null;
  @Field(() => JosPlannedStartgesprekModel, { nullable: true }) plannedStartgesprek?: JosPlannedStartgesprekModel | null;
  @Field(() => JosSignatureModel, { nullable: true }) signature!: JosSignatureModel | null;
  @Field(() => String, { nullable: true, description: 'Date of the parent’s signature; the cap counts from it.' }) signedOn!: string | null;
  @Field(() => JosGoalsModel, { nullable: true }) goals!: JosGoalsModel | null;
  @Field(() => String, { nullable: true }) activeFrom!: string | null;
  @Field(() => String, { nullable: true, description: 'Hard cap: maxMonths after the signature; cannot be extended.' }) capDate!: string | null;
  @Field(() => String, { nullable: true }) capWarningDate!: string | null;
  @Field() capWarned!: boolean;
  @Field(() => Int, { description: 'The policy’s maxMonths this case snapshotted.' }) maxMonths!: number;
  @Field(() => String, { nullable: true }) endDate!: string | null;
  @Field(() => String, { nullable: true, description: 'CAP or EARLY.' }) endedBy!: string | null;
  @Field(() => Int, { description: 'The evaluation that is open or next (0 before ACTIEF).' }) evaluationNumber!: number;
  @Field(() => String, { nullable: true, description: 'From when the open evaluation can be recorded.' }) evaluationOpensOn!: string | null;
  @Field(() => [JosEvaluationModel]) evaluations!: JosEvaluationModel[];
  @Field(() => [JosContactModel], { description: 'The latest contacts (at most 20).' }) contacts!: JosContactModel[];
  @Field(() => Int) contactCount!: number;
  @Field(() => JosOutcomeEnum, { nullable: true }) outcome!: JosOutcome | null;
  @Field(() => JosReferralEnum, { nullable: true }) referralTo!: JosReferral | null;
  @Field(() => String, { nullable: true }) outcomeSummary!: string | null;
  @Field(() => String, { nullable: true }) stopReason!: string | null;
}
