import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
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
import {
  EXTERNAL_TARGETS,
  INTERNAL_SUPPORT_TYPES,
  IZO_DECISION_KINDS,
  REFERRAL_SOURCES,
  SUPPORT_NEEDS,
  SWV_PROVISIONS,
  ZORGROUTE_REASONS,
} from '@zorgroute/workflows';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MSG = (f: string) => ({ message: `${f} moet een datum zijn (JJJJ-MM-DD)` });
const TEXT = 4000;
const max = (f: string, n = TEXT) => ({ message: `${f} mag maximaal ${n} tekens lang zijn` });

/** IZO aanmeldformulier (Bijlage 20). All fields optional here; completeness is checked when the form is submitted. */
@InputType('ZorgrouteReferralFormInput')
export class ZorgrouteReferralFormInput {
  @Field(() => [String], { nullable: true, description: `Reasons (one or more): ${ZORGROUTE_REASONS.join(', ')}.` })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsIn(ZORGROUTE_REASONS, { each: true, message: `reden moet een van ${ZORGROUTE_REASONS.join(', ')} zijn` })
  reasons?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Ouders zijn op de hoogte van de aanmelding.' }) @IsOptional() @IsBoolean({ message: 'ouders op de hoogte moet ja of nee zijn' }) parentsInformed?: boolean | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000, max('reden waarom ouders niet op de hoogte zijn', 2000)) parentsNotInformedReason?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('probleem')) problem?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('sinds wanneer')) problemSince?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('belemmerende factoren')) hinderingFactors?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('functioneren thuis')) functioningAtHome?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('wat gaat goed')) strengths?: string | null;
  @Field(() => String, { nullable: true, description: 'Hulpvraag van de leerling (mandatory at submission).' }) @IsOptional() @MaxLength(TEXT, max('hulpvraag leerling')) pupilHelpQuestion?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('hulpvraag ouders')) parentsHelpQuestion?: string | null;
  @Field(() => String, { nullable: true, description: 'Begeleidingsvraag van mentor/docenten (mandatory at submission).' }) @IsOptional() @MaxLength(TEXT, max('begeleidingsvraag')) mentorSupportQuestion?: string | null;
  @Field(() => [String], { nullable: true, description: `Support needed: ${SUPPORT_NEEDS.join(', ')}.` })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsIn(SUPPORT_NEEDS, { each: true, message: `ondersteuningsbehoefte moet een van ${SUPPORT_NEEDS.join(', ')} zijn` })
  supportNeeded?: string[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000, max('andere ondersteuning', 1000)) supportNeededOther?: string | null;
  @Field(() => String, { nullable: true, description: 'Wat heeft de aanmelder zelf gedaan (first-line actions).' }) @IsOptional() @MaxLength(TEXT, max('eerstelijns acties')) firstLineActions?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('eerdere hulpverlening')) earlierCareContacts?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('eerder besproken')) earlierDiscussed?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('eerder onderzoek')) earlierAssessment?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('stoornis')) diagnosedDisorder?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('schoolloopbaan')) schoolCareer?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('leerresultaten')) results?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('ontwikkelingsperspectief')) developmentPerspective?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('sociaal-emotionele ontwikkeling')) socialEmotional?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('werkhouding')) workAttitude?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('welbevinden')) wellbeing?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('aanwezigheid')) attendance?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('overige opmerkingen')) otherRemarks?: string | null;
}

@InputType()
export class StartZorgrouteInput {
  @Field(() => ID) @IsUUID('all', { message: 'pupilId moet een geldige id zijn' }) pupilId!: string;
  @Field({ description: `Where the referral comes from: ${REFERRAL_SOURCES.join(', ')}.` })
  @IsIn(REFERRAL_SOURCES, { message: `bron moet een van ${REFERRAL_SOURCES.join(', ')} zijn` })
  source!: string;
  @Field(() => ZorgrouteReferralFormInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ZorgrouteReferralFormInput) form?: ZorgrouteReferralFormInput | null;
  @Field(() => Boolean, { nullable: true, description: 'Submit right away (the form must be complete).' }) @IsOptional() @IsBoolean() submit?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Idempotency key: the same key never starts a second case.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'requestKey mag alleen letters, cijfers, - en _ bevatten (max. 64)' })
  requestKey?: string | null;
}

