export * from './roles';
export * from './swv.entity';
export * from './school.entity';
export * from './user.entity';
export * from './pupil.entity';
export * from './pupil-guardian.entity';
export * from './case-summary.entity';
export * from './audit-entry.entity';
export * from './notification-delivery.entity';
export * from './case-document.entity';
export * from './consent-record.entity';
export * from './policy-version.entity';
export * from './school-day-off.entity';
export * from './notification-preference.entity';
export * from './notification-digest-item.entity';
export * from './calendar-feed-token.entity';
export * from './user-session.entity';
export * from './oidc-login-request.entity';
export * from './oidc-login-handoff.entity';
export * from './retention-purge.entity';
export * from './audit-checkpoint.entity';
export * from './school-import.entity';
export * from './school-holiday-year.entity';
export * from './login-invitation.entity';
export * from './webauthn-credential.entity';
export * from './webauthn-challenge.entity';
export * from './email-login-code.entity';
export * from './case-note.entity';
export * from './work-list.entity';
export * from './meeting.entity';
export * from './document-object-purge.entity';

import { AuditEntryEntity } from './audit-entry.entity';
import { CaseDocumentEntity } from './case-document.entity';
import { CaseSummaryEntity } from './case-summary.entity';
import { ConsentRecordEntity } from './consent-record.entity';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { PolicyVersionEntity } from './policy-version.entity';
import { PupilGuardianEntity } from './pupil-guardian.entity';
import { PupilEntity } from './pupil.entity';
import { SchoolDayOffEntity } from './school-day-off.entity';
import { SchoolEntity } from './school.entity';
import { SwvEntity } from './swv.entity';
import { UserEntity } from './user.entity';
import { CalendarFeedTokenEntity } from './calendar-feed-token.entity';
import { NotificationDigestItemEntity } from './notification-digest-item.entity';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { UserSessionEntity } from './user-session.entity';
import { OidcLoginRequestEntity } from './oidc-login-request.entity';
import { OidcLoginHandoffEntity } from './oidc-login-handoff.entity';
import { RetentionPurgeEntity } from './retention-purge.entity';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';
import { SchoolImportEntity } from './school-import.entity';
import { SchoolHolidayYearEntity } from './school-holiday-year.entity';
import { LoginInvitationEntity } from './login-invitation.entity';
import { WebauthnCredentialEntity } from './webauthn-credential.entity';
import { WebauthnChallengeEntity } from './webauthn-challenge.entity';
import { EmailLoginCodeEntity } from './email-login-code.entity';
import { CaseNoteEntity } from './case-note.entity';
import { WorkListEntity } from './work-list.entity';
import { MeetingEntity } from './meeting.entity';
import { DocumentObjectPurgeEntity } from './document-object-purge.entity';

export const ENTITIES = [
  SwvEntity,
  SchoolEntity,
  UserEntity,
  PupilEntity,
  PupilGuardianEntity,
  CaseSummaryEntity,
  AuditEntryEntity,
  NotificationDeliveryEntity,
  ConsentRecordEntity,
  PolicyVersionEntity,
  SchoolDayOffEntity,
  CaseDocumentEntity,
  NotificationPreferenceEntity,
  NotificationDigestItemEntity,
  CalendarFeedTokenEntity,
  UserSessionEntity,
  OidcLoginRequestEntity,
  OidcLoginHandoffEntity,
  RetentionPurgeEntity,
  AuditCheckpointEntity,
  SchoolImportEntity,
  SchoolHolidayYearEntity,
  LoginInvitationEntity,
  WebauthnCredentialEntity,
  WebauthnChallengeEntity,
  EmailLoginCodeEntity,
  CaseNoteEntity,
  WorkListEntity,
  MeetingEntity,
  DocumentObjectPurgeEntity,
];
