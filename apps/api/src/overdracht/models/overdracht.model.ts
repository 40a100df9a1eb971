import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { CaseDetailModel } from '../../cases/models/case.model';

@ObjectType('OverdrachtDateRange')
export class OverdrachtDateRangeModel {
  @Field() from!: string;
  @Field() to!: string;
}

@ObjectType('OverdrachtTerugkoppelingDates')
export class OverdrachtTerugkoppelingDatesModel {
  @Field(() => String, { nullable: true }) naEersteRapport!: string | null;
  @Field(() => String, { nullable: true }) eindeLeerjaar1!: string | null;
}

@ObjectType('OverdrachtRegionalCalendar', { description: 'The regional PO→VO calendar of one school year (policy overdracht.regionalCalendars).' })
export class OverdrachtRegionalCalendarModel {
  @Field() schoolYear!: string;
  @Field() schooladviesBy!: string;
  @Field(() => OverdrachtDateRangeModel) aanmeldweek!: OverdrachtDateRangeModel;
  @Field() osoDeadline!: string;
  @Field(() => OverdrachtDateRangeModel) warmeOverdracht!: OverdrachtDateRangeModel;
  @Field() startSchoolYear!: string;
  @Field(() => OverdrachtTerugkoppelingDatesModel, { nullable: true }) terugkoppeling!: OverdrachtTerugkoppelingDatesModel | null;
}

@ObjectType('OverdrachtRegionalCalendars', { description: 'The regional calendars of an SWV, as its latest policy version sets them.' })
export class OverdrachtRegionalCalendarsModel {
  @Field(() => ID) swvId!: string;
  @Field(() => Int, { nullable: true, description: 'The SWV policy version they come from (null: none published).' }) policyVersion!: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
  @Field(() => [OverdrachtRegionalCalendarModel]) calendars!: OverdrachtRegionalCalendarModel[];
  @Field(() => [String], { description: 'Feedback moments of the SWV policy: NA_EERSTE_RAPPORT, EINDE_LEERJAAR_1.' }) terugkoppelingMoments!: string[];
}

@ObjectType('OverdrachtOkr', { description: 'The onderwijskundig rapport; the parents read it before they consent.' })
export class OverdrachtOkrModel {
  @Field() schooladvies!: string;
  @Field(() => String, { nullable: true }) taalLezen!: string | null;
  @Field(() => String, { nullable: true }) rekenen!: string | null;
  @Field(() => String, { nullable: true }) sociaalEmotioneel!: string | null;
  @Field(() => String, { nullable: true }) werkhouding!: string | null;
  @Field(() => String, { nullable: true }) externeZorg!: string | null;
  @Field() supportNeeds!: boolean;
  @Field(() => String, { nullable: true }) supportNeedsDescription!: string | null;
  @Field() recordedOn!: string;
}

@ObjectType('OverdrachtZienswijze')
export class OverdrachtZienswijzeModel {
  @Field(() => String, { nullable: true }) parentName!: string | null;
  @Field() text!: string;
  @Field() addedOn!: string;
}

@ObjectType('OverdrachtConsentSummary', { description: 'The latest request for the parents’ consent to the transfer (answer it with giveConsent).' })
export class OverdrachtConsentModel {
  @Field() requestId!: string;
  @Field({ description: 'PENDING, GIVEN, REFUSED, TIMED_OUT or CANCELLED.' }) status!: string;
  @Field() respondBy!: string;
  @Field({ description: 'The request times out on the OSO exchange deadline (ISO instant).' }) timeoutAt!: string;
  @Field(() => String, { nullable: true }) decidedAt!: string | null;
}

