import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Allow, IsBoolean, IsOptional, Matches } from 'class-validator';
import { EXTERNAL_TARGETS, INTERNAL_SUPPORT_TYPES, IZO_DECISION_KINDS, REFERRAL_SOURCES, SUPPORT_NEEDS, SWV_PROVISIONS, ZORGROUTE_REASONS } from '@zorgroute/workflows';

/*
 * The step inputs below only give API clients typed mutations: what a field means, whether it is required, its bounds
 * and its Dutch messages are defined once, in the step catalogue (libs/processes/src/zorgroute/steps.ts), and checked
 * by CaseStepService and the workflow. `zorgroute-inputs.spec.ts` keeps these field names equal to the catalogue's.
 * The start input is checked against the start definition (ZORGROUTE_START) of the same catalogue.
 */

/** IZO aanmeldformulier (Bijlage 20): the `form` of SAVE_REFERRAL and SUBMIT_REFERRAL. Fields left out keep their value. */
@InputType('ZorgrouteReferralFormInput')
export class ZorgrouteReferralFormInput {
  @Field(() => [String], { nullable: true, description: `Reasons (one or more): ${ZORGROUTE_REASONS.join(', ')}.` }) reasons?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Ouders zijn op de hoogte van de aanmelding.' }) parentsInformed?: boolean | null;
  @Field(() => String, { nullable: true }) parentsNotInformedReason?: string | null;
  @Field(() => String, { nullable: true }) problem?: string | null;
  @Field(() => String, { nullable: true }) problemSince?: string | null;
  @Field(() => String, { nullable: true }) hinderingFactors?: string | null;
  @Field(() => String, { nullable: true }) functioningAtHome?: string | null;
  @Field(() => String, { nullable: true }) strengths?: string | null;
  @Field(() => String, { nullable: true, description: 'Hulpvraag van de leerling (mandatory at submission).' }) pupilHelpQuestion?: string | null;
  @Field(() => String, { nullable: true }) parentsHelpQuestion?: string | null;
  @Field(() => String, { nullable: true, description: 'Begeleidingsvraag van mentor/docenten (mandatory at submission).' }) mentorSupportQuestion?: string | null;
  @Field(() => [String], { nullable: true, description: `Support needed: ${SUPPORT_NEEDS.join(', ')}.` }) supportNeeded?: string[] | null;
  @Field(() => String, { nullable: true }) supportNeededOther?: string | null;
  @Field(() => String, { nullable: true, description: 'Wat heeft de aanmelder zelf gedaan (first-line actions).' }) firstLineActions?: string | null;
  @Field(() => String, { nullable: true }) earlierCareContacts?: string | null;
  @Field(() => String, { nullable: true }) earlierDiscussed?: string | null;
  @Field(() => String, { nullable: true }) earlierAssessment?: string | null;
  @Field(() => String, { nullable: true }) diagnosedDisorder?: string | null;
  @Field(() => String, { nullable: true }) schoolCareer?: string | null;
  @Field(() => String, { nullable: true }) results?: string | null;
  @Field(() => String, { nullable: true }) developmentPerspective?: string | null;
  @Field(() => String, { nullable: true }) socialEmotional?: string | null;
  @Field(() => String, { nullable: true }) workAttitude?: string | null;
  @Field(() => String, { nullable: true }) wellbeing?: string | null;
  @Field(() => String, { nullable: true }) attendance?: string | null;
  @Field(() => String, { nullable: true }) otherRemarks?: string | null;
}

/**
 * The start of an IZO referral. `pupilId`, `source` and `form` are defined once, in the start definition of the step
 * catalogue (ZORGROUTE_START, libs/processes/src/zorgroute/steps.ts), and checked by StartZorgrouteUseCase; the
 * api-only `submit` and `requestKey` keep their checks here.
 */
@InputType()
export class StartZorgrouteInput {
  @Field(() => ID) @Allow() pupilId!: string;
  @Field({ description: `Where the referral comes from: ${REFERRAL_SOURCES.join(', ')}.` }) @Allow() source!: string;
  @Field(() => ZorgrouteReferralFormInput, { nullable: true }) @Allow() form?: ZorgrouteReferralFormInput | null;
  @Field(() => Boolean, { nullable: true, description: 'Submit right away (the form must be complete).' }) @IsOptional() @IsBoolean() submit?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Idempotency key: the same key never starts a second case.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'requestKey mag alleen letters, cijfers, - en _ bevatten (max. 64)' })
  requestKey?: string | null;
}

