import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('DocumentRequest', {
  description: 'A document a process step asked the parents for (e.g. P4: information for the aanmelding): what is asked, until when, and whether it came. School and family; never the SWV.',
})
export class DocumentRequestModel {
  @Field(() => ID, { description: 'The request id; the parents upload for it with POST /documents/cases/:caseId/requests/:requestId.' }) requestId!: string;
  @Field({ description: 'Short Dutch label, e.g. "Document voor de aanmelding".' }) label!: string;
  @Field(() => String, { nullable: true, description: 'What exactly is asked, in Dutch (shown in the portal, never in the e-mail).' }) description!: string | null;
  @Field({ description: 'OPEN (waiting for the document), PROVIDED or CANCELLED (no longer needed).' }) status!: string;
  @Field({ description: 'YYYY-MM-DD: the document is asked by this date.' }) dueDate!: string;
  @Field(() => String, { nullable: true, description: 'ISO timestamp of the request.' }) requestedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO timestamp of the upload, when provided.' }) providedAt!: string | null;
  @Field(() => ID, { nullable: true, description: 'The uploaded case document, when provided.' }) documentId!: string | null;
}
