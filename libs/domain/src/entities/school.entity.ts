import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'school' })
@Index('UQ_school_brin_vestiging', ['brin', 'vestiging'], { unique: true })
export class SchoolEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'swv_id', type: 'uuid' })
  swvId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** BRIN number of the school (4 characters, e.g. "12AB"). */
  @Column({ type: 'varchar', length: 10 })
  brin!: string;

  /** Vestigingsnummer: two digits, "00" for the main location; BRIN + vestiging is unique. */
  @Column({ type: 'varchar', length: 2, default: '00' })
  vestiging!: string;

  /** Holiday region: noord, midden or zuid. */
  @Column({ type: 'varchar', length: 10 })
  region!: 'noord' | 'midden' | 'zuid';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
