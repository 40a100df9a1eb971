import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PupilModel, SchoolModel } from '../../pupils/models/pupil.model';

@ObjectType('TlvBoardRequest', { description: 'An open TLV request (P8) before the commissie’s decision, with its decision term once the dossier is complete.' })
export class TlvBoardRequestModel {
  @Field(() => ID) caseId!: string;
  @Field(() => PupilModel) pupil!: PupilModel;
  @Field(() => SchoolModel) school!: SchoolModel;
  @Field() status!: string;
  @Field() statusLabel!: string;
  @Field(() => String, { nullable: true, description: 'When the school last submitted the request (YYYY-MM-DD); null while the dossier is compiled.' }) submittedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'The category the school asks for (Dutch label).' }) requestedCategory!: string | null;
  @Field(() => Int, { description: 'Items of the SWV’s checklist still missing from the dossier.' }) missingItems!: number;
  @Field(() => String, { nullable: true, description: 'The commissie decides on or before this date (YYYY-MM-DD); null until the dossier is complete (the term runs from then).' }) decisionDueDate!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the decision term is what it is (Dutch).' }) decisionDueExplanation!: string | null;
  @Field(() => Int, { nullable: true, description: 'Calendar days to the decision due date: 0 on the date, negative when overdue; null without a term.' }) daysRemaining!: number | null;
  @Field() overdue!: boolean;
  @Field() termExtended!: boolean;
}

@ObjectType('TlvBoardExpiring', { description: 'A granted TLV (P8) whose end date lies within the SWV’s reminder window (tlv.expiryReminderMonths).' })
export class TlvBoardExpiringModel {
  @Field(() => ID) caseId!: string;
  @Field(() => PupilModel) pupil!: PupilModel;
  @Field(() => SchoolModel) school!: SchoolModel;
  @Field() status!: string;
  @Field() statusLabel!: string;
  @Field(() => String, { nullable: true, description: 'The TLV’s category (Dutch label).' }) category!: string | null;
  @Field({ description: 'The TLV’s end date (YYYY-MM-DD).' }) endDate!: string;
  @Field({ description: 'From this date the SWV and the school are reminded (end date minus the policy’s months).' }) reminderDate!: string;
  @Field(() => Int, { description: 'Calendar days to the end date (0 on the end date).' }) daysUntilEnd!: number;
  @Field(() => String, { nullable: true, description: 'The school’s herindicatie decision so far: AANVRAGEN, NIET_NODIG or null (not decided).' }) herindicatie!: string | null;
  @Field(() => String, { nullable: true, description: 'The herindicatie’s own TLV case, once started.' }) herindicatieCaseId!: string | null;
}

@ObjectType('TlvBoard', { description: 'The TLV part of the SWV board: open requests by decision term, and TLVs that run out soon.' })
export class TlvBoardModel {
  @Field({ description: 'The date (Europe/Amsterdam) the days are counted from.' }) today!: string;
  @Field(() => [TlvBoardRequestModel], { description: 'Open requests, the earliest decision due date first (requests without a term last, oldest first).' }) requests!: TlvBoardRequestModel[];
  @Field(() => [TlvBoardExpiringModel], { description: 'Granted TLVs within their reminder window, the earliest end date first.' }) expiring!: TlvBoardExpiringModel[];
}
