import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ProcessType } from '@zorgroute/domain';
import { CaseSummaryModel } from '../../cases/models/case.model';

@ObjectType('WorkListFilter')
export class WorkListFilterModel {
  @Field(() => Boolean, { nullable: true }) mine!: boolean | null;
  @Field(() => ID, { nullable: true }) ownerId!: string | null;
  @Field(() => Boolean, { nullable: true }) ownerUnavailable!: boolean | null;
  @Field(() => Boolean, { nullable: true }) overdue!: boolean | null;
  @Field(() => Boolean, { nullable: true }) lateThisWeek!: boolean | null;
  @Field(() => ProcessType, { nullable: true }) process!: ProcessType | null;
  @Field(() => Boolean, { nullable: true }) pupilLeft!: boolean | null;
  @Field(() => Boolean, { nullable: true }) stuck!: boolean | null;
}

@ObjectType('WorkList', { description: 'A saved filter over the open steps of the cases the caller may see, with how many it finds now.' })
export class WorkListModel {
  @Field(() => ID, { description: 'A uuid for a saved list; a fixed name (mijn-open-stappen, …) for a built-in one.' }) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field() builtIn!: boolean;
  @Field(() => WorkListFilterModel) filter!: WorkListFilterModel;
  @Field(() => Int, { description: 'Open steps the list finds now, within the caller’s scope.' }) count!: number;
}

@ObjectType('WorkListItem', { description: 'A case with an open step, as a work list shows it.' })
export class WorkListItemModel {
  @Field(() => CaseSummaryModel) case!: CaseSummaryModel;
  @Field(() => ID, { nullable: true, description: 'The owner of the open step.' }) ownerId!: string | null;
  @Field({ description: 'The owner can no longer take the step (left, deactivated, another role or no longer the mentor).' }) ownerUnavailable!: boolean;
}
