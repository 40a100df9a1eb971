import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (f: string) => ({ message: `${f} moet een datum zijn (JJJJ-MM-DD)` });
const TEXT = 4000;

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

@InputType({ description: 'The zorgcoördinator considers an OOV for a pupil: the preparation starts.' })
export class StartOovInput {
  @Field(() => ID) @IsUUID('all', { message: 'pupilId moet een geldige id zijn' }) pupilId!: string;
  @Field({ description: 'Why an OOV is considered.' }) @IsString() @Length(3, 2000, { message: 'reden moet 3 tot 2000 tekens lang zijn' }) reason!: string;
  @Field(() => ID, { nullable: true, description: 'The leerlingbegeleider (a coach of the school) for the intake, when known.' })
  @IsOptional()
  @IsUUID('all', { message: 'leerlingbegeleiderId moet een geldige id zijn' })
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

@InputType({ description: 'A consultation before the request (parents, SWV, Sociaal Team) [003:1103-1106].' })
export class OovConsultationInput {
  @Field(() => OovConsultationPartyEnum) @IsIn(OOV_CONSULTATION_PARTIES, { message: `partij moet een van ${OOV_CONSULTATION_PARTIES.join(', ')} zijn` }) party!: OovConsultationParty;
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) @Matches(ISO_DATE, date('datum')) date!: string;
  @Field(() => String, { nullable: true, description: 'Who was spoken to, e.g. "onderwijsspecialist SWV".' }) @IsOptional() @MaxLength(200, { message: 'met wie mag maximaal 200 tekens lang zijn' }) withWhom?: string | null;
  @Field() @IsString() @Length(3, TEXT, { message: `verslag moet 3 tot ${TEXT} tekens lang zijn` }) summary!: string;
}

@InputType({ description: 'The request to the SWV.' })
export class OovRequestInput {
  @Field(() => [OovReasonEnum])
  @ArrayMinSize(1, { message: 'kies één of meer redenen' })
  @ArrayMaxSize(4)
  @ArrayUnique({ message: 'elke reden hoogstens één keer' })
  @IsIn(OOV_REASONS, { each: true, message: `reden moet een van ${OOV_REASONS.join(', ')} zijn` })
  reasons!: OovReason[];
  @Field(() => OovArrangementEnum) @IsIn(OOV_ARRANGEMENTS, { message: `arrangement moet een van ${OOV_ARRANGEMENTS.join(', ')} zijn` }) arrangement!: OovArrangement;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, { message: 'voorkeurslocatie mag maximaal 200 tekens lang zijn' }) preferredLocation?: string | null;
  @Field({ description: 'Why the pupil needs an OOV now and what the school already did.' }) @IsString() @Length(10, TEXT, { message: `motivatie moet 10 tot ${TEXT} tekens lang zijn` }) motivation!: string;
  @Field({ description: 'What the placement should achieve.' }) @IsString() @Length(3, TEXT, { message: `doelen moeten 3 tot ${TEXT} tekens lang zijn` }) goals!: string;
  @Field(() => ID, { nullable: true, description: 'The leerlingbegeleider (a coach of the school) who holds the intake with the zorgcoördinator.' })
  @IsOptional()
  @IsUUID('all', { message: 'leerlingbegeleiderId moet een geldige id zijn' })
  leerlingbegeleiderId?: string | null;
}

@InputType({ description: 'The SWV’s decision on a request or an extension.' })
export class OovSwvDecisionInput {
  @Field(() => OovSwvDecisionEnum) @IsIn(['TOEGEKEND', 'AFGEWEZEN'], { message: 'besluit moet TOEGEKEND of AFGEWEZEN zijn' }) decision!: OovSwvDecisionKind;
  @Field(() => OovArrangementEnum, { nullable: true, description: 'TOEGEKEND: the arrangement.' })
  @IsOptional()
  @IsIn(OOV_ARRANGEMENTS, { message: `arrangement moet een van ${OOV_ARRANGEMENTS.join(', ')} zijn` })
  arrangement?: OovArrangement | null;
  @Field(() => String, { nullable: true, description: 'TOEGEKEND: the OOV location.' }) @IsOptional() @MaxLength(200, { message: 'locatie mag maximaal 200 tekens lang zijn' }) location?: string | null;
  @Field() @IsString() @Length(3, TEXT, { message: `motivatie moet 3 tot ${TEXT} tekens lang zijn` }) motivation!: string;
}

