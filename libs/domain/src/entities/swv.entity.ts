import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A samenwerkingsverband passend onderwijs: the regional partnership of schools. */
@Entity({ name: 'swv' })
export class SwvEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Official code, e.g. "VO 27.01". */
  @Column({ type: 'varchar', length: 20, unique: true })
  code!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
