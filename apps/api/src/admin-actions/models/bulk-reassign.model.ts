import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ReassignedStep', { description: 'The outcome of one case of a bulk reassignment.' })
export class ReassignedStepModel {
  @Field(() => ID) caseId!: string;
  @Field() ok!: boolean;
  @Field(() => String, { nullable: true, description: 'The error code when this case was not reassigned (NOT_FOUND, CASE_CLOSED, STEP_NOT_ALLOWED, …).' }) code!: string | null;
  @Field(() => String, { nullable: true, description: 'Why not, in Dutch.' }) message!: string | null;
  @Field(() => String, { nullable: true, description: 'Why not, in English.' }) messageEn!: string | null;
}

@ObjectType('ReassignOpenStepsResult', { description: 'A bulk reassignment: how many cases moved, and the outcome per case.' })
export class ReassignOpenStepsResultModel {
  @Field(() => Int) reassigned!: number;
  @Field(() => Int) failed!: number;
  @Field(() => [ReassignedStepModel]) results!: ReassignedStepModel[];
}
