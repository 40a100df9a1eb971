import { Global, Module } from '@nestjs/common';
import { AccessPolicy } from './access-policy';
import { AudiencePolicy } from './audience.policy';

/**
 * Who may see and do what: the access policy (cases, pupils, schools) and the audience policy (which part of a case
 * staff, the family or the SWV may see). Global: every feature module applies them.
 */
@Global()
@Module({
  providers: [AccessPolicy, AudiencePolicy],
  exports: [AccessPolicy, AudiencePolicy],
})
export class AccessModule {}
