import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ZorgrouteReferralForm', { description: 'The IZO aanmeldformulier (Bijlage 20).' })
export class ZorgrouteReferralFormModel {
  @Field(() => [String]) reasons!: string[];
  @Field(() => Boolean, { nullable: true }) parentsInformed!: boolean | null;
  @Field(() => String, { nullable: true }) parentsNotInformedReason!: string | null;
  @Field(() => String, { nullable: true }) problem!: string | null;
  @Field(() => String, { nullable: true }) problemSince!: string | null;
  @Field(() => String, { nullable: true }) hinderingFactors!: string | null;
  @Field(() => String, { nullable: true }) functioningAtHome!: string | null;
  @Field(() => String, { nullable: true }) strengths!: string | null;
  @Field(() => String, { nullable: true }) pupilHelpQuestion!: string | null;
  @Field(() => String, { nullable: true }) parentsHelpQuestion!: string | null;
  @Field(() => String, { nullable: true }) mentorSupportQuestion!: string | null;
  @Field(() => [String]) supportNeeded!: string[];
  @Field(() => String, { nullable: true }) supportNeededOther!: string | null;
  @Field(() => String, { nullable: true }) firstLineActions!: string | null;
  @Field(() => String, { nullable: true }) earlierCareContacts!: string | null;
  @Field(() => String, { nullable: true }) earlierDiscussed!: string | null;
  @Field(() => String, { nullable: true }) earlierAssessment!: string | null;
  @Field(() => String, { nullable: true }) diagnosedDisorder!: string | null;
  @Field(() => String, { nullable: true }) schoolCareer!: string | null;
  @Field(() => String, { nullable: true }) results!: string | null;
  @Field(() => String, { nullable: true }) developmentPerspective!: string | null;
  @Field(() => String, { nullable: true }) socialEmotional!: string | null;
  @Field(() => String, { nullable: true }) workAttitude!: string | null;
  @Field(() => String, { nullable: true }) wellbeing!: string | null;
  @Field(() => String, { nullable: true }) attendance!: string | null;
  @Field(() => String, { nullable: true }) otherRemarks!: string | null;
  @Field(() => [String], { description: 'What is still missing before it can be submitted (Dutch).' }) missing!: string[];
}

@ObjectType('ZorgrouteTriage')
export class ZorgrouteTriageModel {
  @Field() at!: string;
  @Field(() => String, { nullable: true }) by!: string | null;
  @Field() outcome!: string;
  @Field() secondLine!: boolean;
  @Field() questionsClear!: boolean;
  @Field() firstLineDone!: boolean;
  @Field() parentsAndPupilKnow!: boolean;
  @Field(() => String, { nullable: true }) missingInformation!: string | null;
  @Field(() => String, { nullable: true }) firstLineActions!: string | null;
  @Field(() => String, { nullable: true }) recheckDate!: string | null;
  @Field(() => String, { nullable: true }) bilateralWith!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('ZorgrouteConversation')
export class ZorgrouteConversationModel {
  @Field() date!: string;
  @Field(() => String, { nullable: true }) parentsReport!: string | null;
  @Field(() => String, { nullable: true }) pupilReport!: string | null;
  @Field(() => String, { nullable: true }) agreements!: string | null;
  @Field(() => String, { nullable: true }) recordedBy!: string | null;
}

@ObjectType('IzoMinutes', { description: 'IZO verslag (Bijlage 22).' })
export class IzoMinutesModel {
  @Field(() => String, { nullable: true }) analysis!: string | null;
  @Field(() => String, { nullable: true }) pupilHelpQuestion!: string | null;
  @Field(() => String, { nullable: true }) mentorSupportQuestion!: string | null;
  @Field(() => String, { nullable: true }) alreadyDone!: string | null;
  @Field(() => String, { nullable: true }) developmentPerspective!: string | null;
  @Field(() => String, { nullable: true }) educationalNeeds!: string | null;
  @Field(() => String, { nullable: true }) groupOffer!: string | null;
  @Field(() => String, { nullable: true }) pupilSupport!: string | null;
  @Field(() => String, { nullable: true }) mentorCoaching!: string | null;
  @Field(() => String, { nullable: true }) zatQuestion!: string | null;
  @Field(() => String, { nullable: true }) parentAlignment!: string | null;
  @Field() summary!: string;
}

@ObjectType('IzoDecision')
export class IzoDecisionModel {
  @Field() kind!: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true }) supportType!: string | null;
  @Field(() => String, { nullable: true }) goal!: string | null;
  @Field(() => String, { nullable: true }) provider!: string | null;
  @Field(() => String, { nullable: true }) startDate!: string | null;
  @Field(() => String, { nullable: true }) frequency!: string | null;
  @Field(() => String, { nullable: true }) duration!: string | null;
  @Field(() => String, { nullable: true }) evaluationDate!: string | null;
  @Field(() => String, { nullable: true }) startProcess!: string | null;
}

