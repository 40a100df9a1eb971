import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

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

/** Why `verifyAuditChain` failed (docs/security.md, "Audit trail"); the same codes as the domain's AuditBreakReason. */
export enum AuditChainBreakReason {
  PREV_HASH_MISMATCH = 'PREV_HASH_MISMATCH',
  CONTENT_MISMATCH = 'CONTENT_MISMATCH',
  PURGE_NOT_RECORDED = 'PURGE_NOT_RECORDED',
  CHECKPOINT_SIGNATURE_INVALID = 'CHECKPOINT_SIGNATURE_INVALID',
  CHECKPOINT_KEY_UNKNOWN = 'CHECKPOINT_KEY_UNKNOWN',
  CHECKPOINT_TRUNCATED = 'CHECKPOINT_TRUNCATED',
  CHECKPOINT_HEAD_MISSING = 'CHECKPOINT_HEAD_MISSING',
  CHECKPOINT_MISMATCH = 'CHECKPOINT_MISMATCH',
}
registerEnumType(AuditChainBreakReason, {
  name: 'AuditChainBreakReason',
  description:
    'PREV_HASH_MISMATCH (an entry removed, inserted or moved), CONTENT_MISMATCH (an entry changed), PURGE_NOT_RECORDED (a tombstone no retention purge lists), ' +
    'CHECKPOINT_SIGNATURE_INVALID / CHECKPOINT_KEY_UNKNOWN (a checkpoint not signed by a configured key), CHECKPOINT_TRUNCATED (fewer entries than a signed checkpoint counted), ' +
    'CHECKPOINT_HEAD_MISSING (a signed head entry is gone), CHECKPOINT_MISMATCH (the chain was rewritten since a signed checkpoint).',
});

@ObjectType('AuditChainVerification', { description: 'The hash chain of the audit trail and its signed checkpoints, verified.' })
export class AuditChainVerificationModel {
  @Field() ok!: boolean;
  @Field(() => Int) checked!: number;
  @Field(() => ID, {
    nullable: true,
    description: 'Where it broke: the first entry whose hash or predecessor does not match, or the signed head entry of the failing checkpoint.',
  })
  brokenAt!: string | null;
  @Field(() => AuditChainBreakReason, { nullable: true }) reason!: AuditChainBreakReason | null;
  @Field(() => String, { nullable: true, description: 'What was found, in Dutch (null when ok).' }) message!: string | null;
  @Field(() => Int, { description: 'Signed checkpoints verified.' }) checkpoints!: number;
  @Field(() => ID, { nullable: true, description: 'The failing checkpoint, if any.' }) checkpointId!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The newest entry sealed by a valid signed checkpoint: entries up to it are proven unchanged; a checkpoint failure lies after it.',
  })
  sealedUpTo!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Time of the newest valid checkpoint (checkpoints are written hourly).' })
  lastCheckpointAt!: Date | null;
}