@InputType({ description: 'The intake with the OOV (leerlingbegeleider and zorgcoördinator) [003:2315].' })
export class OovIntakeInput {
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) @Matches(ISO_DATE, date('intakedatum')) date!: string;
  @Field({ description: 'First day at the OOV (YYYY-MM-DD).' }) @Matches(ISO_DATE, date('startdatum')) startDate!: string;
  @Field() @IsBoolean({ message: 'leerlingbegeleider aanwezig moet waar of onwaar zijn' }) leerlingbegeleiderPresent!: boolean;
  @Field() @IsBoolean({ message: 'zorgcoördinator aanwezig moet waar of onwaar zijn' }) zorgcoordinatorPresent!: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, { message: 'contactpersoon OOV mag maximaal 200 tekens lang zijn' }) oovContact?: string | null;
  @Field(() => [String], { nullable: true, description: 'Care partners, e.g. STEK, GGZ, FACT, Sociaal Team.' })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'maximaal 10 zorgpartners' })
  @IsString({ each: true })
  @Length(1, 100, { each: true, message: 'elke zorgpartner 1 tot 100 tekens' })
  carePartners?: string[] | null;
  @Field() @IsString() @Length(3, TEXT, { message: `verslag moet 3 tot ${TEXT} tekens lang zijn` }) summary!: string;
}

@InputType({ description: 'The open evaluation: at half-time, or before the end (which decides how the arrangement ends).' })
export class OovEvaluationInput {
  @Field() @IsString() @Length(3, TEXT, { message: `verslag moet 3 tot ${TEXT} tekens lang zijn` }) summary!: string;
  @Field(() => OovNextStepEnum, { nullable: true, description: 'Required at the evaluation before the end.' })
  @IsOptional()
  @IsIn(OOV_NEXT_STEPS, { message: `vervolg moet een van ${OOV_NEXT_STEPS.join(', ')} zijn` })
  nextStep?: OovNextStep | null;
  @Field(() => OovArrangementEnum, { nullable: true, description: 'VERLENGD: the longer arrangement asked of the SWV.' })
  @IsOptional()
  @IsIn(OOV_ARRANGEMENTS, { message: `arrangement moet een van ${OOV_ARRANGEMENTS.join(', ')} zijn` })
  extensionArrangement?: OovArrangement | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, { message: `motivatie mag maximaal ${TEXT} tekens lang zijn` }) extensionMotivation?: string | null;
  @Field(() => String, { nullable: true, description: 'VERVOLG_VSO: how the TLV route continues.' }) @IsOptional() @MaxLength(TEXT, { message: `toelichting mag maximaal ${TEXT} tekens lang zijn` }) vsoNote?: string | null;
  @Field(() => String, { nullable: true, description: 'VERVOLG_VSO: date the TLV was requested (YYYY-MM-DD).' }) @IsOptional() @Matches(ISO_DATE, date('datum TLV-aanvraag')) tlvRequestedOn?: string | null;
}

@InputType({ description: 'The return plan and the handover back to school.' })
export class OovReturnPlanInput {
  @Field({ description: 'First day back at school (YYYY-MM-DD).' }) @Matches(ISO_DATE, date('terugkeerdatum')) returnDate!: string;
  @Field() @IsString() @Length(10, TEXT, { message: `terugkeerplan moet 10 tot ${TEXT} tekens lang zijn` }) plan!: string;
  @Field({ description: 'Date of the handover conversation (YYYY-MM-DD, not in the future).' }) @Matches(ISO_DATE, date('datum overdrachtsgesprek')) handoverDate!: string;
  @Field() @IsString() @Length(3, TEXT, { message: `verslag van de overdracht moet 3 tot ${TEXT} tekens lang zijn` }) handoverSummary!: string;
  @Field() @IsBoolean({ message: 'mentor geïnformeerd moet waar of onwaar zijn' }) mentorInformed!: boolean;
}

@InputType({ description: 'The follow-up evaluation after the return.' })
export class OovFollowUpInput {
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) @Matches(ISO_DATE, date('datum')) date!: string;
  @Field() @IsString() @Length(3, TEXT, { message: `verslag moet 3 tot ${TEXT} tekens lang zijn` }) summary!: string;
  @Field() @IsBoolean({ message: 'terugkeer geslaagd moet waar of onwaar zijn' }) returnSucceeded!: boolean;
}

@InputType()
export class StopOovInput {
  @Field() @IsString() @Length(3, 1000, { message: 'reden moet 3 tot 1000 tekens lang zijn' }) reason!: string;
}
