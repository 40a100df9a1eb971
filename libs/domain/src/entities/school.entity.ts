import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'school' })
export class SchoolEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'swv_id', type: 'uuid' })
  swvId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** BRIN number of the school. */
  @Column({ type: 'varchar', length: 10, unique: true })
  brin!: string;

  /** Holiday region: noord, midden or zuid. */
  @Column({ type: 'varchar', length: 10 })
  region!: 'noord' | 'midden' | 'zuid';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
