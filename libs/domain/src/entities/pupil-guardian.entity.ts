import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Links a parent/guardian account to a pupil. A pupil may have two, each with own contact. */
@Entity({ name: 'pupil_guardian' })
export class PupilGuardianEntity {
  @PrimaryColumn({ name: 'pupil_id', type: 'uuid' })
  pupilId!: string;

  @Index()
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 30, default: 'ouder' })
  relation!: string;

  /** Holds parental authority (gezag); only a guardian with it answers consent requests. */
  @Column({ name: 'has_parental_authority', type: 'boolean', default: true })
  hasParentalAuthority!: boolean;
}
