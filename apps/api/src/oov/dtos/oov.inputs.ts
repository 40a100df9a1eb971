import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Allow, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  OOV_ARRANGEMENTS,
  OOV_CONSULTATION_PARTIES,
  OOV_NEXT_STEPS,
  OOV_REASONS,
  type OovArrangement,
  type OovConsultationParty,
  type OovNextStep,
  type OovReason,
  type OovSwvDecisionKind,
} from '@zorgroute/workflows';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const OovArrangementEnum = enumOf(OOV_ARRANGEMENTS);
registerEnumType(OovArrangementEnum, {
  name: 'OovArrangement',
  description: 'OBSERVATIE_6W (observatietraject, 6 weeks), OBS_BEHANDEL_3M or OBS_BEHANDEL_6M (observatie- en behandeltraject, 3 or 6 months) [003:1094-1102].',
});
export const OovReasonEnum = enumOf(OOV_REASONS);
registerEnumType(OovReasonEnum, { name: 'OovReason', description: 'Who an OOV is for [003:1081-1093, 003:2419-2421].' });
export const OovConsultationPartyEnum = enumOf(OOV_CONSULTATION_PARTIES);
registerEnumType(OovConsultationPartyEnum, { name: 'OovConsultationParty', description: 'Consulted before the request: OUDERS, SWV and SOCIAAL_TEAM are required; ANDERS optional.' });
export const OovNextStepEnum = enumOf(OOV_NEXT_STEPS);
registerEnumType(OovNextStepEnum, { name: 'OovNextStep', description: 'How an arrangement ends: TERUGKEER, VERLENGD (a new SWV decision) or VERVOLG_VSO (TLV route).' });
export const OovSwvDecisionEnum = enumOf<OovSwvDecisionKind>(['TOEGEKEND', 'AFGEWEZEN']);
registerEnumType(OovSwvDecisionEnum, { name: 'OovSwvDecision' });

/**
 * The start of an OOV case. Its fields, bounds and Dutch messages are defined once, in the start definition of the step
 * catalogue (OOV_START, libs/processes/src/oov/steps.ts), and checked by StartOovUseCase; only the api-only
 * `originCaseId` and `requestKey` have their own checks here.
 */
@InputType({ description: 'The zorgcoördinator considers an OOV for a pupil: the preparation starts.' })
export class StartOovInput {
  @Field(() => ID) @Allow() pupilId!: string;
  @Field({ description: 'Why an OOV is considered.' }) @Allow() reason!: string;
  @Field(() => ID, { nullable: true, description: 'The leerlingbegeleider (a coach of the school) for the intake, when known.' })
  @Allow()
  leerlingbegeleiderId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The case this one comes from (e.g. a JOS or ZAT case of the same pupil).' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'originCaseId mag maximaal 200 tekens lang zijn' })
  originCaseId?: string | null;
  @Field(() => String, { nullable: true, description: 'Idempotency key: the same key never starts a second case.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'requestKey mag alleen letters, cijfers, - en _ bevatten (max. 64)' })
  requestKey?: string | null;
}

/*
 * The step inputs below only give API clients typed mutations: what a field means, whether it is required, its bounds
 * and its Dutch messages are defined once, in the step catalogue (libs/processes/src/oov/steps.ts), and checked by
 * CaseStepService and the workflow. The OOV api spec checks that these field names equal the catalogue's.
 */

@InputType({ description: 'OOV_RECORD_CONSULTATIONS: a consultation before the request (parents, SWV, Sociaal Team) [003:1103-1106].' })
export class OovConsultationInput {
  @Field(() => OovConsultationPartyEnum) party!: OovConsultationParty;
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) date!: string;
  @Field(() => String, { nullable: true, description: 'Who was spoken to, e.g. "onderwijsspecialist SWV".' }) withWhom?: string | null;
  @Field() summary!: string;
}

@InputType({ description: 'OOV_SUBMIT_REQUEST: the request to the SWV.' })
export class OovRequestInput {
  @Field(() => [OovReasonEnum]) reasons!: OovReason[];
  @Field(() => OovArrangementEnum) arrangement!: OovArrangement;
  @Field(() => String, { nullable: true }) preferredLocation?: string | null;
  @Field({ description: 'Why the pupil needs an OOV now and what the school already did.' }) motivation!: string;
  @Field({ description: 'What the placement should achieve.' }) goals!: string;
  @Field(() => ID, { nullable: true, description: 'The leerlingbegeleider (a coach of the school) who holds the intake with the zorgcoördinator.' }) leerlingbegeleiderId?: string | null;
}

@InputType({ description: 'OOV_SWV_DECISION: the SWV’s decision on a request or an extension.' })
export class OovSwvDecisionInput {
  @Field(() => OovSwvDecisionEnum) decision!: OovSwvDecisionKind;
  @Field(() => OovArrangementEnum, { nullable: true, description: 'TOEGEKEND: the arrangement.' }) arrangement?: OovArrangement | null;
  @Field(() => String, { nullable: true, description: 'TOEGEKEND: the OOV location.' }) location?: string | null;
  @Field() motivation!: string;
}

@InputType({ description: 'OOV_INTAKE: the intake with the OOV (leerlingbegeleider and zorgcoördinator) [003:2315].' })
export class OovIntakeInput {
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) date!: string;
  @Field({ description: 'First day at the OOV (YYYY-MM-DD).' }) startDate!: string;
  @Field() leerlingbegeleiderPresent!: boolean;
  @Field() zorgcoordinatorPresent!: boolean;
  @Field(() => String, { nullable: true }) oovContact?: string | null;
  @Field(() => [String], { nullable: true, description: 'Care partners, e.g. STEK, GGZ, FACT, Sociaal Team.' }) carePartners?: string[] | null;
  @Field() summary!: string;
}

@InputType({ description: 'OOV_MID_EVALUATION (a report only) or OOV_END_EVALUATION (with nextStep, which decides how the arrangement ends).' })
export class OovEvaluationInput {
  @Field() summary!: string;
  @Field(() => OovNextStepEnum, { nullable: true, description: 'Required at the evaluation before the end.' }) nextStep?: OovNextStep | null;
  @Field(() => OovArrangementEnum, { nullable: true, description: 'VERLENGD: the longer arrangement asked of the SWV.' }) extensionArrangement?: OovArrangement | null;
  @Field(() => String, { nullable: true }) extensionMotivation?: string | null;
  @Field(() => String, { nullable: true, description: 'VERVOLG_VSO: how the TLV route continues.' }) vsoNote?: string | null;
  @Field(() => String, { nullable: true, description: 'VERVOLG_VSO: date the TLV was requested (YYYY-MM-DD).' }) tlvRequestedOn?: string | null;
}

@InputType({ description: 'OOV_RETURN_PLAN: the return plan and the handover back to school.' })
export class OovReturnPlanInput {
  @Field({ description: 'First day back at school (YYYY-MM-DD).' }) returnDate!: string;
  @Field() plan!: string;
  @Field({ description: 'Date of the handover conversation (YYYY-MM-DD, not in the future).' }) handoverDate!: string;
  @Field() handoverSummary!: string;
  @Field() mentorInformed!: boolean;
}

@InputType({ description: 'OOV_FOLLOW_UP: the follow-up evaluation after the return.' })
export class OovFollowUpInput {
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) date!: string;
  @Field() summary!: string;
  @Field() returnSucceeded!: boolean;
}

@InputType({ description: 'STOP_OOV (see the step catalogue).' })
export class StopOovInput {
  @Field() reason!: string;
}
