import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateBy, type ValidationOptions } from 'class-validator';
import { UPLOADED_DOCUMENT_KINDS } from '@zorgroute/domain';
import { isIsoDate, toIsoDate } from '@zorgroute/domain/logic';

/** The audiences a document or note can be shared with besides the school (which always sees it). */
export const SHAREABLE = ['PARENTS', 'PUPIL', 'SWV'] as const;

/** class-validator: a real calendar date (YYYY-MM-DD) not after today (Europe/Amsterdam). */
function IsNotFutureDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isNotFutureDate', validator: { validate: (v: unknown) => isIsoDate(v) && v <= toIsoDate(Date.now()) } }, options);
}

/** The form fields of an upload (multipart `POST /documents/cases/:caseId`; the file itself is checked by content). */
export class UploadCaseDocumentInput {
  @IsIn(Object.keys(UPLOADED_DOCUMENT_KINDS), { message: `soort document moet een van ${Object.keys(UPLOADED_DOCUMENT_KINDS).join(', ')} zijn` })
  kind!: string;

  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(3)
  @IsIn(SHAREABLE, { each: true, message: 'delen kan alleen met PARENTS, PUPIL of SWV' })
  audiences!: string[];

  @IsString()
  @Length(1, 255, { message: 'bestandsnaam moet 1 tot 255 tekens lang zijn' })
  originalName!: string;

  @IsOptional()
  @IsUUID('4', { message: 'clientRequestId moet een UUID zijn' })
  clientRequestId?: string;
}

@InputType({ description: 'A note in the case logboek.' })
export class AddCaseNoteInput {
  @Field(() => ID) @IsString() @Length(1, 200) caseId!: string;

  @Field({ description: 'The day the note is about, YYYY-MM-DD, not in the future.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'datum moet een datum zijn (JJJJ-MM-DD)' })
  @IsNotFutureDate({ message: 'datum mag niet in de toekomst liggen' })
  notedOn!: string;

  @Field({ description: 'The note (1–2000 characters). Never sent in an e-mail.' })
  @IsString()
  @Matches(/\S/, { message: 'notitie mag niet leeg zijn' })
  @Length(1, 2000, { message: 'notitie moet 1 tot 2000 tekens lang zijn' })
  text!: string;

  @Field(() => [String], { description: 'Who sees it besides the school: PARENTS, PUPIL, SWV (empty: the school only).' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(3)
  @IsIn(SHAREABLE, { each: true, message: 'delen kan alleen met PARENTS, PUPIL of SWV' })
  audiences!: string[];

  @Field(() => ID, { nullable: true, description: 'A UUID chosen by the client: a retried request stores the note once.' })
  @IsOptional()
  @IsUUID('4', { message: 'clientRequestId moet een UUID zijn' })
  clientRequestId?: string;
}
