import { Body, Catch, Controller, Headers, HttpCode, Inject, Param, PayloadTooLargeException, Post, UploadedFile, UseFilters, UseInterceptors, type ArgumentsHost } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { HttpUser } from '../auth/http-user.decorator';
import { AppError } from '../common/app-error';
import { HttpAppErrorFilter } from '../common/http-app-error.filter';
import { DEFAULT_DOCUMENT_MAX_BYTES, documentStorageConfigFromEnv } from './document-storage.config';
import type { CaseDocumentModel } from './models/case-document.model';
import { ProvideRequestedDocumentUseCase } from './usecases/provide-requested-document.usecase';
import { tooLarge, UploadCaseDocumentUseCase, type UploadedFile as UploadedDocumentFile } from './usecases/upload-case-document.usecase';

/** The upload limit multer (memory storage, its default) enforces while receiving (the use case checks the configured one again). */
function uploadLimit(): number {
  try {
    return documentStorageConfigFromEnv(process.env).maxBytes;
  } catch {
    return DEFAULT_DOCUMENT_MAX_BYTES;
  }
}

/** Answers multer's "file too large" like every other bad upload: 400 BAD_USER_INPUT with a Dutch message. */
@Catch()
class UploadErrorFilter extends HttpAppErrorFilter {
  override catch(err: unknown, host: ArgumentsHost): void {
    if (err instanceof PayloadTooLargeException) {
      const e = tooLarge(uploadLimit());
      host.switchToHttp().getResponse<Response>().status(400).json({ code: 'BAD_USER_INPUT', message: e.message, messageEn: e.extensions.messageEn });
      return;
    }
    super.catch(err, host);
  }
}

/**
 * `POST /documents/cases/:caseId` (multipart/form-data): fields `kind`, `audiences` (comma-separated PARENTS, PUPIL,
 * SWV; empty: the school only), optional `clientRequestId`, and the `file`. Bearer token or session cookie (global
 * AuthGuard); a browser must also send `X-Zorgroute-Upload: 1`, which a form on another site cannot (a preflighted
 * request, like the JSON GraphQL POST). Answers the stored document's metadata (JSON), or `{ code, message, messageEn }`.
 */
@Controller('documents')
@UseFilters(UploadErrorFilter)
export class CaseDocumentUploadController {
  constructor(
    @Inject(UploadCaseDocumentUseCase) private readonly upload: UploadCaseDocumentUseCase,
    @Inject(ProvideRequestedDocumentUseCase) private readonly provide: ProvideRequestedDocumentUseCase,
  ) {}

  @Post('cases/:caseId')
  @HttpCode(201)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: uploadLimit(), files: 1, fields: 10 } }))
  async create(
    @HttpUser() user: AuthUser,
    @Param('caseId') caseId: string,
    @Headers('x-zorgroute-upload') marker: string | undefined,
    @Body() body: Record<string, unknown> | undefined,
    @UploadedFile() file: UploadedDocumentFile | undefined,
  ): Promise<CaseDocumentModel> {
    if (marker !== '1') throw new AppError('BAD_USER_INPUT', 'Uploads moeten de kop X-Zorgroute-Upload: 1 meesturen', 'Uploads must send the header X-Zorgroute-Upload: 1');
    const fields = body ?? {};
    const audiences = typeof fields.audiences === 'string' ? fields.audiences.split(',').map((a) => a.trim()).filter(Boolean) : [];
    return this.upload.execute(user, caseId, { kind: fields.kind, audiences, clientRequestId: fields.clientRequestId || undefined }, file);
  }

  /**
   * `POST /documents/cases/:caseId/requests/:requestId` (multipart/form-data, the `file`): the document a process step
   * asked the parents for (`documentRequests` of the case), uploaded by a parent in the portal (or by the school on the
   * parents' behalf). Same checks as every upload; stored for the school and the audiences the request names.
   */
  @Post('cases/:caseId/requests/:requestId')
  @HttpCode(201)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: uploadLimit(), files: 1, fields: 10 } }))
  async provideRequested(
    @HttpUser() user: AuthUser,
    @Param('caseId') caseId: string,
    @Param('requestId') requestId: string,
    @Headers('x-zorgroute-upload') marker: string | undefined,
    @UploadedFile() file: UploadedDocumentFile | undefined,
  ): Promise<CaseDocumentModel> {
    if (marker !== '1') throw new AppError('BAD_USER_INPUT', 'Uploads moeten de kop X-Zorgroute-Upload: 1 meesturen', 'Uploads must send the header X-Zorgroute-Upload: 1');
    return this.provide.execute(user, caseId, requestId, file);
  }
}
