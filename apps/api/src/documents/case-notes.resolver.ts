import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CaseNotesService } from './case-notes.service';
import { AddCaseNoteInput } from './dtos/documents.inputs';
import { CaseNoteModel } from './models/case-note.model';

/** The case logboek (CaseNotesService). */
@Resolver(() => CaseNoteModel)
export class CaseNotesResolver {
  constructor(@Inject(CaseNotesService) private readonly notes: CaseNotesService) {}

  @Query(() => [CaseNoteModel], { description: 'The logboek of a case, newest first: the school sees every note, the parents, the pupil and the SWV the notes shared with them.' })
  caseNotes(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string): Promise<CaseNoteModel[]> {
    return this.notes.list(user, caseId);
  }

  @Mutation(() => CaseNoteModel, { description: 'Adds a note to the logboek of a case (the school’s staff who see the case).' })
  addCaseNote(@CurrentUser() user: AuthUser, @Args('input') input: AddCaseNoteInput): Promise<CaseNoteModel> {
    return this.notes.add(user, input);
  }
}
