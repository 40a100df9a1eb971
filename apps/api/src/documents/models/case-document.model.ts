import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ProcessType } from '@zorgroute/domain';

@ObjectType('CaseDocument', { description: 'A generated document stored with a case (e.g. a letter to the parents).' })
export class CaseDocumentModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) caseId!: string;
  @Field() kind!: string;
  @Field({ description: 'Dutch name of the kind, e.g. "Brief: besluit over de aanmelding".' }) kindLabel!: string;
  @Field() fileName!: string;
  @Field() contentType!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field({ description: 'SHA-256 of the content (hex).' }) sha256!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field({ description: 'Authenticated download path on the api: GET with the bearer token.' }) downloadPath!: string;
}

@ObjectType('FamilyLetter', { description: 'A letter of one of the caller’s cases, with its pupil and process (the portal’s letters).' })
export class FamilyLetterModel {
  @Field(() => CaseDocumentModel) document!: CaseDocumentModel;
  @Field(() => ProcessType) process!: ProcessType;
  @Field(() => ID) pupilId!: string;
  @Field() pupilName!: string;
}
