import { Controller, Get, Header, Inject, Param, UseFilters } from '@nestjs/common';
import { Public } from '../auth/public.decorator';
import { AppError } from '../common/app-error';
import { HttpAppErrorFilter } from '../common/http-app-error.filter';
import { CalendarFeedService } from './calendar-feed.service';

/**
 * `GET /calendar/<token>.ics` — a private iCalendar feed. Public to the bearer-token guard (calendar apps cannot log
 * in): the unguessable token in the URL is the credential, checked against its stored hash. Unknown, revoked and
 * malformed tokens all answer 404.
 */
@Controller('calendar')
@UseFilters(HttpAppErrorFilter)
export class CalendarFeedController {
  constructor(@Inject(CalendarFeedService) private readonly feeds: CalendarFeedService) {}

  @Public()
  @Get(':file')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @Header('X-Robots-Tag', 'noindex')
  async feed(@Param('file') file: string): Promise<string> {
    if (!file.endsWith('.ics')) throw AppError.notFound('Agenda', 'Calendar');
    return this.feeds.ics(file.slice(0, -'.ics'.length));
  }
}
