import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ImportFieldChange', { description: 'One changed field of a pupil or staff member: naam, geboortedatum, klas, mentor, ouders, gezag, e-mail or terug.' })
export class ImportFieldChangeModel {
  @Field() field!: string;
  @Field(() => String, { nullable: true }) from!: string | null;
  @Field(() => String, { nullable: true }) to!: string | null;
}

@ObjectType('ImportPupilLine')
export class ImportPupilLineModel {
  @Field({ description: 'Leerlingnummer / source id.' }) sourceId!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) className!: string | null;
  @Field(() => String, { nullable: true }) mentorName!: string | null;
  @Field(() => [ImportFieldChangeModel]) changes!: ImportFieldChangeModel[];
}

@ObjectType('ImportStaffLine')
export class ImportStaffLineModel {
  @Field() sourceId!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => [ImportFieldChangeModel]) changes!: ImportFieldChangeModel[];
}

@ObjectType('ImportRejectedRow', { description: 'A row that cannot be imported: file, line number (the header is line 1) and the Dutch reason.' })
export class ImportRejectedRowModel {
  @Field() file!: string;
  @Field(() => Int) line!: number;
  @Field() reason!: string;
}

@ObjectType('ImportPreview', { description: 'What applying the import would change: new, changed, leaving, rejected.' })
export class ImportPreviewModel {
  @Field(() => [ImportPupilLineModel]) pupilsAdded!: ImportPupilLineModel[];
  @Field(() => [ImportPupilLineModel]) pupilsChanged!: ImportPupilLineModel[];
  @Field(() => [ImportPupilLineModel]) pupilsLeaving!: ImportPupilLineModel[];
  @Field(() => Int) pupilsUnchanged!: number;
  @Field(() => [ImportStaffLineModel]) staffAdded!: ImportStaffLineModel[];
  @Field(() => [ImportStaffLineModel]) staffChanged!: ImportStaffLineModel[];
  @Field(() => [ImportStaffLineModel]) staffLeaving!: ImportStaffLineModel[];
  @Field(() => Int) staffUnchanged!: number;
  @Field(() => Int) guardiansAdded!: number;
  @Field(() => Int) guardiansChanged!: number;
  @Field(() => Int) guardianLinksAdded!: number;
  @Field(() => Int) guardianLinksRemoved!: number;
  @Field(() => [ImportRejectedRowModel]) rejected!: ImportRejectedRowModel[];
}

@ObjectType('SchoolImport', { description: 'One upload of the school administration: previewed, then applied (audited with its counts and file digest).' })
export class SchoolImportModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) schoolId!: string;
  @Field({ description: 'ONEROSTER, SOMTODAY or MAGISTER.' }) format!: string;
  @Field() fileName!: string;
  @Field({ description: 'SHA-256 of the uploaded file.' }) fileDigest!: string;
  @Field({ description: 'PREVIEW, APPLIED or SUPERSEDED.' }) status!: string;
  @Field() createdAt!: string;
  @Field(() => String, { nullable: true }) appliedAt!: string | null;
  @Field(() => Int) pupilsAdded!: number;
  @Field(() => Int) pupilsChanged!: number;
  @Field(() => Int) pupilsLeaving!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => ImportPreviewModel, { nullable: true, description: 'The preview while it can be applied; null afterwards.' })
  preview!: ImportPreviewModel | null;
}
