import { PoliciesResolver } from './policies.resolver';
import { PoliciesService } from './policies.service';
import { SchoolSettingsAccess } from './school-settings.access';
import { PublishPolicyVersionUseCase } from './usecases/publish-policy-version.usecase';

/** Nest providers of the versioned policies (registered in AppModule). */
export const POLICY_PROVIDERS = [SchoolSettingsAccess, PoliciesService, PublishPolicyVersionUseCase, PoliciesResolver];
