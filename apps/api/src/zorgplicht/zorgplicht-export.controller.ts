import { Controller, Get, Header, Inject, Query, UseFilters } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { HttpUser } from '../auth/http-user.decorator';
import { HttpAppErrorFilter } from '../common/http-app-error.filter';
import { validateOrThrow } from '../common/validate';
import { ZorgplichtClockFilterInput } from './dtos/zorgplicht.inputs';
import { ZorgplichtClocksService } from './zorgplicht-clocks.service';

/**
 * `GET /exports/zorgplicht.csv?schoolId=&status=&clockState=&sort=` — the SWV view as CSV, with the
 * same authentication and scoping as the GraphQL query `zorgplichtClocks`. UTF-8 with a byte order mark (Excel),
 * formula characters at the start of a cell escaped.
 */
@Controller('exports')
@UseFilters(HttpAppErrorFilter)
export class ZorgplichtExportController {
  constructor(@Inject(ZorgplichtClocksService) private readonly clocks: ZorgplichtClocksService) {}

  @Get('zorgplicht.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="zorgplicht-termijnen.csv"')
  @Header('Cache-Control', 'private, no-store')
  async csv(@HttpUser() user: AuthUser, @Query() query: Record<string, string | undefined>): Promise<string> {
    const filter = validateOrThrow(ZorgplichtClockFilterInput, {
      schoolId: query.schoolId || undefined,
      status: query.status || undefined,
      clockState: query.clockState || undefined,
      sort: query.sort || undefined,
      extended: parseBool(query.extended),
      pastTenWeeks: parseBool(query.pastTenWeeks),
    });
    return this.clocks.csv(user, filter, undefined, { bom: true });
  }
}

function parseBool(v: string | undefined): boolean | undefined {
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}
