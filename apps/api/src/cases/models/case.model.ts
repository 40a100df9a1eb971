import { Field, type FieldMiddleware, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ProcessType } from '@zorgroute/domain';
import { isPlatformAdmin } from '../../access/platform-admin';
import type { AuthUser } from '../../auth/auth-user';
import { PupilModel, SchoolModel } from '../../pupils/models/pupil.model';

/**
 * The Temporal Web UI shows every school's workflows and can act on them outside the audit trail: its link is for
 * platform administrators only (the user AuthGuard put on the request), null for everyone else. A plain field
 * middleware, not a Nest field resolver, which would build an execution context for every row of a list (issue 18.4:
 * about half of the dashboard's 1,000-row answer time).
 */
export const platformAdminsOnly: FieldMiddleware<unknown, { req?: { user?: AuthUser } }> = async (ctx, next) => {
  const value: unknown = await next();
  return isPlatformAdmin(ctx.context.req?.user) ? value : null;
};

@ObjectType('CaseSummary')
export class CaseSummaryModel {
  @Field(() => ID) id!: string;
  @Field(() => ProcessType) process!: ProcessType;
  @Field() status!: string;
  @Field() statusLabel!: string;
  @Field(() => PupilModel) pupil!: PupilModel;
  @Field(() => SchoolModel) school!: SchoolModel;
  @Field(() => String, { nullable: true }) waitingFor!: string | null;
  @Field(() => String, { nullable: true }) waitingForLabel!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) nextDueDate!: string | null;
  @Field(() => String, { nullable: true }) ownerName!: string | null;
  @Field() stuck!: boolean;
  @Field(() => String, { nullable: true }) stuckReason!: string | null;
  @Field(() => GraphQLISODateTime) startedAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
  @Field(() => String, { nullable: true }) outcome!: string | null;
  @Field(() => String, { nullable: true }) originCaseId!: string | null;
  @Field(() => String, { nullable: true, middleware: [platformAdminsOnly], description: 'Link to this case in the Temporal Web UI: platform administrators only, null for everyone else (platformAdminsOnly).' })
  temporalUrl!: string | null;
}

@ObjectType('TimelineEntry')
export class TimelineEntryModel {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) actorName!: string | null;
  @Field() description!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

export enum DueDateStateEnum {
  OPEN = 'OPEN',
  DONE = 'DONE',
  REPLACED = 'REPLACED',
}
registerEnumType(DueDateStateEnum, { name: 'DueDateState', description: 'OPEN (still running), DONE (met: decided or the case closed) or REPLACED (another date took its place).' });

@ObjectType('DueDateExplanation')
export class DueDateExplanationModel {
  @Field() step!: string;
  @Field({ description: 'Dutch name of the step or date.' }) label!: string;
  @Field({ description: 'YYYY-MM-DD' }) date!: string;
  @Field({ description: 'Why the date is what it is, in Dutch words (dates in words, no rule names).' }) explanation!: string;
  @Field(() => DueDateStateEnum, { description: 'Whether the date still runs; only OPEN dates get a countdown.' }) state!: `${DueDateStateEnum}`;
}

@ObjectType('ThermometerPoint')
export class ThermometerPointModel {
  @Field() date!: string;
  @Field() attended!: boolean;
  @Field(() => Number, { nullable: true }) thermometer!: number | null;
}

@ObjectType('CaseDetail')
export class CaseDetailModel {
  @Field(() => CaseSummaryModel) summary!: CaseSummaryModel;
  @Field(() => String, { nullable: true }) policyVersion!: string | null;
  @Field(() => [TimelineEntryModel]) timeline!: TimelineEntryModel[];
  @Field(() => [DueDateExplanationModel]) dueDates!: DueDateExplanationModel[];
  @Field(() => [String], { description: 'Human steps that can be done now, e.g. RECORD_INTAKE.' }) openSteps!: string[];
  @Field(() => [String], { description: 'Dutch names of openSteps, in the same order.' }) openStepLabels!: string[];
  @Field(() => String, { nullable: true, description: "The pupil's own goal (ontwikkeldoel)." }) goal!: string | null;
  @Field(() => String, { nullable: true }) coachName!: string | null;
  @Field(() => [ThermometerPointModel]) sessions!: ThermometerPointModel[];
  @Field(() => Boolean, {
    nullable: true,
    description: 'The case is kept from the parents (approved safety exception, PROCESSES.md rule 3). Shown to school staff only (null for everyone else).',
  })
  hiddenFromParents!: boolean | null;
}
