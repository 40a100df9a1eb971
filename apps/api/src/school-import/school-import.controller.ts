import { Controller, HttpCode, Inject, Param, Post, Req, UseFilters } from '@nestjs/common';
import type { Request } from 'express';
import { IMPORT_LIMITS, megabytes } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import { HttpUser } from '../auth/http-user.decorator';
import { AppError } from '../common/app-error';
import { HttpAppErrorFilter } from '../common/http-app-error.filter';
import type { SchoolImportModel } from './models/school-import.model';
import { SchoolImportUseCases } from './usecases/school-import.usecases';

const ACCEPTED_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream', 'text/csv'];

function tooLarge(): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `Het bestand is groter dan ${megabytes(IMPORT_LIMITS.maxUploadBytes)}; er is niets ingelezen`, `The file is larger than ${megabytes(IMPORT_LIMITS.maxUploadBytes)}`);
}

/**
 * Reads the request body as it arrives and stops at the limit: a 100 MB upload is refused after 20 MB, never held in
 * memory whole (and at once when its Content-Length says so).
 */
async function readBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * `POST /imports/schools/<schoolId>/preview`: the school admin's upload of a OneRoster zip or a Somtoday/Magister export
 * (body = the file; `Content-Type` application/zip, application/octet-stream or text/csv; `X-File-Name` the file's
 * name). Answers the stored preview (the same as GraphQL `schoolImport`); `applySchoolImport` writes it. A form post
 * from another site cannot reach it: these content types and the custom header need a CORS preflight, which the api
 * refuses, and the session cookie is SameSite=Strict.
 */
@Controller('imports/schools')
@UseFilters(HttpAppErrorFilter)
export class SchoolImportController {
  constructor(@Inject(SchoolImportUseCases) private readonly imports: SchoolImportUseCases) {}

  @Post(':schoolId/preview')
  @HttpCode(200)
  async preview(@HttpUser() user: AuthUser, @Param('schoolId') schoolId: string, @Req() req: Request): Promise<SchoolImportModel> {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const rawName = String(req.headers['x-file-name'] ?? '');
    if (!ACCEPTED_TYPES.includes(type) || !rawName) {
      req.resume();
      throw new AppError('BAD_USER_INPUT', 'Stuur het bestand als application/zip, application/octet-stream of text/csv met de kop X-File-Name', 'Send the file as application/zip, application/octet-stream or text/csv with an X-File-Name header');
    }
    let fileName: string;
    try {
      fileName = decodeURIComponent(rawName).replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200);
    } catch {
      fileName = 'upload';
    }
    const body = await readBody(req, IMPORT_LIMITS.maxUploadBytes);
    if (!body.length) throw new AppError('BAD_USER_INPUT', 'Het bestand is leeg', 'The file is empty');
    return this.imports.preview(user, schoolId, fileName, body);
  }
}
