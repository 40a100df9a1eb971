import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { CaseSummaryModel, TimelineEntryModel } from '../../cases/models/case.model';

@ObjectType('StuckCase', { description: 'A case that needs an admin (PROCESSES.md rule 6), with why and since when.' })
export class StuckCaseModel {
  @Field(() => CaseSummaryModel) summary!: CaseSummaryModel;
  @Field({ description: 'OVERDUE:<step>, MAIL_FAILING:<kind>, CONSENT_TIMEOUT:<kind> or WORKFLOW_BLOCKED.' }) reason!: string;
  @Field({ description: 'The reason in Dutch.' }) reasonLabel!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) since!: Date | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => [TimelineEntryModel], { description: 'The latest entries of the audit trail (oldest first).' }) history!: TimelineEntryModel[];
}