/** TRIAGE: the four checks are flat here; the step takes them as its `checks` group. */
@InputType({ description: 'TRIAGE (see the step catalogue).' })
export class TriageZorgrouteInput {
  @Field({ description: 'TERUG_NAAR_AANMELDER, EERST_EERSTELIJNS_ACTIES, BILATERAAL or GEACCEPTEERD.' }) outcome!: string;
  @Field({ description: '(a) Hoort het probleem in de tweede lijn?' }) secondLine!: boolean;
  @Field({ description: '(b) Zijn hulpvraag en begeleidingsvraag helder?' }) questionsClear!: boolean;
  @Field({ description: '(c) Zijn alle mogelijke eerstelijns acties ondernomen?' }) firstLineDone!: boolean;
  @Field({ description: '(d) Weten ouders en leerling van de aanmelding?' }) parentsAndPupilKnow!: boolean;
  @Field(() => String, { nullable: true }) missingInformation?: string | null;
  @Field(() => String, { nullable: true }) firstLineActions?: string | null;
  @Field(() => String, { nullable: true }) recheckDate?: string | null;
  @Field(() => String, { nullable: true }) bilateralWith?: string | null;
  @Field(() => ID, { nullable: true, description: 'Who holds the conversations with parents and pupil (default the referrer).' }) contactPersonId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Approve that the parents are not informed (safety exception, rule 3).' }) approveParentsNotInformed?: boolean | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

/** RECORD_BILATERAL, RECORD_VOORGESPREK, RECORD_NAGESPREK, RECORD_ZAT_FEEDBACK (see the step catalogue). */
@InputType()
export class ZorgrouteConversationInput {
  @Field() date!: string;
  @Field(() => String, { nullable: true, description: 'Required unless the parents-not-informed exception was approved.' }) parentsReport?: string | null;
  @Field() pupilReport!: string;
  @Field(() => String, { nullable: true }) agreements?: string | null;
}

@InputType({ description: 'RESCHEDULE_IZO (see the step catalogue).' })
export class RescheduleIzoInput {
  @Field() meetingDate!: string;
  @Field() reason!: string;
}

@InputType({ description: 'The minutes of RECORD_IZO (see the step catalogue).' })
export class IzoMinutesInput {
  @Field(() => String, { nullable: true }) analysis?: string | null;
  @Field(() => String, { nullable: true }) pupilHelpQuestion?: string | null;
  @Field(() => String, { nullable: true }) mentorSupportQuestion?: string | null;
  @Field(() => String, { nullable: true }) alreadyDone?: string | null;
  @Field(() => String, { nullable: true }) developmentPerspective?: string | null;
  @Field(() => String, { nullable: true }) educationalNeeds?: string | null;
  @Field(() => String, { nullable: true }) groupOffer?: string | null;
  @Field(() => String, { nullable: true }) pupilSupport?: string | null;
  @Field(() => String, { nullable: true }) mentorCoaching?: string | null;
  @Field(() => String, { nullable: true }) zatQuestion?: string | null;
  @Field(() => String, { nullable: true }) parentAlignment?: string | null;
  @Field() summary!: string;
}

@InputType({ description: 'A decision of RECORD_IZO (see the step catalogue).' })
export class IzoDecisionInput {
  @Field({ description: `One of ${IZO_DECISION_KINDS.join(', ')}.` }) kind!: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true, description: `Internal support: one of ${INTERNAL_SUPPORT_TYPES.join(', ')}.` }) supportType?: string | null;
  @Field(() => String, { nullable: true }) goal?: string | null;
  @Field(() => String, { nullable: true }) provider?: string | null;
  @Field(() => String, { nullable: true }) startDate?: string | null;
  @Field(() => String, { nullable: true }) frequency?: string | null;
  @Field(() => String, { nullable: true }) duration?: string | null;
  @Field(() => String, { nullable: true }) evaluationDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Start a linked case: ONDERSTEUNINGSTRAJECT or JOS.' }) startProcess?: string | null;
  @Field(() => Int, { nullable: true }) trajectWeeks?: number | null;
  @Field(() => [String], { nullable: true, description: 'JOS: the need(s) of the pupil (at least one of the six).' }) josNeeds?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'JOS: the JOS worker who guides the pupil.' }) josWorkerId?: string | null;
}

@InputType({ description: 'RECORD_IZO (see the step catalogue).' })
export class IzoDiscussionInput {
  @Field(() => IzoMinutesInput) minutes!: IzoMinutesInput;
  @Field(() => [IzoDecisionInput]) decisions!: IzoDecisionInput[];
  @Field(() => String, { nullable: true, description: 'Default: policy evaluationAfterWeeks after the meeting.' }) evaluationDate?: string | null;
}

