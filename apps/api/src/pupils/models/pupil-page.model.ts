import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { ProcessType } from '@zorgroute/domain';
import { CaseSummaryModel } from '../../cases/models/case.model';
import { ConsentRecordModel } from '../../consents/models/consent.model';
import { CaseDocumentModel } from '../../documents/models/case-document.model';
import { PupilModel, SchoolModel } from './pupil.model';

@ObjectType('PupilHistoryEntry', { description: 'A line of the history of one of the pupil’s cases (the caller’s share of its timeline), with its case.' })
export class PupilHistoryEntryModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) caseId!: string;
  @Field(() => ProcessType) process!: ProcessType;
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) actorName!: string | null;
  @Field() description!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType('PupilPage', {
  description:
    'One pupil with everything the caller may see of him: his cases (the case list’s scope and audience), their consents and documents (the document audience policy) and their history merged, newest first.',
})
export class PupilPageModel {
  @Field(() => PupilModel) pupil!: PupilModel;
  @Field(() => String, { description: 'YYYY-MM-DD' }) dateOfBirth!: string;
  @Field(() => SchoolModel) school!: SchoolModel;
  @Field(() => [CaseSummaryModel]) cases!: CaseSummaryModel[];
  @Field(() => [ConsentRecordModel]) consents!: ConsentRecordModel[];
  @Field(() => [CaseDocumentModel]) documents!: CaseDocumentModel[];
  @Field(() => [PupilHistoryEntryModel], { description: 'Newest first; at most the latest 300 lines.' }) history!: PupilHistoryEntryModel[];
}
