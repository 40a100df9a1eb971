import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { EARLIEST_BIRTH_DATE, IsBirthDate } from '../../common/date-bounds';
import { ZorgplichtClockSort, ZorgplichtClockState } from '../models/zorgplicht.model';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class AanmeldingParentInput {
  @Field() @IsString() @Length(2, 200, { message: 'naam van de ouder moet 2 tot 200 tekens lang zijn' }) name!: string;
  @Field() @IsEmail({}, { message: 'e-mailadres van de ouder is ongeldig' }) @MaxLength(320) email!: string;
}

@InputType({ description: 'A pupil who is not yet in Zorgroute: recorded at the receiving school, with the parents who receive the letters.' })
export class AanmeldingPupilInput {
  @Field() @IsString() @Length(1, 100, { message: 'voornaam moet 1 tot 100 tekens lang zijn' }) firstName!: string;
  @Field() @IsString() @Length(1, 100, { message: 'achternaam moet 1 tot 100 tekens lang zijn' }) lastName!: string;
  @Field({ description: `YYYY-MM-DD, from ${EARLIEST_BIRTH_DATE} up to today.` })
  @Matches(ISO_DATE, { message: 'geboortedatum moet een datum zijn (JJJJ-MM-DD)' })
  @IsBirthDate({ message: `geboortedatum moet tussen ${EARLIEST_BIRTH_DATE.slice(0, 4)} en vandaag liggen` })
  dateOfBirth!: string;
  @Field(() => [AanmeldingParentInput])
  @ValidateNested({ each: true })
  @Type(() => AanmeldingParentInput)
  @ArrayMinSize(1, { message: 'geef minstens één ouder of verzorger op' })
  @ArrayMaxSize(2, { message: 'maximaal twee ouders of verzorgers' })
  parents!: AanmeldingParentInput[];
}

@InputType({ description: 'The written application (aanmelding) as received by the school of first preference.' })
export class RegisterAanmeldingInput {
  @Field(() => ID, { nullable: true, description: 'Admin only: the receiving school (a zorgcoördinator registers for his own school).' })
  @IsOptional()
  @IsUUID('all', { message: 'schoolId moet een geldige id zijn' })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An existing pupil; or give newPupil.' })
  @IsOptional()
  @IsUUID('all', { message: 'pupilId moet een geldige id zijn' })
  pupilId?: string | null;

  @Field(() => AanmeldingPupilInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AanmeldingPupilInput)
  newPupil?: AanmeldingPupilInput | null;

  @Field({ description: 'Date of receipt of the written application (YYYY-MM-DD); may lie in the past.' })
  @Matches(ISO_DATE, { message: 'datum van ontvangst moet een datum zijn (JJJJ-MM-DD)' })
  receivedOn!: string;

  @Field({ description: 'Whether the school expects the pupil to need extra support.' })
  @IsBoolean()
  extraSupportExpected!: boolean;

  @Field(() => [ID], { description: "The parents' order of preference; the first is the school of first preference, which holds the zorgplicht." })
  @ArrayMinSize(1, { message: 'geef de voorkeursvolgorde van de ouders op' })
  @ArrayMaxSize(10)
  @ArrayUnique({ message: 'een school staat meer dan een keer in de voorkeursvolgorde' })
  @IsUUID('all', { each: true, message: 'voorkeursscholen moeten geldige ids zijn' })
  preferenceSchoolIds!: string[];
}

/*
 * The step inputs below only give API clients typed mutations: what a field means, whether it is required, its bounds
 * and its Dutch messages are defined once, in the step catalogue (libs/processes/src/zorgplicht/steps.ts), and checked
 * by CaseStepService and the workflow. apps/api/test/zorgplicht.int-spec.ts keeps these field names equal to the
 * catalogue's.
 */

@InputType({ description: 'RECORD_INVESTIGATION (see the step catalogue).' })
export class ZorgplichtInvestigationInput {
  @Field(() => String, { description: 'INFO_OUDERS_GEVRAAGD, INFO_VORIGE_SCHOOL_GEVRAAGD, OSO_DOSSIER_ONTVANGEN, INTAKE or OBSERVATIE.' }) kind!: string;
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) date!: string;
  @Field(() => String, { nullable: true, description: 'Internal note for the school (never shown to the SWV or in e-mails).' }) summary?: string | null;
}

@InputType({ description: 'EXTEND_TERM (see the step catalogue).' })
export class ExtendZorgplichtTermInput {
  @Field(() => Int, { description: 'From 1 to the policy’s maximum (zorgplicht.extensionMaxWeeks, by law at most 4).' }) weeks!: number;
  @Field({ description: 'Stated in the written notice to the parents.' }) reason!: string;
}

@InputType({ description: 'RECORD_DECISION (see the step catalogue).' })
export class RecordZorgplichtDecisionInput {
  @Field(() => String, { description: 'TOEGELATEN, PLEK_ELDERS, TLV_AANGEVRAAGD or INGETROKKEN.' }) outcome!: string;
  @Field(() => String, { nullable: true, description: 'Required except for INGETROKKEN (and not given then); stated in the decision letter.' }) motivation?: string | null;
  @Field(() => String, { nullable: true, description: 'TOEGELATEN only: the extra support (arrangement); empty = without arrangement.' }) arrangement?: string | null;
  @Field(() => ID, { nullable: true, description: 'PLEK_ELDERS only: the admitting school, when it is in Zorgroute (its name is then taken from there).' }) admittingSchoolId?: string | null;
  @Field(() => String, { nullable: true, description: 'PLEK_ELDERS only: the admitting school (required unless admittingSchoolId is given).' }) admittingSchoolName?: string | null;
  @Field(() => String, { nullable: true, description: 'PLEK_ELDERS only, required: when the other school agreed to admit the pupil (YYYY-MM-DD).' }) agreementDate?: string | null;
  @Field(() => String, { nullable: true, description: 'PLEK_ELDERS only: how the agreement was given (e.g. letter, e-mail).' }) agreementNote?: string | null;
  @Field(() => String, { nullable: true, description: 'TLV_AANGEVRAAGD only, required: when the TLV was requested (YYYY-MM-DD).' }) tlvRequestedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'INGETROKKEN only, required: how and why the parents withdrew.' }) reason?: string | null;
}

@InputType('ZorgplichtClockFilter')
export class ZorgplichtClockFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'schoolId moet een geldige id zijn' })
  schoolId?: string | null;

  @Field(() => String, { nullable: true, description: 'Case status: ONTVANGEN, ONDERZOEK or VERLENGD.' })
  @IsOptional()
  @IsIn(['ONTVANGEN', 'ONDERZOEK', 'VERLENGD'], { message: 'status moet ONTVANGEN, ONDERZOEK of VERLENGD zijn' })
  status?: string | null;

  @Field(() => ZorgplichtClockState, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ZorgplichtClockState), { message: 'onbekende termijnstatus' })
  clockState?: ZorgplichtClockState | null;

  @Field(() => Boolean, { nullable: true, description: 'Only clocks whose term was (true) or was not (false) extended.' })
  @IsOptional()
  @IsBoolean()
  extended?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only clocks past (true) or before (false) the 10-week mark.' })
  @IsOptional()
  @IsBoolean()
  pastTenWeeks?: boolean | null;

  @Field(() => ZorgplichtClockSort, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ZorgplichtClockSort))
  sort?: ZorgplichtClockSort | null;
}