@InputType({ description: 'DISTRIBUTE_IZO_MINUTES and SEND_ZAT_AGENDA (see the step catalogue).' })
export class ZorgrouteConfirmInput {
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType({ description: 'RECORD_EVALUATION (see the step catalogue).' })
export class IzoEvaluationInput {
  @Field({ description: 'DOEL_BEREIKT, VOORTZETTEN or VERWIJZING_ZAT.' }) outcome!: string;
  @Field() summary!: string;
  @Field(() => String, { nullable: true }) nextEvaluationDate?: string | null;
  @Field(() => String, { nullable: true }) nazorg?: string | null;
  @Field(() => String, { nullable: true }) zatQuestion?: string | null;
}

/** The `form` of SUBMIT_ZAT_REFERRAL (see the step catalogue). Fields left out keep their (prefilled) value. */
@InputType()
export class ZatReferralInput {
  @Field(() => String, { nullable: true }) problem?: string | null;
  @Field(() => String, { nullable: true }) factors?: string | null;
  @Field(() => String, { nullable: true }) needs?: string | null;
  @Field(() => String, { nullable: true }) schoolCareer?: string | null;
  @Field(() => String, { nullable: true }) functioning?: string | null;
  @Field(() => String, { nullable: true }) internalSupportDone?: string | null;
  @Field(() => String, { nullable: true }) homeSituation?: string | null;
  @Field(() => String, { nullable: true }) earlierCareContacts?: string | null;
  @Field(() => String, { nullable: true, description: 'Hulpvraag van leerling, ouders en school (required, prefilled).' }) helpQuestion?: string | null;
  @Field(() => String, { nullable: true }) strengths?: string | null;
  @Field(() => String, { nullable: true, description: 'The question to the ZAT (required, prefilled).' }) questionToZat?: string | null;
}

@InputType({ description: 'PLAN_ZAT (see the step catalogue).' })
export class PlanZatInput {
  @Field() meetingDate!: string;
  @Field(() => String, { nullable: true, description: 'OP_SCHOOL or TELEFONISCH (Flex-ZAT may be held by phone).' }) mode?: string | null;
  @Field(() => [String], { nullable: true, description: 'Extra invitees (a Flex-ZAT always invites parents and pupil).' }) invitees?: string[] | null;
  @Field(() => String, { nullable: true, description: 'HH:MM, when known (shown in the invitations).' }) meetingTime?: string | null;
  @Field(() => String, { nullable: true, description: 'Where at school (shown in the invitations; no case details).' }) location?: string | null;
}

@InputType({ description: 'An action of the plan van aanpak (RECORD_ZAT, RECORD_ZAT_EVALUATION).' })
export class ZatActionInput {
  @Field() who!: string;
  @Field() what!: string;
  @Field() goal!: string;
  @Field() due!: string;
}

@InputType({ description: 'RECORD_ZAT (see the step catalogue).' })
export class ZatDiscussionInput {
  @Field(() => String, { nullable: true }) analysis?: string | null;
  @Field(() => String, { nullable: true }) needs?: string | null;
  @Field(() => String, { nullable: true }) solutionsPupil?: string | null;
  @Field(() => String, { nullable: true }) solutionsFamily?: string | null;
  @Field(() => String, { nullable: true }) solutionsSchool?: string | null;
  @Field(() => [ZatActionInput]) actions!: ZatActionInput[];
  @Field() casusregisseur!: string;
  @Field(() => ID, { nullable: true, description: 'The casusregisseur as a user, when he works at the school.' }) casusregisseurUserId?: string | null;
  @Field(() => String, { nullable: true }) feedbackToFamilyBy?: string | null;
  @Field(() => String, { nullable: true }) feedbackToSchoolBy?: string | null;
  @Field() evaluationDate!: string;
  @Field() summary!: string;
}

@InputType({ description: 'RECORD_ZAT_EVALUATION (see the step catalogue).' })
export class ZatEvaluationInput {
  @Field({ description: 'VOORTZETTEN, VOORLOPIG_AFGESLOTEN, AFGESLOTEN, EXTERN_VERWEZEN, SWV_VOORZIENING_AANGEVRAAGD or LEERPLICHT.' }) outcome!: string;
  @Field() summary!: string;
  @Field(() => String, { nullable: true }) nextEvaluationDate?: string | null;
  @Field(() => [ZatActionInput], { nullable: true }) actions?: ZatActionInput[] | null;
  @Field(() => String, { nullable: true, description: `EXTERN_VERWEZEN: one of ${EXTERNAL_TARGETS.join(', ')}.` }) externalTarget?: string | null;
  @Field(() => String, { nullable: true, description: `SWV_VOORZIENING_AANGEVRAAGD: one of ${SWV_PROVISIONS.join(', ')}.` }) swvProvision?: string | null;
}

@InputType({ description: 'CLOSE_ZORGROUTE (see the step catalogue).' })
export class CloseZorgrouteInput {
  @Field() reason!: string;
}

@InputType({ description: 'Lifting the approved safety exception (rule 3): from now on the parents are informed (LIFT_PARENTS_EXCEPTION).' })
export class LiftParentsExceptionInput {
  @Field({ description: 'Why the parents may be informed now (audited; school staff only).' }) reason!: string;
}
