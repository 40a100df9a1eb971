import type { DataSource } from 'typeorm';
import { CaseNoteEntity } from '../entities/case-note.entity';

export interface NewCaseNote {
  noteKey: string;
  caseId: string;
  notedOn: string;
  text: string;
  audiences: string[];
  authorUserId: string;
  authorName: string;
  authorRole: string;
}

/** The case logboek: short dated notes with their audiences. */
export class CaseNoteRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the note unless one with the same key exists (a retried request); returns the stored one. */
  async add(note: NewCaseNote): Promise<{ note: CaseNoteEntity; created: boolean }> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO case_note (note_key, case_id, noted_on, text, audiences, author_user_id, author_name, author_role, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now()) ON CONFLICT (note_key) DO NOTHING RETURNING id`,
      [note.noteKey, note.caseId, note.notedOn, note.text, note.audiences, note.authorUserId, note.authorName, note.authorRole],
    );
    const stored = await this.dataSource.getRepository(CaseNoteEntity).findOneByOrFail({ noteKey: note.noteKey });
    return { note: stored, created: rows.length > 0 };
  }

  /** The notes of a case, newest first (by the day they are about, then by when they were written). */
  listForCase(caseId: string): Promise<CaseNoteEntity[]> {
    return this.dataSource.getRepository(CaseNoteEntity).find({ where: { caseId }, order: { notedOn: 'DESC', createdAt: 'DESC', id: 'DESC' }, take: 500 });
  }
}
