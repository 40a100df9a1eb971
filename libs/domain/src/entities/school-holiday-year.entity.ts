import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DateRange, Region } from '../logic/calendar/types';

/**
 * The regional school holidays of one school year, imported by a platform admin from the ministry's published table
 * (issue 13). Added to the bundled years of school-holidays-nl.ts; an imported year replaces a bundled one.
 */
@Entity({ name: 'school_holiday_year' })
export class SchoolHolidayYearEntity {
  @PrimaryColumn({ name: 'school_year', type: 'varchar', length: 9, primaryKeyConstraintName: 'PK_school_holiday_year' })
  schoolYear!: string;

  /** Per region the vacations (Saturday to Sunday as published) and the public holidays on school days. */
  @Column({ type: 'jsonb' })
  holidays!: Record<Region, DateRange[]>;

  @Column({ name: 'file_digest', type: 'char', length: 64 })
  fileDigest!: string;

  @Column({ name: 'imported_by', type: 'uuid' })
  importedBy!: string;

  @Column({ name: 'imported_at', type: 'timestamptz', default: () => 'now()' })
  importedAt!: Date;
}
