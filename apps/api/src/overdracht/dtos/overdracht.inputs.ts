import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { Allow, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ZORGROUTE_REASONS } from '@zorgroute/workflows';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (f: string) => ({ message: `${f} moet een datum zijn (JJJJ-MM-DD)` });
const TEXT = 4000;
const max = (f: string, n = TEXT) => ({ message: `${f} mag maximaal ${n} tekens lang zijn` });

/**
 * The start of a PO→VO overdracht. Its fields, bounds and Dutch messages are defined once, in the start definition of
 * the step catalogue (OVERDRACHT_START, libs/processes/src/overdracht/steps.ts), and checked by StartOverdrachtUseCase.
 */
@InputType({ description: 'The secondary school registers the application of a pupil coming from primary school: the handover starts.' })
export class StartOverdrachtInput {
  @Field(() => ID) @Allow() pupilId!: string;
  @Field({ description: 'The school year the pupil enters secondary school, e.g. "2027-2028"; its regional calendar applies.' }) @Allow() schoolYear!: string;
  @Field(() => String, { nullable: true, description: 'Date the written application was received (YYYY-MM-DD); default today.' })
  @Allow()
  applicationReceivedOn?: string | null;
  @Field(() => [ID], { nullable: true, description: 'The parents’ order of preference (school ids); default this school only.' })
  @Allow()
  preferenceSchoolIds?: string[] | null;
  @Field() @Allow() poSchoolName!: string;
  @Field(() => String, { nullable: true, description: 'The primary school’s contact (intern begeleider or teacher of group 8).' }) @Allow() poContactName?: string | null;
  @Field({ description: 'Support needs already known: the zorgplicht clock (P4) starts at once.' }) @Allow() supportNeedsExpected!: boolean;
  @Field(() => ID, { nullable: true, description: 'The brugklascoördinator (a teamleider or the zorgcoördinator of the school); default the zorgcoördinator.' })
  @Allow()
  brugklascoordinatorId?: string | null;
}

/*
 * The step inputs below only give API clients typed mutations: what a field means, whether it is required, its bounds
 * and its Dutch messages are defined once, in the step catalogue (libs/processes/src/overdracht/steps.ts), and checked
 * by CaseStepService and the workflow. The overdracht api spec checks that these field names equal the catalogue's.
 */

@InputType({ description: 'OVERDRACHT_RECORD_OKR: the onderwijskundig rapport (cold handover file) with the final school advice.' })
export class OverdrachtOkrInput {
  @Field({ description: 'Definitief schooladvies, e.g. "havo/vwo".' }) schooladvies!: string;
  @Field(() => String, { nullable: true }) taalLezen?: string | null;
  @Field(() => String, { nullable: true }) rekenen?: string | null;
  @Field(() => String, { nullable: true }) sociaalEmotioneel?: string | null;
  @Field(() => String, { nullable: true }) werkhouding?: string | null;
  @Field(() => String, { nullable: true, description: 'External care or support the pupil gets, if any.' }) externeZorg?: string | null;
  @Field({ description: 'A pupil with support needs: warm handover and the zorgplicht clock.' }) supportNeeds!: boolean;
  @Field(() => String, { nullable: true, description: 'Required when supportNeeds.' }) supportNeedsDescription?: string | null;
}

@InputType({ description: 'OVERDRACHT_ZIENSWIJZE: a parent’s view on the transfer report, added before it is sent.' })
export class OverdrachtZienswijzeInput {
  @Field() text!: string;
}

@InputType({ description: 'OVERDRACHT_SEND_OKR (see the step catalogue).' })
export class OverdrachtSentInput {
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) sentOn!: string;
  @Field(() => String, { nullable: true, description: 'OSO (default) or ANDERS.' }) via?: 'OSO' | 'ANDERS' | null;
}

@InputType({ description: 'OVERDRACHT_CONFIRM_RECEIPT (see the step catalogue).' })
export class OverdrachtReceivedInput {
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) receivedOn!: string;
  @Field(() => Boolean, { nullable: true, description: 'The secondary school’s own reading: the pupil has support needs.' }) supportNeeds?: boolean | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType({ description: 'OVERDRACHT_WARM_HANDOVER: the warm handover conversation of both schools with parents and pupil (F23).' })
