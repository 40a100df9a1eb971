import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A note in a case's logboek: a short, dated note between steps (a phone call with the parents, a message from the
 * GGD), written by the case's staff, with its audience (the school always; the parents, the pupil and the SWV when
 * listed). Shown on the case page to those who may see it; never in an e-mail. `note_key` makes a retried request
 * store the note once.
 */
@Entity({ name: 'case_note' })
@Index(['caseId', 'notedOn'])
export class CaseNoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'note_key', type: 'varchar', length: 300, unique: true })
  noteKey!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 200 })
  caseId!: string;

  /** The day the note is about (e.g. when the phone call was), not after today. */
  @Column({ name: 'noted_on', type: 'date' })
  notedOn!: string;

  @Column({ type: 'varchar', length: 2000 })
  text!: string;

  /** SCHOOL always; PARENTS, PUPIL, SWV when the author shares it with them. */
  @Column({ type: 'text', array: true })
  audiences!: string[];

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId!: string;

  @Column({ name: 'author_name', type: 'varchar', length: 200 })
  authorName!: string;

  @Column({ name: 'author_role', type: 'varchar', length: 40 })
  authorRole!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
