import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ZORGROUTE_REASONS } from '@zorgroute/workflows';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (f: string) => ({ message: `${f} moet een datum zijn (JJJJ-MM-DD)` });
const TEXT = 4000;
const max = (f: string, n = TEXT) => ({ message: `${f} mag maximaal ${n} tekens lang zijn` });

@InputType({ description: 'The secondary school registers the application of a pupil coming from primary school: the handover starts.' })
export class StartOverdrachtInput {
  @Field(() => ID) @IsUUID('all', { message: 'pupilId moet een geldige id zijn' }) pupilId!: string;
  @Field({ description: 'The school year the pupil enters secondary school, e.g. "2027-2028"; its regional calendar applies.' })
  @Matches(/^\d{4}-\d{4}$/, { message: 'schooljaar moet als "2027-2028" geschreven worden' })
  schoolYear!: string;
  @Field(() => String, { nullable: true, description: 'Date the written application was received (YYYY-MM-DD); default today.' })
  @IsOptional()
  @Matches(ISO_DATE, date('datum van ontvangst'))
  applicationReceivedOn?: string | null;
  @Field(() => [ID], { nullable: true, description: 'The parents’ order of preference (school ids); default this school only.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique({ message: 'een school hoogstens één keer in de voorkeursvolgorde' })
  @IsUUID('all', { each: true, message: 'voorkeursschool moet een geldige id zijn' })
  preferenceSchoolIds?: string[] | null;
  @Field() @IsString() @Length(2, 200, { message: 'naam basisschool moet 2 tot 200 tekens lang zijn' }) poSchoolName!: string;
  @Field(() => String, { nullable: true, description: 'The primary school’s contact (intern begeleider or teacher of group 8).' }) @IsOptional() @MaxLength(200, max('contactpersoon basisschool', 200)) poContactName?: string | null;
  @Field({ description: 'Support needs already known: the zorgplicht clock (P4) starts at once.' }) @IsBoolean({ message: 'ondersteuningsbehoefte moet waar of onwaar zijn' }) supportNeedsExpected!: boolean;
  @Field(() => ID, { nullable: true, description: 'The brugklascoördinator (a teamleider or the zorgcoördinator of the school); default the zorgcoördinator.' })
  @IsOptional()
  @IsUUID('all', { message: 'brugklascoordinatorId moet een geldige id zijn' })
  brugklascoordinatorId?: string | null;
}

@InputType({ description: 'The onderwijskundig rapport (cold handover file) with the final school advice.' })
export class OverdrachtOkrInput {
  @Field({ description: 'Definitief schooladvies, e.g. "havo/vwo".' }) @IsString() @Length(2, 100, { message: 'schooladvies moet 2 tot 100 tekens lang zijn' }) schooladvies!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('taal/lezen')) taalLezen?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('rekenen')) rekenen?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('sociaal-emotionele ontwikkeling')) sociaalEmotioneel?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('werkhouding')) werkhouding?: string | null;
  @Field(() => String, { nullable: true, description: 'External care or support the pupil gets, if any.' }) @IsOptional() @MaxLength(TEXT, max('externe zorg')) externeZorg?: string | null;
  @Field({ description: 'A pupil with support needs: warm handover and the zorgplicht clock.' }) @IsBoolean({ message: 'ondersteuningsbehoefte moet waar of onwaar zijn' }) supportNeeds!: boolean;
  @Field(() => String, { nullable: true, description: 'Required when supportNeeds.' }) @IsOptional() @MaxLength(TEXT, max('omschrijving ondersteuningsbehoefte')) supportNeedsDescription?: string | null;
}

@InputType({ description: 'A parent’s view on the transfer report, added before it is sent.' })
export class OverdrachtZienswijzeInput {
  @Field() @IsString() @Length(3, TEXT, { message: `zienswijze moet 3 tot ${TEXT} tekens lang zijn` }) text!: string;
}

@InputType()
export class OverdrachtSentInput {
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) @Matches(ISO_DATE, date('verzenddatum')) sentOn!: string;
  @Field(() => String, { nullable: true, description: 'OSO (default) or ANDERS.' }) @IsOptional() @IsIn(['OSO', 'ANDERS'], { message: 'verzonden via OSO of ANDERS' }) via?: 'OSO' | 'ANDERS' | null;
}

