import { MeetingAgendaMailer } from './meeting-agenda.mailer';
import { MeetingsResolver } from './meetings.resolver';
import { MeetingsService } from './meetings.service';

/** Nest providers of the meetings (registered in AppModule). */
export const MEETING_PROVIDERS = [MeetingAgendaMailer, MeetingsService, MeetingsResolver];
