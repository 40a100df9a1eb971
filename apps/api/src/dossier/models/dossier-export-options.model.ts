import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('DossierExportOptions', { description: 'What the caller may export of one pupil’s dossier (GET /exports/dossier/<pupilId>.<format>): the UI offers exactly this.' })
export class DossierExportOptionsModel {
  @Field(() => [String], { description: 'The formats the caller may download: "pdf" (the readable dossier), "json" (the school’s machine-readable export). Empty when none.' })
  formats!: string[];
  @Field(() => [String], { description: 'Of those formats, the ones that need a reason (`?reason=`, written to the audit trail).' })
  reasonRequired!: string[];
  @Field(() => String, { nullable: true, description: 'When no format is allowed: why not, in Dutch (e.g. a pupil under 16).' })
  refusal!: string | null;
}
