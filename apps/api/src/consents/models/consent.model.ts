import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

/** One guardian's answer to a request that needs every guardian with parental authority (the parents disagree). */
@ObjectType('ConsentAnswer')
export class ConsentAnswerModel {
  @Field(() => ID) giverUserId!: string;
  @Field(() => String, { nullable: true }) giverName!: string | null;
  @Field({ description: 'GIVEN or REFUSED.' }) decision!: string;
  @Field({ description: 'DIGITAL or PAPER_SCAN.' }) method!: string;
  @Field(() => GraphQLISODateTime) decidedAt!: Date;
}

/** A guardian whose answer is still needed. */
@ObjectType('ConsentGiver')
export class ConsentGiverModel {
  @Field(() => ID) userId!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
}

/** A consent record (PROCESSES.md rule 2): what was asked, of whom, and the answer (given, refused, timed out). */
@ObjectType('ConsentRecord')
export class ConsentRecordModel {
  @Field(() => ID, { description: 'Request id, stable per case: <caseId>:consent:<kind>:<n>.' }) id!: string;
  @Field(() => ID) caseId!: string;
  @Field() process!: string;
  @Field(() => ID) pupilId!: string;
  @Field({ description: 'What the consent is for, e.g. ZAT_AANMELDING.' }) kind!: string;
  @Field() label!: string;
  @Field() scope!: string;
  @Field({ description: 'PENDING, GIVEN, REFUSED, TIMED_OUT or CANCELLED.' }) status!: string;
  @Field({ description: 'Dutch label of the status.' }) statusLabel!: string;
  @Field() pupilMayDecide!: boolean;
  @Field(() => GraphQLISODateTime) requestedAt!: Date;
  @Field({ description: 'Answer due (YYYY-MM-DD).' }) respondBy!: string;
  @Field(() => GraphQLISODateTime) timeoutAt!: Date;
  @Field(() => String, { nullable: true }) giverName!: string | null;
  @Field(() => String, { nullable: true, description: 'PARENT or PUPIL.' }) giverRole!: string | null;
  @Field(() => String, { nullable: true, description: 'DIGITAL or PAPER_SCAN.' }) method!: string | null;
  @Field(() => String, { nullable: true, description: 'A text reference to a paper form (records from before scans were uploaded).' }) scanReference!: string | null;
  @Field(() => ID, { nullable: true, description: 'The uploaded scan of the signed paper form (a document of the case).' }) scanDocumentId!: string | null;
  @Field(() => String, { nullable: true, description: 'Who entered the answer (the parent, or staff for a paper form).' }) recordedByName!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) withdrawnAt!: Date | null;
  @Field(() => String, { nullable: true }) withdrawalReason!: string | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the exact document consented to (P7: the OPP version whose handelingsdeel the parents agree to); null when the consent is not about a document.' })
  subjectDigest!: string | null;
  @Field({ description: 'The parents disagree: every guardian with parental authority must give consent (one refusal refuses).' })
  needsEveryGuardian!: boolean;
  @Field(() => [ConsentAnswerModel], { nullable: true, description: 'Each guardian’s answer so far (when every guardian must answer).' })
  answers!: ConsentAnswerModel[] | null;
  @Field(() => [ConsentGiverModel], { nullable: true, description: 'Whose answer is still missing (while the request is open).' })
  missingGivers!: ConsentGiverModel[] | null;
}
