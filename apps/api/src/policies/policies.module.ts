import { Module } from '@nestjs/common';
import { PoliciesResolver } from './policies.resolver';
import { PoliciesService } from './policies.service';
import { SchoolSettingsAccess } from './school-settings.access';
import { PublishPolicyVersionUseCase } from './usecases/publish-policy-version.usecase';

/**
 * The versioned policies of a school or SWV, and who may change a school's settings (SchoolSettingsAccess).
 */
@Module({
  providers: [SchoolSettingsAccess, PoliciesService, PublishPolicyVersionUseCase, PoliciesResolver],
  exports: [SchoolSettingsAccess],
})
export class PoliciesModule {}
