import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** `GET /exports/dossier/<pupilId>.<format>?reason=` (REST, bearer token). */
export class ExportDossierInput {
  @IsUUID('all', { message: 'leerling moet een geldige id zijn' })
  pupilId!: string;

  @IsIn(['json', 'pdf'], { message: 'formaat moet json of pdf zijn' })
  format!: 'json' | 'pdf';

  /** Required for a platform admin and for the school's JSON export (why the dossier is exported); written to the audit trail. */
  @IsOptional()
  @IsString({ message: 'reden moet tekst zijn' })
  @Length(3, 1000, { message: 'reden moet 3 tot 1000 tekens lang zijn' })
  reason?: string;
}
