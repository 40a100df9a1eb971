import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Accented letters and their plain ones: `translate()` in the search expression, mirrored by `pupilSearchTerms`. */
const ACCENTED = 'ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿÇçÑñ';
const PLAIN = 'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuYyyCcNn';

/**
 * The text a pupil is found by (issue 17.7): first and last name, class and pupil number, lower case and without
 * diacritics. An immutable SQL expression over the pupil's columns (`p` the alias, '' for the bare table): the
 * trigram index `IDX_pupil_search` (migration PupilSearch) is built on exactly this expression, so a search by
 * `LIKE '%…%'` uses it.
 */
export function pupilSearchTextSql(p = ''): string {
  const col = (name: string) => (p ? `${p}.${name}` : name);
  return `lower(translate(${col('first_name')} || ' ' || ${col('last_name')} || ' ' || coalesce(${col('class_name')}, '') || ' ' || coalesce(${col('source_id')}, ''), '${ACCENTED}', '${PLAIN}'))`;
}

/** The words of a search as `pupilSearchTextSql` holds them: lower case, without diacritics, split on white space. */
export function pupilSearchTerms(query: string): string[] {
  return query
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

@Entity({ name: 'pupil' })
// The trigram index on pupilSearchTextSql(): an expression index TypeORM cannot state, so it is the migration's.
@Index('IDX_pupil_search', { synchronize: false })
@Index('UQ_pupil_school_source', ['schoolId', 'sourceId'], { unique: true, where: '"source_id" IS NOT NULL' })
export class PupilEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName!: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName!: string;

  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth!: string;

  @Column({ name: 'class_name', type: 'varchar', length: 20, nullable: true })
  className!: string | null;

  @Index()
  @Column({ name: 'mentor_id', type: 'uuid', nullable: true })
  mentorId!: string | null;

  /** The pupil's id in the school's administration system (leerlingnummer or OneRoster sourcedId); unique per school. */
  @Column({ name: 'source_id', type: 'varchar', length: 100, nullable: true })
  sourceId!: string | null;

  /**
   * Set when an import no longer lists the pupil (a leaver): never deleted, his running cases stay with the
   * zorgcoördinator (with a banner) and retention applies as usual; his mentor and parents no longer see him.
   */
  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt!: Date | null;
  /**
   * The parents disagree (gezag, issue 13): from now on a consent request for this pupil needs the answer of every
   * guardian with parental authority (`pupil_guardian.has_parental_authority`); one refusal refuses.
   */
  @Column({ name: 'parents_disagree', type: 'boolean', default: false })
  parentsDisagree!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
