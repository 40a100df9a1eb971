import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditEntry', { description: 'One entry of the append-only, hash-chained audit trail.' })
export class AuditEntryModel {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => ID, { nullable: true, description: 'Null for the system (timers, the workflow itself).' }) actorId!: string | null;
  @Field(() => String, { nullable: true }) actorName!: string | null;
  @Field() action!: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field({ description: 'API (a mutation through the api) or WORKFLOW (a transition recorded by the case).' }) source!: string;
  @Field() hash!: string;
  @Field(() => String, { nullable: true }) prevHash!: string | null;
}

@ObjectType('AuditChainVerification')
export class AuditChainVerificationModel {
  @Field() ok!: boolean;
  @Field(() => Int) checked!: number;
  @Field(() => ID, { nullable: true, description: 'The first entry whose hash does not match.' }) brokenAt!: string | null;
}
