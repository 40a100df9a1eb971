import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('RetentionRun', { description: 'What one retention run did (case ids only).' })
export class RetentionRunModel {
  @Field(() => [String], { description: 'Running cases closed because they were inactive for retention.closeAfterInactiveMonths.' })
  closedCaseIds!: string[];

  @Field(() => [String], { description: 'Closed cases purged after retention.purgeAfterClosedYears.' })
  purgedCaseIds!: string[];

  @Field(() => [String], { description: 'Closed in the read model but still running in Temporal: never purged.' })
  skippedRunningCaseIds!: string[];

  @Field(() => Int, { description: 'Cases the run could not handle (retried by the next run).' })
  failed!: number;
}
