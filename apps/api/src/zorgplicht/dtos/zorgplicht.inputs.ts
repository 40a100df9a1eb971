import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ZORGPLICHT_INVESTIGATION_KINDS, ZORGPLICHT_OUTCOMES, type ZorgplichtInvestigationKind, type ZorgplichtOutcome } from '@zorgroute/workflows';
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

@InputType()
export class ZorgplichtInvestigationInput {
  @Field(() => String, { description: 'INFO_OUDERS_GEVRAAGD, INFO_VORIGE_SCHOOL_GEVRAAGD, OSO_DOSSIER_ONTVANGEN, INTAKE or OBSERVATIE.' })
  @IsIn([...ZORGPLICHT_INVESTIGATION_KINDS], { message: `soort onderzoek moet een van ${ZORGPLICHT_INVESTIGATION_KINDS.join(', ')} zijn` })
  kind!: ZorgplichtInvestigationKind;

  @Field() @Matches(ISO_DATE, { message: 'datum moet een datum zijn (JJJJ-MM-DD)' }) date!: string;

  @Field(() => String, { nullable: true, description: 'Internal note for the school (never shown to the SWV or in e-mails).' })
  @IsOptional()
  @MaxLength(2000, { message: 'samenvatting mag maximaal 2000 tekens lang zijn' })
  summary?: string | null;
}

@InputType()
export class ExtendZorgplichtTermInput {
  @Field(() => Int, { description: 'At most 4 (policy).' })
  @IsInt({ message: 'weken moet een geheel getal zijn' })
  @Min(1, { message: 'verlengen kan met minimaal 1 week' })
  @Max(52)
  weeks!: number;

  @Field({ description: 'Stated in the written notice to the parents.' })
  @IsString()
  @Length(3, 1000, { message: 'reden moet 3 tot 1000 tekens lang zijn' })
  reason!: string;
}

@InputType()
export class RecordZorgplichtDecisionInput {
  @Field(() => String, { description: 'TOEGELATEN, PLEK_ELDERS, TLV_AANGEVRAAGD or INGETROKKEN.' })
  @IsIn([...ZORGPLICHT_OUTCOMES], { message: `uitkomst moet een van ${ZORGPLICHT_OUTCOMES.join(', ')} zijn` })
  outcome!: ZorgplichtOutcome;

  @Field(() => String, { nullable: true, description: 'Required except for INGETROKKEN; stated in the decision letter.' })
  @IsOptional()
  @MaxLength(2000, { message: 'motivering mag maximaal 2000 tekens lang zijn' })
  motivation?: string | null;

  @Field(() => String, { nullable: true, description: 'TOEGELATEN: the extra support (arrangement); empty = without arrangement.' })
  @IsOptional()
  @MaxLength(1000)
  arrangement?: string | null;

  @Field(() => ID, { nullable: true, description: 'PLEK_ELDERS: the admitting school, when it is in Zorgroute (its name is then taken from there).' })
  @IsOptional()
  @IsUUID('all', { message: 'admittingSchoolId moet een geldige id zijn' })
  admittingSchoolId?: string | null;

  @Field(() => String, { nullable: true, description: 'PLEK_ELDERS: the admitting school (required unless admittingSchoolId is given).' })
  @IsOptional()
  @MaxLength(200)
  admittingSchoolName?: string | null;

  @Field(() => String, { nullable: true, description: 'PLEK_ELDERS: when the other school agreed to admit the pupil (YYYY-MM-DD).' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'datum instemming moet een datum zijn (JJJJ-MM-DD)' })
  agreementDate?: string | null;

  @Field(() => String, { nullable: true, description: 'PLEK_ELDERS: how the agreement was given (e.g. letter, e-mail).' })
  @IsOptional()
  @MaxLength(1000)
  agreementNote?: string | null;

  @Field(() => String, { nullable: true, description: 'TLV_AANGEVRAAGD: when the TLV was requested (YYYY-MM-DD).' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'datum TLV-aanvraag moet een datum zijn (JJJJ-MM-DD)' })
  tlvRequestedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'INGETROKKEN: how and why the parents withdrew.' })
  @IsOptional()
  @MaxLength(1000)
  reason?: string | null;
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
