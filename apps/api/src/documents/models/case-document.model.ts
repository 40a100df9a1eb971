import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CaseDocument', { description: 'A generated document stored with a case (e.g. a letter to the parents).' })
export class CaseDocumentModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) caseId!: string;
  @Field() kind!: string;
  @Field() fileName!: string;
  @Field() contentType!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field({ description: 'SHA-256 of the content (hex).' }) sha256!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field({ description: 'Authenticated download path on the api: GET with the bearer token.' }) downloadPath!: string;
}