export class WarmeOverdrachtInput {
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) date!: string;
  @Field() poPresent!: boolean;
  @Field() parentsPresent!: boolean;
  @Field() pupilPresent!: boolean;
  @Field(() => String, { nullable: true, description: '(Leer)ontwikkeling.' }) development?: string | null;
  @Field(() => String, { nullable: true }) specificNeeds?: string | null;
  @Field(() => String, { nullable: true, description: 'What works and what does not.' }) approach?: string | null;
  @Field(() => String, { nullable: true }) attentionPoints?: string | null;
  @Field(() => String, { nullable: true }) parentAlignment?: string | null;
  @Field(() => String, { nullable: true, description: 'Aftercare agreed with the primary school.' }) aftercare?: string | null;
  @Field(() => String, { nullable: true }) talents?: string | null;
  @Field() summary!: string;
}

@InputType({ description: 'OVERDRACHT_PLACEMENT: the brugklascoördinator places the pupil and names his mentor.' })
export class OverdrachtPlacementInput {
  @Field() className!: string;
  @Field(() => ID, { description: 'The mentor (a mentor of the school); the api adds his name.' }) mentorId!: string;
  @Field(() => String, { nullable: true, description: 'Level of the (dakpan)class, e.g. "havo/vwo".' }) level?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType({ description: 'OVERDRACHT_MENTOR_READ (see the step catalogue).' })
export class OverdrachtReadInput {
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType({ description: 'OVERDRACHT_IZO_REFERRAL: a direct referral to the IZO (P2), prefilled from the handover.' })
export class OverdrachtIzoReferralInput {
  @Field(() => [String], { description: `Reasons (one or more): ${ZORGROUTE_REASONS.join(', ')}.` }) reasons!: string[];
  @Field() pupilHelpQuestion!: string;
  @Field() mentorSupportQuestion!: string;
  @Field(() => String, { nullable: true }) problem?: string | null;
  @Field() parentsInformed!: boolean;
}

@InputType({ description: 'OVERDRACHT_FEEDBACK (see the step catalogue).' })
export class OverdrachtFeedbackInput {
  @Field({ description: 'How the pupil is doing (no diagnosis).' }) summary!: string;
  @Field(() => String, { nullable: true, description: 'Who at the primary school received it.' }) sentTo?: string | null;
}

@InputType({ description: 'STOP_OVERDRACHT (see the step catalogue).' })
export class StopOverdrachtInput {
  @Field() reason!: string;
}

@InputType()
export class OverdrachtDateRangeInput {
  @Field() @Matches(ISO_DATE, date('van')) from!: string;
  @Field() @Matches(ISO_DATE, date('tot en met')) to!: string;
}

@InputType()
export class OverdrachtTerugkoppelingInput {
  @Field(() => String, { nullable: true, description: 'Feedback after the first report (default: 16 weeks after the start of the school year).' })
  @IsOptional()
  @Matches(ISO_DATE, date('terugkoppeling na het eerste rapport'))
  naEersteRapport?: string | null;
  @Field(() => String, { nullable: true, description: 'Feedback at the end of year 1 (default: the last school day before the zomervakantie).' })
  @IsOptional()
  @Matches(ISO_DATE, date('terugkoppeling einde leerjaar 1'))
  eindeLeerjaar1?: string | null;
}

@InputType({ description: 'The regional PO→VO calendar of one school year.' })
export class OverdrachtRegionalCalendarInput {
  @Field({ description: 'E.g. "2027-2028": the school year the pupils enter secondary school.' }) @Matches(/^\d{4}-\d{4}$/, { message: 'schooljaar moet als "2027-2028" geschreven worden' }) schoolYear!: string;
  @Field({ description: 'Final school advice given by this date.' }) @Matches(ISO_DATE, date('schooladvies uiterlijk')) schooladviesBy!: string;
  @Field(() => OverdrachtDateRangeInput) @ValidateNested() @Type(() => OverdrachtDateRangeInput) aanmeldweek!: OverdrachtDateRangeInput;
  @Field({ description: 'OSO exchange deadline.' }) @Matches(ISO_DATE, date('OSO-uitwisseldatum')) osoDeadline!: string;
  @Field(() => OverdrachtDateRangeInput) @ValidateNested() @Type(() => OverdrachtDateRangeInput) warmeOverdracht!: OverdrachtDateRangeInput;
  @Field({ description: 'First school day of the new school year.' }) @Matches(ISO_DATE, date('start schooljaar')) startSchoolYear!: string;
  @Field(() => OverdrachtTerugkoppelingInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => OverdrachtTerugkoppelingInput) terugkoppeling?: OverdrachtTerugkoppelingInput | null;
  @Field(() => String, { nullable: true, description: 'Why (stored with the policy version).' }) @IsOptional() @MaxLength(500, max('toelichting', 500)) note?: string | null;
}