@InputType()
export class TriageZorgrouteInput {
  @Field({ description: 'TERUG_NAAR_AANMELDER, EERST_EERSTELIJNS_ACTIES, BILATERAAL or GEACCEPTEERD.' })
  @IsIn(['TERUG_NAAR_AANMELDER', 'EERST_EERSTELIJNS_ACTIES', 'BILATERAAL', 'GEACCEPTEERD'], { message: 'uitkomst moet TERUG_NAAR_AANMELDER, EERST_EERSTELIJNS_ACTIES, BILATERAAL of GEACCEPTEERD zijn' })
  outcome!: 'TERUG_NAAR_AANMELDER' | 'EERST_EERSTELIJNS_ACTIES' | 'BILATERAAL' | 'GEACCEPTEERD';
  @Field({ description: '(a) Hoort het probleem in de tweede lijn?' }) @IsBoolean() secondLine!: boolean;
  @Field({ description: '(b) Zijn hulpvraag en begeleidingsvraag helder?' }) @IsBoolean() questionsClear!: boolean;
  @Field({ description: '(c) Zijn alle mogelijke eerstelijns acties ondernomen?' }) @IsBoolean() firstLineDone!: boolean;
  @Field({ description: '(d) Weten ouders en leerling van de aanmelding?' }) @IsBoolean() parentsAndPupilKnow!: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000, max('wat ontbreekt', 2000)) missingInformation?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000, max('eerstelijns acties', 2000)) firstLineActions?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(ISO_DATE, DATE_MSG('datum opnieuw bekijken')) recheckDate?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, max('bilateraal met', 200)) bilateralWith?: string | null;
  @Field(() => ID, { nullable: true, description: 'Who holds the conversations with parents and pupil (default the referrer).' }) @IsOptional() @IsUUID('all', { message: 'contactpersoon moet een geldige id zijn' }) contactPersonId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Approve that the parents are not informed (safety exception, rule 3).' }) @IsOptional() @IsBoolean() approveParentsNotInformed?: boolean | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000, max('toelichting', 2000)) note?: string | null;
}

@InputType()
export class ZorgrouteConversationInput {
  @Field() @Matches(ISO_DATE, DATE_MSG('datum')) date!: string;
  @Field(() => String, { nullable: true, description: 'Required unless the parents-not-informed exception was approved.' }) @IsOptional() @MaxLength(TEXT, max('verslag ouders')) parentsReport?: string | null;
  @Field() @IsString() @Length(3, TEXT, { message: `verslag leerling moet 3 tot ${TEXT} tekens lang zijn` }) pupilReport!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('afspraken')) agreements?: string | null;
}

@InputType()
export class RescheduleIzoInput {
  @Field() @Matches(ISO_DATE, DATE_MSG('datum IZO')) meetingDate!: string;
  @Field() @IsString() @Length(3, 1000, { message: 'reden moet 3 tot 1000 tekens lang zijn' }) reason!: string;
}

@InputType()
export class IzoMinutesInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('analyse')) analysis?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('hulpvraag')) pupilHelpQuestion?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('begeleidingsvraag')) mentorSupportQuestion?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('al gedaan')) alreadyDone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('ontwikkelingsperspectief')) developmentPerspective?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('onderwijsbehoeften')) educationalNeeds?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('aanbod in de groep')) groupOffer?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('begeleiding leerling')) pupilSupport?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('coaching mentor')) mentorCoaching?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('vraag aan het ZAT')) zatQuestion?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('afstemming ouders')) parentAlignment?: string | null;
  @Field() @IsString() @Length(3, TEXT, { message: `samenvatting moet 3 tot ${TEXT} tekens lang zijn` }) summary!: string;
}

