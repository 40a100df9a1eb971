export * from './roles';
export * from './swv.entity';
export * from './school.entity';
export * from './user.entity';
export * from './pupil.entity';
export * from './pupil-guardian.entity';
export * from './case-summary.entity';
export * from './audit-entry.entity';
export * from './notification-delivery.entity';

import { AuditEntryEntity } from './audit-entry.entity';
import { CaseSummaryEntity } from './case-summary.entity';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { PupilGuardianEntity } from './pupil-guardian.entity';
import { PupilEntity } from './pupil.entity';
import { SchoolEntity } from './school.entity';
import { SwvEntity } from './swv.entity';
import { UserEntity } from './user.entity';

export const ENTITIES = [
  SwvEntity,
  SchoolEntity,
  UserEntity,
  PupilEntity,
  PupilGuardianEntity,
  CaseSummaryEntity,
  AuditEntryEntity,
  NotificationDeliveryEntity,
];
