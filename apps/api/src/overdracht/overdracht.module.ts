import { Module } from '@nestjs/common';
import { OverdrachtCalendarService } from './overdracht-calendar.service';
import { OverdrachtResolver } from './overdracht.resolver';
import { OverdrachtService } from './overdracht.service';
import { StartOverdrachtUseCase } from './usecases/start-overdracht.usecase';
import { PoliciesModule } from '../policies/policies.module';

/**
 * P6 PO→VO overdracht: its calendar, start and resolvers; its steps run through CaseStepService.
 */
@Module({
  imports: [PoliciesModule],
  providers: [OverdrachtService, OverdrachtCalendarService, OverdrachtResolver, StartOverdrachtUseCase],
})
export class OverdrachtModule {}
