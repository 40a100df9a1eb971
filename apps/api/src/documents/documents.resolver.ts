import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { UPLOADED_DOCUMENT_KINDS } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CaseDocumentsService } from './case-documents.service';
import { FamilyLetterModel, UploadDocumentKindModel } from './models/case-document.model';

/** The letters the caller may read across his cases (the parent portal's "Brieven"), and the kinds a case upload can have. */
@Resolver(() => FamilyLetterModel)
export class DocumentsResolver {
  constructor(@Inject(CaseDocumentsService) private readonly documents: CaseDocumentsService) {}

  @Query(() => [FamilyLetterModel], {
    description: 'Letters of the cases the caller sees that he may read (a parent: his children’s cases, closed ones too), newest first; empty for roles without letters.',
  })
  myLetters(@CurrentUser() user: AuthUser): Promise<FamilyLetterModel[]> {
    return this.documents.lettersFor(user);
  }

  @Query(() => [UploadDocumentKindModel], {
    description: 'The kinds of document a case upload can have, with their Dutch names, in the order the upload form offers them (any signed-in user).',
  })
  uploadDocumentKinds(): UploadDocumentKindModel[] {
    return Object.entries(UPLOADED_DOCUMENT_KINDS).map(([kind, label]) => ({ kind, label }));
  }
}
