import { Field, ID, InputType } from '@nestjs/graphql';
import { Allow, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/*
 * Only the start has its own input: the steps of a TLV request are taken with `takeStep` (CaseStepService), their
 * fields, bounds and Dutch messages defined once in the step catalogue (libs/processes/src/tlv/steps.ts).
 */

@InputType({ description: 'The zorgcoördinator requests a toelaatbaarheidsverklaring (TLV) with the parents, after a Flex-ZAT.' })
export class StartTlvInput {
  // The fields, bounds and Dutch messages are defined once, in the start definition of the step catalogue (TLV_START,
  // libs/processes/src/tlv/steps.ts), and checked by StartTlvUseCase; the api-only fields below keep their checks.
  @Field(() => ID) @Allow() pupilId!: string;
  @Field({ description: 'Why a TLV is considered (internal, for the school and the SWV).' }) @Allow() reason!: string;
  @Field(() => String, { nullable: true, description: 'The date of the Flex-ZAT that precedes the request (YYYY-MM-DD, not in the future).' }) @Allow() flexZatDate?: string | null;
  @Field(() => Boolean, { defaultValue: false, description: 'Whether the VSO’s deskundigheidsverklaring belongs to this dossier (a VSO school is involved).' })
  @Allow()
  deskundigheidsverklaringVso?: boolean;
  @Field(() => ID, { nullable: true, description: 'The case the request comes from (e.g. the zorgroute case with the Flex-ZAT), of the same pupil.' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'originCaseId mag maximaal 200 tekens lang zijn' })
  originCaseId?: string | null;
  @Field(() => String, { nullable: true, description: 'Idempotency key: the same key never starts a second case.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'requestKey mag alleen letters, cijfers, - en _ bevatten (max. 64)' })
  requestKey?: string | null;
}
