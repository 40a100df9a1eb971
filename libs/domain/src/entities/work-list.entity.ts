import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A work list (issue 17): a filter over the open steps of the cases a user may see, saved under a name by that user
 * ("mijn open stappen", "deze week te laat" are built in and not stored). The filter holds machine values only
 * (process, owner id, flags), never personal data; which cases it finds is decided on every read by the caller's scope.
 */
@Entity({ name: 'work_list' })
@Index('IDX_work_list_user_name', ['userId', 'name'], { unique: true })
export class WorkListEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 80 })
  name!: string;

  /** The saved filter (WorkListFilter in the api), validated when saved. */
  @Column({ type: 'jsonb' })
  filter!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
