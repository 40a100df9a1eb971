import { Module } from '@nestjs/common';
import { WorkListsResolver } from './work-lists.resolver';
import { WorkListsService } from './work-lists.service';

/**
 * Work lists: saved filters per user and their counts.
 */
@Module({
  providers: [WorkListsService, WorkListsResolver],
})
export class WorkListsModule {}