@InputType()
export class IzoDecisionInput {
  @Field({ description: `One of ${IZO_DECISION_KINDS.join(', ')}.` }) @IsIn(IZO_DECISION_KINDS, { message: `besluit moet een van ${IZO_DECISION_KINDS.join(', ')} zijn` }) kind!: string;
  @Field() @IsString() @Length(3, 2000, { message: 'omschrijving moet 3 tot 2000 tekens lang zijn' }) description!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(INTERNAL_SUPPORT_TYPES, { message: `soort ondersteuning moet een van ${INTERNAL_SUPPORT_TYPES.join(', ')} zijn` }) supportType?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000, max('doel', 1000)) goal?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, max('uitvoerder', 200)) provider?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(ISO_DATE, DATE_MSG('startdatum')) startDate?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, max('frequentie', 200)) frequency?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, max('duur', 200)) duration?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(ISO_DATE, DATE_MSG('evaluatiedatum')) evaluationDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Start a linked case: ONDERSTEUNINGSTRAJECT (or JOS, when available).' })
  @IsOptional()
  @IsIn(['ONDERSTEUNINGSTRAJECT', 'JOS'], { message: 'te starten proces moet ONDERSTEUNINGSTRAJECT of JOS zijn' })
  startProcess?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(52) trajectWeeks?: number | null;
  @Field(() => [String], { nullable: true, description: 'JOS: the need(s) of the pupil (at least one of the six).' }) @IsOptional() @ArrayMaxSize(6) @IsString({ each: true }) josNeeds?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'JOS: the JOS worker who guides the pupil.' }) @IsOptional() @IsUUID('all', { message: 'JOS-medewerker moet een geldige id zijn' }) josWorkerId?: string | null;
}

@InputType()
export class IzoDiscussionInput {
  @Field(() => IzoMinutesInput) @ValidateNested() @Type(() => IzoMinutesInput) minutes!: IzoMinutesInput;
  @Field(() => [IzoDecisionInput]) @ArrayMinSize(1, { message: 'leg minstens één besluit vast' }) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => IzoDecisionInput) decisions!: IzoDecisionInput[];
  @Field(() => String, { nullable: true, description: 'Default: policy evaluationAfterWeeks after the meeting.' }) @IsOptional() @Matches(ISO_DATE, DATE_MSG('evaluatiedatum')) evaluationDate?: string | null;
}

@InputType()
export class ZorgrouteConfirmInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000, max('toelichting', 1000)) note?: string | null;
}

@InputType()
export class IzoEvaluationInput {
  @Field({ description: 'DOEL_BEREIKT, VOORTZETTEN or VERWIJZING_ZAT.' })
  @IsIn(['DOEL_BEREIKT', 'VOORTZETTEN', 'VERWIJZING_ZAT'], { message: 'uitkomst moet DOEL_BEREIKT, VOORTZETTEN of VERWIJZING_ZAT zijn' })
  outcome!: 'DOEL_BEREIKT' | 'VOORTZETTEN' | 'VERWIJZING_ZAT';
  @Field() @IsString() @Length(3, TEXT, { message: `samenvatting moet 3 tot ${TEXT} tekens lang zijn` }) summary!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(ISO_DATE, DATE_MSG('volgende evaluatiedatum')) nextEvaluationDate?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000, max('nazorg', 2000)) nazorg?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000, max('vraag aan het ZAT', 2000)) zatQuestion?: string | null;
}

@InputType()
export class ZatReferralInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('probleem')) problem?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('factoren')) factors?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('behoeften')) needs?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('schoolloopbaan')) schoolCareer?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('functioneren')) functioning?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('interne ondersteuning')) internalSupportDone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('thuissituatie')) homeSituation?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('eerdere hulpverlening')) earlierCareContacts?: string | null;
  @Field(() => String, { nullable: true, description: 'Hulpvraag van leerling, ouders en school (required, prefilled).' }) @IsOptional() @MaxLength(TEXT, max('hulpvraag')) helpQuestion?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('sterke kanten')) strengths?: string | null;
  @Field(() => String, { nullable: true, description: 'The question to the ZAT (required, prefilled).' }) @IsOptional() @MaxLength(TEXT, max('vraag aan het ZAT')) questionToZat?: string | null;
}

@InputType()
export class PlanZatInput {
  @Field() @Matches(ISO_DATE, DATE_MSG('datum ZAT')) meetingDate!: string;
  @Field(() => String, { nullable: true, description: 'OP_SCHOOL or TELEFONISCH (Flex-ZAT may be held by phone).' }) @IsOptional() @IsIn(['OP_SCHOOL', 'TELEFONISCH'], { message: 'vorm moet OP_SCHOOL of TELEFONISCH zijn' }) mode?: 'OP_SCHOOL' | 'TELEFONISCH' | null;
  @Field(() => [String], { nullable: true, description: 'Extra invitees (a Flex-ZAT always invites parents and pupil).' }) @IsOptional() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(200, { each: true }) invitees?: string[] | null;
  @Field(() => String, { nullable: true, description: 'HH:MM, when known (shown in the invitations).' }) @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'tijd moet de vorm UU:MM hebben, bijvoorbeeld 14:30' }) meetingTime?: string | null;
  @Field(() => String, { nullable: true, description: 'Where at school (shown in the invitations; no case details).' }) @IsOptional() @IsString() @MaxLength(120, { message: 'plaats mag maximaal 120 tekens lang zijn' }) location?: string | null;
}