@ObjectType('OverdrachtWarmeOverdracht')
export class OverdrachtWarmeOverdrachtModel {
  @Field() date!: string;
  @Field({ description: 'Held within the regional window.' }) withinWindow!: boolean;
  @Field() poPresent!: boolean;
  @Field() parentsPresent!: boolean;
  @Field() pupilPresent!: boolean;
  @Field(() => String, { nullable: true }) development!: string | null;
  @Field(() => String, { nullable: true }) specificNeeds!: string | null;
  @Field(() => String, { nullable: true }) approach!: string | null;
  @Field(() => String, { nullable: true }) attentionPoints!: string | null;
  @Field(() => String, { nullable: true }) parentAlignment!: string | null;
  @Field(() => String, { nullable: true }) aftercare!: string | null;
  @Field(() => String, { nullable: true }) talents!: string | null;
  @Field(() => String, { nullable: true, description: 'Not shown to the SWV.' }) summary!: string | null;
}

@ObjectType('OverdrachtPlacement')
export class OverdrachtPlacementModel {
  @Field() className!: string;
  @Field(() => String, { nullable: true }) level!: string | null;
  @Field(() => String, { nullable: true }) mentorName!: string | null;
  @Field() placedOn!: string;
  @Field(() => String, { nullable: true }) placedBy!: string | null;
}

@ObjectType('OverdrachtFeedbackMoment')
export class OverdrachtFeedbackMomentModel {
  @Field({ description: 'NA_EERSTE_RAPPORT or EINDE_LEERJAAR_1.' }) moment!: string;
  @Field() date!: string;
  @Field() explanation!: string;
  @Field(() => String, { nullable: true, description: 'When the feedback was recorded.' }) givenOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Not shown to the SWV.' }) summary!: string | null;
}

@ObjectType('OverdrachtZorgplicht', { description: 'The zorgplicht clock (P4) this application started, if any.' })
export class OverdrachtZorgplichtModel {
  @Field(() => ID) caseId!: string;
  @Field() started!: boolean;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType('OverdrachtCase', { description: 'A PO→VO overdracht (P6) with its case detail and the handover record.' })
export class OverdrachtCaseModel {
  @Field(() => CaseDetailModel) detail!: CaseDetailModel;
  @Field() schoolYear!: string;
  @Field(() => OverdrachtRegionalCalendarModel) calendar!: OverdrachtRegionalCalendarModel;
  @Field() applicationReceivedOn!: string;
  @Field() poSchoolName!: string;
  @Field(() => String, { nullable: true }) poContactName!: string | null;
  @Field(() => String, { nullable: true }) brugklascoordinatorName!: string | null;
  @Field() supportNeeds!: boolean;
  @Field(() => OverdrachtOkrModel, { nullable: true, description: 'Not shown to the SWV.' }) okr!: OverdrachtOkrModel | null;
  @Field(() => [OverdrachtZienswijzeModel], { description: 'Empty for the SWV.' }) zienswijzen!: OverdrachtZienswijzeModel[];
  @Field(() => OverdrachtConsentModel, { nullable: true }) consent!: OverdrachtConsentModel | null;
  @Field(() => String, { nullable: true }) sentOn!: string | null;
  @Field(() => String, { nullable: true }) receivedOn!: string | null;
  @Field(() => OverdrachtWarmeOverdrachtModel, { nullable: true }) warmeOverdracht!: OverdrachtWarmeOverdrachtModel | null;
  @Field(() => OverdrachtPlacementModel, { nullable: true }) placement!: OverdrachtPlacementModel | null;
  @Field(() => String, { nullable: true, description: 'When the mentor confirmed he has read the information.' }) mentorReadOn!: string | null;
  @Field(() => String, { nullable: true, description: 'The IZO case (P2) of a direct referral, once started.' }) izoCaseId!: string | null;
  @Field(() => String, { nullable: true }) izoRequestedOn!: string | null;
  @Field(() => [OverdrachtFeedbackMomentModel]) feedback!: OverdrachtFeedbackMomentModel[];
  @Field(() => OverdrachtZorgplichtModel, { nullable: true }) zorgplicht!: OverdrachtZorgplichtModel | null;
  @Field(() => String, { nullable: true }) stopReason!: string | null;
}
