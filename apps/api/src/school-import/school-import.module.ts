import { Module } from '@nestjs/common';
import { SchoolImportController } from './school-import.controller';
import { SchoolImportResolver } from './school-import.resolver';
import { SchoolImportUseCases } from './usecases/school-import.usecases';
import { OrganisationsModule } from '../organisations/organisations.module';

/**
 * The school data import (OneRoster, Somtoday-style files): preview and apply, GraphQL and REST upload.
 */
@Module({
  imports: [OrganisationsModule],
  controllers: [SchoolImportController],
  providers: [SchoolImportUseCases, SchoolImportResolver],
})
export class SchoolImportModule {}
