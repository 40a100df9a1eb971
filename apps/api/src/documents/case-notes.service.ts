import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseNoteRepository, withSchool, type CaseNoteEntity } from '@zorgroute/domain';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { validateOrThrow } from '../common/validate';
import { CasesService } from '../cases/cases.service';
import { AddCaseNoteInput } from './dtos/documents.inputs';
import type { CaseNoteModel } from './models/case-note.model';

/**
 * The case logboek: short dated notes between steps (a phone call, a message from the GGD). The school's staff who
 * see a case write and read them; the parents, the pupil and the SWV read the notes shared with them (AudiencePolicy).
 * Notes are never put in an e-mail. Order as in every mutation: input → visibility (NOT_FOUND) → may write (FORBIDDEN).
 */
@Injectable()
export class CaseNotesService {
  private readonly notes: CaseNoteRepository;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
  ) {
    this.notes = new CaseNoteRepository(dataSource);
  }

  async list(user: AuthUser, caseId: string): Promise<CaseNoteModel[]> {
    const summary = await this.cases.getVisible(user, caseId);
    return (await this.notes.listForCase(summary.id)).filter((n) => this.audience.mayReadNote(user, n)).map(toNoteModel);
  }

  async add(user: AuthUser, raw: AddCaseNoteInput): Promise<CaseNoteModel> {
    const input = validateOrThrow(AddCaseNoteInput, raw);
    const summary = await this.cases.getVisible(user, input.caseId);
    if (!this.audience.mayWriteNote(user)) throw AppError.forbidden();
    if (summary.closedAt) throw new AppError('CASE_CLOSED', 'Deze casus is afgesloten; er kunnen geen notities meer bij', 'This case is closed; no notes can be added');
    const { note } = await this.notes.add({
      noteKey: input.clientRequestId ? `note:${summary.id}:${input.clientRequestId}` : `note:${summary.id}:${randomUUID()}`,
      caseId: summary.id,
      notedOn: input.notedOn,
      text: input.text.trim(),
      audiences: withSchool(input.audiences),
      authorUserId: user.id,
      authorName: user.name,
      authorRole: user.role,
    });
    return toNoteModel(note);
  }
}

function toNoteModel(n: CaseNoteEntity): CaseNoteModel {
  return {
    id: n.id,
    caseId: n.caseId,
    notedOn: n.notedOn,
    text: n.text,
    audiences: withSchool(n.audiences),
    authorName: n.authorName,
    authorRole: n.authorRole,
    createdAt: n.createdAt,
  };
}
