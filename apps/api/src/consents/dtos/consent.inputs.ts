import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

@InputType()
export class GiveConsentInput {
  @Field(() => ID) @IsString() @Length(1, 200, { message: 'caseId ontbreekt' }) caseId!: string;
  @Field(() => ID) @IsString() @Length(1, 260, { message: 'requestId ontbreekt' }) requestId!: string;
  @Field({ description: 'GIVEN or REFUSED.' })
  @IsIn(['GIVEN', 'REFUSED'], { message: 'besluit moet GIVEN (toestemming) of REFUSED (geweigerd) zijn' })
  decision!: 'GIVEN' | 'REFUSED';
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000, { message: 'toelichting mag maximaal 1000 tekens lang zijn' }) note?: string | null;
}

@InputType({ description: 'A signed paper form, scanned into the dossier and recorded by staff.' })
export class PaperConsentInput {
  @Field(() => ID) @IsString() @Length(1, 200, { message: 'caseId ontbreekt' }) caseId!: string;
  @Field(() => ID) @IsString() @Length(1, 260, { message: 'requestId ontbreekt' }) requestId!: string;
  @Field() @IsIn(['GIVEN', 'REFUSED'], { message: 'besluit moet GIVEN (toestemming) of REFUSED (geweigerd) zijn' }) decision!: 'GIVEN' | 'REFUSED';
  @Field(() => ID, { description: 'The parent (or the pupil of 16+) who signed.' }) @IsUUID('all', { message: 'ondertekenaar moet een geldige id zijn' }) giverUserId!: string;
  @Field(() => ID, { description: 'The uploaded scan of the signed form: a document of this case (POST /documents/cases/:caseId).' })
  @IsUUID('all', { message: 'scan moet een geüpload document van dit dossier zijn' })
  scanDocumentId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000, { message: 'toelichting mag maximaal 1000 tekens lang zijn' }) note?: string | null;
}

@InputType()
export class WithdrawConsentInput {
  @Field(() => ID) @IsString() @Length(1, 200, { message: 'caseId ontbreekt' }) caseId!: string;
  @Field(() => ID) @IsString() @Length(1, 260, { message: 'requestId ontbreekt' }) requestId!: string;
  @Field() @IsString() @Length(3, 1000, { message: 'reden moet 3 tot 1000 tekens lang zijn' }) reason!: string;
}

@InputType()
export class ConsentTimeoutDecisionInput {
  @Field(() => ID) @IsString() @Length(1, 200, { message: 'caseId ontbreekt' }) caseId!: string;
  @Field(() => ID) @IsString() @Length(1, 260, { message: 'requestId ontbreekt' }) requestId!: string;
  @Field({ description: 'RETRY (ask again) or ABANDON (stop asking).' })
  @IsIn(['RETRY', 'ABANDON'], { message: 'besluit moet RETRY (opnieuw vragen) of ABANDON (stoppen) zijn' })
  decision!: 'RETRY' | 'ABANDON';
  @Field() @IsString() @Length(3, 1000, { message: 'reden moet 3 tot 1000 tekens lang zijn' }) reason!: string;
}
