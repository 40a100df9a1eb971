import { Module } from '@nestjs/common';
import { PupilPageService } from './pupil-page.service';
import { PupilsResolver } from './pupils.resolver';
import { PupilsService } from './pupils.service';
import { ConsentsModule } from '../consents/consents.module';
import { DocumentsModule } from '../documents/documents.module';

/**
 * Pupils: search and the pupil page (cases, consents, documents and history of one pupil).
 */
@Module({
  imports: [ConsentsModule, DocumentsModule],
  providers: [PupilsService, PupilPageService, PupilsResolver],
  exports: [PupilsService],
})
export class PupilsModule {}
