import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { OovArrangement, OovConsultationParty, OovNextStep, OovReason, OovSwvDecisionKind } from '@zorgroute/workflows';
import { CaseDetailModel } from '../../cases/models/case.model';
import { OovArrangementEnum, OovConsultationPartyEnum, OovNextStepEnum, OovReasonEnum, OovSwvDecisionEnum } from '../dtos/oov.inputs';

@ObjectType('OovConsultation')
export class OovConsultationModel {
  @Field(() => OovConsultationPartyEnum) party!: OovConsultationParty;
  @Field() date!: string;
  @Field(() => String, { nullable: true }) withWhom!: string | null;
  @Field(() => String, { nullable: true, description: 'The school’s note; not shown to the SWV.' }) summary!: string | null;
  @Field(() => String, { nullable: true }) recordedBy!: string | null;
}

@ObjectType('OovRequest')
export class OovRequestModel {
  @Field(() => Int, { description: '1 = the request; 2 and later = an extension.' }) round!: number;
  @Field(() => [OovReasonEnum]) reasons!: OovReason[];
  @Field(() => OovArrangementEnum) arrangement!: OovArrangement;
  @Field() arrangementLabel!: string;
  @Field(() => String, { nullable: true }) preferredLocation!: string | null;
  @Field() motivation!: string;
  @Field() goals!: string;
  @Field() submittedOn!: string;
  @Field(() => String, { nullable: true }) submittedBy!: string | null;
  @Field() extension!: boolean;
}

@ObjectType('OovSwvDecisionRecord')
export class OovSwvDecisionModel {
  @Field(() => Int) round!: number;
  @Field(() => OovSwvDecisionEnum) decision!: OovSwvDecisionKind;
  @Field(() => OovArrangementEnum, { nullable: true }) arrangement!: OovArrangement | null;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field() motivation!: string;
  @Field() decidedOn!: string;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
}

@ObjectType('OovIntake')
export class OovIntakeModel {
  @Field() date!: string;
  @Field() startDate!: string;
  @Field() leerlingbegeleiderPresent!: boolean;
  @Field() zorgcoordinatorPresent!: boolean;
  @Field(() => String, { nullable: true }) oovContact!: string | null;
  @Field(() => [String]) carePartners!: string[];
  @Field(() => String, { nullable: true, description: 'The school’s note; not shown to the SWV.' }) summary!: string | null;
}

@ObjectType('OovPeriod', { description: 'One arrangement at the OOV (an extension adds a period from the end of the previous one).' })
export class OovPeriodModel {
  @Field(() => Int) round!: number;
  @Field(() => OovArrangementEnum) arrangement!: OovArrangement;
  @Field() arrangementLabel!: string;
  @Field() location!: string;
  @Field() startDate!: string;
  @Field() endDate!: string;
  @Field() midEvaluationDate!: string;
  @Field() endEvaluationDate!: string;
}

@ObjectType('OovEvaluation')
export class OovEvaluationModel {
  @Field(() => Int) round!: number;
  @Field({ description: 'HALVERWEGE or EIND.' }) kind!: string;
  @Field() date!: string;
  @Field(() => String, { nullable: true, description: 'The school’s note; not shown to the SWV.' }) summary!: string | null;
  @Field(() => OovNextStepEnum, { nullable: true }) nextStep!: OovNextStep | null;
}

@ObjectType('OovReturnPlan')
export class OovReturnPlanModel {
  @Field() returnDate!: string;
  @Field(() => String, { nullable: true, description: 'Not shown to the SWV.' }) plan!: string | null;
  @Field() handoverDate!: string;
  @Field(() => String, { nullable: true, description: 'Not shown to the SWV.' }) handoverSummary!: string | null;
  @Field() mentorInformed!: boolean;
}

@ObjectType('OovFollowUp')
export class OovFollowUpModel {
  @Field() date!: string;
  @Field(() => String, { nullable: true, description: 'Not shown to the SWV.' }) summary!: string | null;
  @Field() returnSucceeded!: boolean;
}

@ObjectType('OovConsentSummary', { description: 'The latest request for the parents’ consent (answer it with giveConsent or recordPaperConsent).' })
export class OovConsentModel {
  @Field() requestId!: string;
  @Field({ description: 'PENDING, GIVEN, REFUSED, TIMED_OUT or CANCELLED.' }) status!: string;
  @Field() respondBy!: string;
  @Field(() => String, { nullable: true }) decidedAt!: string | null;
  @Field(() => String, { nullable: true }) withdrawnAt!: string | null;
}

@ObjectType('OovCase', { description: 'An OOV arrangement (P5) with its case detail and the OOV record.' })
export class OovCaseModel {
  @Field(() => CaseDetailModel) detail!: CaseDetailModel;
  @Field() reason!: string;
  @Field({ description: 'DIRECT, JOS or ZAT.' }) source!: string;
  @Field({ description: 'The pupil stays enrolled at this school throughout [003:1106-1110].' }) enrolledAtSchoolName!: string;
  @Field({ description: 'That the school stays responsible for the education, in Dutch, for the case page.' }) responsibilityNote!: string;
  @Field(() => String, { nullable: true }) leerlingbegeleiderName!: string | null;
  @Field(() => [OovConsultationModel]) consultations!: OovConsultationModel[];
  @Field(() => [String], { description: 'Required consultations not recorded yet (OUDERS, SWV, SOCIAAL_TEAM).' }) missingConsultations!: string[];
  @Field(() => OovConsentModel, { nullable: true }) consent!: OovConsentModel | null;
  @Field(() => [OovRequestModel]) requests!: OovRequestModel[];
  @Field(() => [OovSwvDecisionModel]) decisions!: OovSwvDecisionModel[];
  @Field(() => OovIntakeModel, { nullable: true }) intake!: OovIntakeModel | null;
  @Field(() => [OovPeriodModel]) periods!: OovPeriodModel[];
  @Field(() => OovArrangementEnum, { nullable: true, description: 'The current (or requested) arrangement.' }) arrangement!: OovArrangement | null;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field(() => String, { nullable: true, description: 'First day at the OOV.' }) startDate!: string | null;
  @Field(() => String, { nullable: true, description: 'End of the current arrangement (computed from its type).' }) endDate!: string | null;
  @Field(() => [OovEvaluationModel]) evaluations!: OovEvaluationModel[];
  @Field(() => Int) extensions!: number;
  @Field(() => OovReturnPlanModel, { nullable: true }) returnPlan!: OovReturnPlanModel | null;
  @Field(() => String, { nullable: true, description: 'The follow-up evaluation is due on this date (N weeks after the return).' }) followUpDate!: string | null;
  @Field(() => OovFollowUpModel, { nullable: true }) followUp!: OovFollowUpModel | null;
  @Field(() => String, { nullable: true, description: 'VERVOLG_VSO: how the TLV route continues.' }) vsoNote!: string | null;
  @Field(() => String, { nullable: true }) tlvRequestedOn!: string | null;
  @Field(() => String, { nullable: true }) stopReason!: string | null;
}
