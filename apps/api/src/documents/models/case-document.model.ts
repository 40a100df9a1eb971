import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ProcessType } from '@zorgroute/domain';

@ObjectType('CaseDocument', { description: 'A document of a case: generated (a letter to the parents) or uploaded (a report, a scanned consent).' })
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
  @Field({ description: 'GENERATED (a letter of the process) or UPLOAD.' }) source!: string;
  @Field(() => [String], { description: 'Who may read it: SCHOOL, then PARENTS, PUPIL, SWV.' }) audiences!: string[];
  @Field(() => String, { nullable: true, description: 'Uploads: the file name on the uploader’s computer.' }) originalName!: string | null;
  @Field(() => String, { nullable: true, description: 'Uploads: who uploaded it.' }) uploadedByName!: string | null;
}

@ObjectType('FamilyLetter', { description: 'A letter of one of the caller’s cases, with its pupil and process (the portal’s letters).' })
export class FamilyLetterModel {
  @Field(() => CaseDocumentModel) document!: CaseDocumentModel;
  @Field(() => ProcessType) process!: ProcessType;
  @Field(() => ID) pupilId!: string;
  @Field() pupilName!: string;
}

@ObjectType('UploadDocumentKind', { description: 'A kind of document people can upload to a case, with its Dutch name (the upload form’s choices).' })
export class UploadDocumentKindModel {
  @Field({ description: 'The value the upload sends as `kind`, e.g. VERSLAG.' }) kind!: string;
  @Field({ description: 'Dutch name, e.g. "Verslag of rapport".' }) label!: string;
}
