import { Module } from '@nestjs/common';
import { StaffResolver } from './staff.resolver';
import { StaffService } from './staff.service';

/**
 * Staff accounts as the case screens see them (who can be assigned a step).
 */
@Module({
  providers: [StaffService, StaffResolver],
})
export class StaffModule {}
