import { Module } from '@nestjs/common';
import { MeetingAgendaMailer } from './meeting-agenda.mailer';
import { MeetingsResolver } from './meetings.resolver';
import { MeetingsService } from './meetings.service';
import { DocumentsModule } from '../documents/documents.module';

/**
 * IZO, ZAT and Flex-ZAT meetings: the cases on a meeting, one agenda e-mail and one set of minutes.
 */
@Module({
  imports: [DocumentsModule],
  providers: [MeetingAgendaMailer, MeetingsService, MeetingsResolver],
})
export class MeetingsModule {}