@InputType()
export class OverdrachtReceivedInput {
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) @Matches(ISO_DATE, date('ontvangstdatum')) receivedOn!: string;
  @Field(() => Boolean, { nullable: true, description: 'The secondary school’s own reading: the pupil has support needs.' }) @IsOptional() @IsBoolean({ message: 'ondersteuningsbehoefte moet waar of onwaar zijn' }) supportNeeds?: boolean | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('notitie')) note?: string | null;
}

@InputType({ description: 'The warm handover conversation of both schools with parents and pupil (F23).' })
export class WarmeOverdrachtInput {
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) @Matches(ISO_DATE, date('datum')) date!: string;
  @Field() @IsBoolean({ message: 'basisschool aanwezig moet waar of onwaar zijn' }) poPresent!: boolean;
  @Field() @IsBoolean({ message: 'ouders aanwezig moet waar of onwaar zijn' }) parentsPresent!: boolean;
  @Field() @IsBoolean({ message: 'leerling aanwezig moet waar of onwaar zijn' }) pupilPresent!: boolean;
  @Field(() => String, { nullable: true, description: '(Leer)ontwikkeling.' }) @IsOptional() @MaxLength(TEXT, max('ontwikkeling')) development?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('specifieke onderwijsbehoeften')) specificNeeds?: string | null;
  @Field(() => String, { nullable: true, description: 'What works and what does not.' }) @IsOptional() @MaxLength(TEXT, max('aanpak')) approach?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('aandachtspunten')) attentionPoints?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('afstemming met ouders')) parentAlignment?: string | null;
  @Field(() => String, { nullable: true, description: 'Aftercare agreed with the primary school.' }) @IsOptional() @MaxLength(TEXT, max('nazorg')) aftercare?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('talenten')) talents?: string | null;
  @Field() @IsString() @Length(3, TEXT, { message: `verslag moet 3 tot ${TEXT} tekens lang zijn` }) summary!: string;
}

@InputType({ description: 'The brugklascoördinator places the pupil and names his mentor.' })
export class OverdrachtPlacementInput {
  @Field() @IsString() @Length(1, 20, { message: 'klas moet 1 tot 20 tekens lang zijn' }) className!: string;
  @Field(() => ID, { description: 'The mentor (a mentor of the school).' }) @IsUUID('all', { message: 'mentorId moet een geldige id zijn' }) mentorId!: string;
  @Field(() => String, { nullable: true, description: 'Level of the (dakpan)class, e.g. "havo/vwo".' }) @IsOptional() @MaxLength(100, max('niveau', 100)) level?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('notitie')) note?: string | null;
}

@InputType()
export class OverdrachtReadInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000, max('notitie', 1000)) note?: string | null;
}

@InputType({ description: 'A direct referral to the IZO (P2), prefilled from the handover.' })
export class OverdrachtIzoReferralInput {
  @Field(() => [String], { description: `Reasons (one or more): ${ZORGROUTE_REASONS.join(', ')}.` })
  @ArrayMinSize(1, { message: 'kies één of meer redenen' })
  @ArrayMaxSize(5)
  @ArrayUnique({ message: 'elke reden hoogstens één keer' })
  @IsIn(ZORGROUTE_REASONS, { each: true, message: `reden moet een van ${ZORGROUTE_REASONS.join(', ')} zijn` })
  reasons!: string[];
  @Field() @IsString() @Length(3, TEXT, { message: `hulpvraag van de leerling moet 3 tot ${TEXT} tekens lang zijn` }) pupilHelpQuestion!: string;
  @Field() @IsString() @Length(3, TEXT, { message: `begeleidingsvraag moet 3 tot ${TEXT} tekens lang zijn` }) mentorSupportQuestion!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('probleem')) problem?: string | null;
  @Field() @IsBoolean({ message: 'ouders op de hoogte moet waar of onwaar zijn' }) parentsInformed!: boolean;
}

@InputType()
export class OverdrachtFeedbackInput {
  @Field({ description: 'How the pupil is doing (no diagnosis).' }) @IsString() @Length(3, TEXT, { message: `terugkoppeling moet 3 tot ${TEXT} tekens lang zijn` }) summary!: string;
  @Field(() => String, { nullable: true, description: 'Who at the primary school received it.' }) @IsOptional() @MaxLength(200, max('aan wie', 200)) sentTo?: string | null;
}

@InputType()
export class StopOverdrachtInput {
  @Field() @IsString() @Length(3, 1000, { message: 'reden moet 3 tot 1000 tekens lang zijn' }) reason!: string;
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