@InputType()
export class ZatActionInput {
  @Field() @IsString() @Length(1, 200, { message: 'wie moet 1 tot 200 tekens lang zijn' }) who!: string;
  @Field() @IsString() @Length(3, 1000, { message: 'wat moet 3 tot 1000 tekens lang zijn' }) what!: string;
  @Field() @IsString() @Length(3, 1000, { message: 'doel moet 3 tot 1000 tekens lang zijn' }) goal!: string;
  @Field() @Matches(ISO_DATE, DATE_MSG('uiterlijk')) due!: string;
}

@InputType()
export class ZatDiscussionInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('analyse')) analysis?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('behoeften')) needs?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('oplossingen leerling')) solutionsPupil?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('oplossingen gezin')) solutionsFamily?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT, max('oplossingen school')) solutionsSchool?: string | null;
  @Field(() => [ZatActionInput]) @ArrayMinSize(1, { message: 'het plan van aanpak heeft minstens één actie' }) @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => ZatActionInput) actions!: ZatActionInput[];
  @Field() @IsString() @Length(2, 200, { message: 'casusregisseur moet 2 tot 200 tekens lang zijn' }) casusregisseur!: string;
  @Field(() => ID, { nullable: true, description: 'The casusregisseur as a user, when he has an account.' }) @IsOptional() @IsUUID('all', { message: 'casusregisseur moet een geldige id zijn' }) casusregisseurUserId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, max('terugkoppeling gezin door', 200)) feedbackToFamilyBy?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, max('terugkoppeling school door', 200)) feedbackToSchoolBy?: string | null;
  @Field() @Matches(ISO_DATE, DATE_MSG('evaluatiedatum')) evaluationDate!: string;
  @Field() @IsString() @Length(3, TEXT, { message: `samenvatting moet 3 tot ${TEXT} tekens lang zijn` }) summary!: string;
}

@InputType()
export class ZatEvaluationInput {
  @Field({ description: 'VOORTZETTEN, VOORLOPIG_AFGESLOTEN, AFGESLOTEN, EXTERN_VERWEZEN, SWV_VOORZIENING_AANGEVRAAGD or LEERPLICHT.' })
  @IsIn(['VOORTZETTEN', 'VOORLOPIG_AFGESLOTEN', 'AFGESLOTEN', 'EXTERN_VERWEZEN', 'SWV_VOORZIENING_AANGEVRAAGD', 'LEERPLICHT'], { message: 'onbekende uitkomst van de ZAT-evaluatie' })
  outcome!: 'VOORTZETTEN' | 'VOORLOPIG_AFGESLOTEN' | 'AFGESLOTEN' | 'EXTERN_VERWEZEN' | 'SWV_VOORZIENING_AANGEVRAAGD' | 'LEERPLICHT';
  @Field() @IsString() @Length(3, TEXT, { message: `samenvatting moet 3 tot ${TEXT} tekens lang zijn` }) summary!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(ISO_DATE, DATE_MSG('volgende evaluatiedatum')) nextEvaluationDate?: string | null;
  @Field(() => [ZatActionInput], { nullable: true }) @IsOptional() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => ZatActionInput) actions?: ZatActionInput[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(EXTERNAL_TARGETS, { message: `verwezen naar moet een van ${EXTERNAL_TARGETS.join(', ')} zijn` }) externalTarget?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(SWV_PROVISIONS, { message: `voorziening moet een van ${SWV_PROVISIONS.join(', ')} zijn` }) swvProvision?: string | null;
}

@InputType()
export class CloseZorgrouteInput {
  @Field() @IsString() @Length(3, 1000, { message: 'reden moet 3 tot 1000 tekens lang zijn' }) reason!: string;
}

@InputType({ description: 'Lifting the approved safety exception (rule 3): from now on the parents are informed.' })
export class LiftParentsExceptionInput {
  @Field({ description: 'Why the parents may be informed now (audited; school staff only).' })
  @IsString()
  @Length(3, 1000, { message: 'reden moet 3 tot 1000 tekens lang zijn' })
  reason!: string;
}
