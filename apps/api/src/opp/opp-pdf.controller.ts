import { Controller, Get, Inject, Param, Query, Res, StreamableFile, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { HttpUser } from '../auth/http-user.decorator';
import { AppError } from '../common/app-error';
import { HttpAppErrorFilter } from '../common/http-app-error.filter';
import { ExportOppPdfUseCase } from './usecases/export-opp-pdf.usecase';

/**
 * `GET /exports/opp/<caseId>.pdf` (`?version=N`, default the concept under way, else the version in force): an OPP
 * version as a PDF, with the bearer token and error mapping of the other exports. Who may: ExportOppPdfUseCase.
 */
@Controller('exports/opp')
@UseFilters(HttpAppErrorFilter)
export class OppPdfController {
  constructor(@Inject(ExportOppPdfUseCase) private readonly exportPdf: ExportOppPdfUseCase) {}

  @Get(':file')
  async download(@HttpUser() user: AuthUser, @Param('file') file: string, @Query('version') version: string | undefined, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const m = /^(.+)\.pdf$/.exec(file);
    if (!m) throw new AppError('BAD_USER_INPUT', 'Ongeldige invoer: vraag <casus-id>.pdf op', 'Invalid input: request <case id>.pdf');
    const out = await this.exportPdf.execute(user, m[1], version || undefined);
    res.setHeader('Content-Type', out.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${out.fileName}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(out.body);
  }
}
