import { Controller, Get, Inject, Param, Query, Res, StreamableFile, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { HttpUser } from '../auth/http-user.decorator';
import { AppError } from '../common/app-error';
import { HttpAppErrorFilter } from '../common/http-app-error.filter';
import { ExportDossierUseCase } from './usecases/export-dossier.usecase';

/**
 * `GET /exports/dossier/<pupilId>.json` and `.pdf` (`?reason=` for an admin): a pupil's complete dossier for an access
 * request, with the bearer token and error mapping of `GET /exports/zorgplicht.csv`. Who may export: DossierService.
 */
@Controller('exports/dossier')
@UseFilters(HttpAppErrorFilter)
export class DossierExportController {
  constructor(@Inject(ExportDossierUseCase) private readonly exportDossier: ExportDossierUseCase) {}

  @Get(':file')
  async download(
    @HttpUser() user: AuthUser,
    @Param('file') file: string,
    @Query('reason') reason: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const m = /^(.+)\.(json|pdf)$/.exec(file);
    if (!m) throw new AppError('BAD_USER_INPUT', 'Ongeldige invoer: vraag <leerling-id>.json of <leerling-id>.pdf op', 'Invalid input: request <pupil id>.json or <pupil id>.pdf');
    const out = await this.exportDossier.execute(user, { pupilId: m[1], format: m[2], reason: reason || undefined });
    res.setHeader('Content-Type', out.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${out.fileName}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(out.body);
  }
}
