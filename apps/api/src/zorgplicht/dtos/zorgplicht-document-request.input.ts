import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'REQUEST_DOCUMENT (see the step catalogue): the zorgcoördinator asks the parents for a document during the aanmelding.' })
export class RequestZorgplichtDocumentInput {
  @Field({ description: 'What is asked, in Dutch (3–300 characters; shown to the parents in the portal, never in the e-mail).' }) description!: string;
  @Field({ description: 'YYYY-MM-DD: after today, at the latest the last day of the decision term.' }) dueDate!: string;
}
