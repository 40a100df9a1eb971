import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { Allow, IsBoolean, IsIn, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { EARLIEST_BIRTH_DATE, IsBirthDate } from '../../common/date-bounds';
import { ZorgplichtClockSort, ZorgplichtClockState } from '../models/zorgplicht.model';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/*
 * The start of a P4 aanmelding. Its fields, bounds and Dutch messages are defined once, in the start definition of the
 * step catalogue (ZORGPLICHT_START, libs/processes/src/zorgplicht/steps.ts), and checked by RegisterAanmeldingUseCase.
 * Checked here only: the api-only `schoolId`, and a new pupil's birth date within the bounds every date of birth in
 * Zorgroute has (common/date-bounds: not before 1990, which the catalogue's date field cannot say).
 */

@InputType()
export class AanmeldingParentInput {
  @Field() @Allow() name!: string;
  @Field() @Allow() email!: string;
}

@InputType({ description: 'A pupil who is not yet in Zorgroute: recorded at the receiving school, with the parents who receive the letters.' })
export class AanmeldingPupilInput {
  @Field() @Allow() firstName!: string;
  @Field() @Allow() lastName!: string;
  @Field({ description: `YYYY-MM-DD, from ${EARLIEST_BIRTH_DATE} up to today.` })
  @Matches(ISO_DATE, { message: 'geboortedatum moet een datum zijn (JJJJ-MM-DD)' })
  @IsBirthDate({ message: `geboortedatum moet tussen ${EARLIEST_BIRTH_DATE.slice(0, 4)} en vandaag liggen` })
  dateOfBirth!: string;
  @Field(() => [AanmeldingParentInput]) @Allow() parents!: AanmeldingParentInput[];
}

@InputType({ description: 'The written application (aanmelding) as received by the school of first preference.' })
export class RegisterAanmeldingInput {
  @Field(() => ID, { nullable: true, description: 'Admin only: the receiving school (a zorgcoördinator registers for his own school).' })
  @IsOptional()
  @IsUUID('all', { message: 'schoolId moet een geldige id zijn' })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An existing pupil; or give newPupil.' }) @Allow() pupilId?: string | null;

  @Field(() => AanmeldingPupilInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AanmeldingPupilInput)
  newPupil?: AanmeldingPupilInput | null;

  @Field({ description: 'Date of receipt of the written application (YYYY-MM-DD); may lie in the past.' }) @Allow() receivedOn!: string;

  @Field({ description: 'Whether the school expects the pupil to need extra support.' }) @Allow() extraSupportExpected!: boolean;

  @Field(() => [ID], { description: "The parents' order of preference; the first is the school of first preference, which holds the zorgplicht." })
  @Allow()
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
