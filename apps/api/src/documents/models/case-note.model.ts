import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('CaseNote', { description: 'A note in the case logboek (a phone call, a message from the GGD), with who may read it.' })
export class CaseNoteModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) caseId!: string;
  @Field({ description: 'The day the note is about (YYYY-MM-DD).' }) notedOn!: string;
  @Field() text!: string;
  @Field(() => [String], { description: 'SCHOOL, then PARENTS, PUPIL, SWV when shared with them.' }) audiences!: string[];
  @Field() authorName!: string;
  @Field() authorRole!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}