@ObjectType('IzoRound')
export class IzoRoundModel {
  @Field(() => Int) round!: number;
  @Field() meetingDate!: string;
  @Field(() => IzoMinutesModel, { nullable: true, description: 'Internal notes: staff only.' }) minutes!: IzoMinutesModel | null;
  @Field(() => [IzoDecisionModel]) decisions!: IzoDecisionModel[];
  @Field(() => String, { nullable: true }) evaluationDate!: string | null;
  @Field(() => String, { nullable: true }) minutesDistributedAt!: string | null;
  @Field(() => ZorgrouteConversationModel, { nullable: true }) nagesprek!: ZorgrouteConversationModel | null;
}

@ObjectType('ZorgrouteEvaluation')
export class ZorgrouteEvaluationModel {
  @Field() at!: string;
  @Field(() => String, { nullable: true }) by!: string | null;
  @Field() outcome!: string;
  @Field() summary!: string;
  @Field(() => String, { nullable: true }) nextEvaluationDate!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('ZatReferral', { description: 'The ZAT referral, prefilled from the IZO case.' })
export class ZatReferralModel {
  @Field(() => String, { nullable: true }) problem!: string | null;
  @Field(() => String, { nullable: true }) factors!: string | null;
  @Field(() => String, { nullable: true }) needs!: string | null;
  @Field(() => String, { nullable: true }) schoolCareer!: string | null;
  @Field(() => String, { nullable: true }) functioning!: string | null;
  @Field(() => String, { nullable: true }) internalSupportDone!: string | null;
  @Field(() => String, { nullable: true }) homeSituation!: string | null;
  @Field(() => String, { nullable: true }) earlierCareContacts!: string | null;
  @Field(() => String, { nullable: true }) helpQuestion!: string | null;
  @Field(() => String, { nullable: true }) strengths!: string | null;
  @Field(() => String, { nullable: true }) questionToZat!: string | null;
}

@ObjectType('ZatMeeting')
export class ZatMeetingModel {
  @Field() meetingDate!: string;
  @Field() flex!: boolean;
  @Field() mode!: string;
  @Field(() => [String]) invitees!: string[];
  @Field() plannedAt!: string;
  @Field(() => String, { nullable: true }) agendaSentAt!: string | null;
  @Field(() => String, { nullable: true, description: 'HH:MM, when known.' }) meetingTime?: string | null;
  @Field(() => String, { nullable: true }) location?: string | null;
}

@ObjectType('ZatAction')
export class ZatActionModel {
  @Field() who!: string;
  @Field() what!: string;
  @Field() goal!: string;
  @Field() due!: string;
}

@ObjectType('ZatDiscussion', { description: 'Plan van aanpak of the ZAT.' })
export class ZatDiscussionModel {
  @Field() meetingDate!: string;
  @Field(() => String, { nullable: true }) analysis!: string | null;
  @Field(() => String, { nullable: true }) needs!: string | null;
  @Field(() => String, { nullable: true }) solutionsPupil!: string | null;
  @Field(() => String, { nullable: true }) solutionsFamily!: string | null;
  @Field(() => String, { nullable: true }) solutionsSchool!: string | null;
  @Field(() => [ZatActionModel]) actions!: ZatActionModel[];
  @Field() casusregisseur!: string;
  @Field(() => String, { nullable: true }) feedbackToFamilyBy!: string | null;
  @Field(() => String, { nullable: true }) feedbackToSchoolBy!: string | null;
  @Field() evaluationDate!: string;
  @Field() summary!: string;
}

@ObjectType('ZatConsentRefusal')
export class ZatConsentRefusalModel {
  @Field() at!: string;
  @Field({ description: 'REFUSED, TIMED_OUT or WITHDRAWN.' }) outcome!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('LinkedCase', { description: 'A case started from this one.' })
export class LinkedCaseModel {
  @Field(() => ID) caseId!: string;
  @Field() process!: string;
  @Field() at!: string;
  @Field() reason!: string;
  @Field() started!: boolean;
}

@ObjectType('ZorgrouteDetail', { description: 'P2 data of a zorgroute case. Parents and pupils see no internal notes.' })
export class ZorgrouteDetailModel {
  @Field(() => String, { nullable: true }) referrerName!: string | null;
  @Field() referrerRole!: string;
  @Field() source!: string;
  @Field() flexZat!: boolean;
  @Field(() => Int) submissions!: number;
  @Field(() => ZorgrouteReferralFormModel, { nullable: true }) form!: ZorgrouteReferralFormModel | null;
  @Field(() => [ZorgrouteTriageModel]) triages!: ZorgrouteTriageModel[];
  @Field(() => String, { nullable: true, description: 'Why the parents are not informed (approved safety exception).' }) parentsExceptionReason!: string | null;
  @Field(() => String, { nullable: true }) parentsExceptionApprovedBy!: string | null;
  @Field({ description: 'The approved safety exception holds: the case is kept from the parents until the zorgcoördinator lifts it (school staff only; false for others).' })
  parentsExceptionActive!: boolean;
  @Field(() => String, { nullable: true, description: 'When the exception was lifted (ISO timestamp); school staff only.' }) parentsExceptionLiftedAt!: string | null;
  @Field(() => String, { nullable: true }) parentsExceptionLiftedBy!: string | null;
  @Field(() => String, { nullable: true }) parentsExceptionLiftReason!: string | null;
  @Field(() => String, { nullable: true }) contactPersonName!: string | null;
  @Field(() => ZorgrouteConversationModel, { nullable: true }) bilateral!: ZorgrouteConversationModel | null;
  @Field(() => ZorgrouteConversationModel, { nullable: true }) voorgesprek!: ZorgrouteConversationModel | null;
  @Field(() => String, { nullable: true }) izoMeetingDate!: string | null;
  @Field(() => [IzoRoundModel]) izoRounds!: IzoRoundModel[];
  @Field(() => String, { nullable: true }) evaluationDate!: string | null;
  @Field(() => [ZorgrouteEvaluationModel]) evaluations!: ZorgrouteEvaluationModel[];
  @Field(() => ZatReferralModel, { nullable: true }) zatReferral!: ZatReferralModel | null;
  @Field(() => ZatMeetingModel, { nullable: true }) zatMeeting!: ZatMeetingModel | null;
  @Field(() => ZatDiscussionModel, { nullable: true }) zatDiscussion!: ZatDiscussionModel | null;
  @Field(() => ZorgrouteConversationModel, { nullable: true }) zatFeedback!: ZorgrouteConversationModel | null;
  @Field(() => [ZorgrouteEvaluationModel]) zatEvaluations!: ZorgrouteEvaluationModel[];
  @Field(() => [ZatConsentRefusalModel]) zatConsentRefusals!: ZatConsentRefusalModel[];
}
