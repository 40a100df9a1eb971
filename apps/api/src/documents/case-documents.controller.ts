import { Controller, Get, Inject, Param, Res, StreamableFile, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { HttpUser } from '../auth/http-user.decorator';
import { AppError } from '../common/app-error';
import { HttpAppErrorFilter } from '../common/http-app-error.filter';
import { CaseDocumentsService } from './case-documents.service';
import { isDocumentObjectMissing } from './storage/document-store';

/**
 * Authenticated download of a case document (session cookie or bearer token, checked by the global AuthGuard). A
 * document the caller may not read answers exactly like one that does not exist (404, the same body): whether its
 * case is out of scope or the caller's role may not read letters, the answer gives away nothing about it. Only a
 * caller who may read the document learns that its bytes are gone ("Dit document is niet meer beschikbaar", 404).
 */
@Controller('documents')
@UseFilters(HttpAppErrorFilter)
export class CaseDocumentsController {
  constructor(@Inject(CaseDocumentsService) private readonly documents: CaseDocumentsService) {}

  @Get(':id')
  async download(@HttpUser() user: AuthUser, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const doc = await this.documents.forDownload(user, id).catch((err: unknown) => {
      const code = err instanceof AppError ? err.extensions.code : undefined;
      throw (code === 'NOT_FOUND' || code === 'FORBIDDEN') && !isDocumentObjectMissing(err) ? AppError.notFound('Document', 'Document') : err;
    });
    res.setHeader('Content-Type', doc.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${doc.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Content-SHA256', doc.sha256);
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    return new StreamableFile(doc.content);
  }
}
