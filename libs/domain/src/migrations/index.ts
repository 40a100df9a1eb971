import type { MigrationInterface } from 'typeorm';
import { Initial1795324574347 } from './1795324574347-initial';
import { ConsentRecord1795326281903 } from './1795326281903-consent-record';
import { CaseDocument1795326295087 } from './1795326295087-case-document';
import { PolicyVersionsSchoolDaysOff1795326323830 } from './1795326323830-policy-versions-school-days-off';
import { NotificationDigestCalendarFeed1795326540716 } from './1795326540716-notification-digest-calendar-feed';
import { UserSessionOidcLogin1795335400109 } from './1795335400109-user-session-oidc-login';
import { RetentionAuditPayload1795335471783 } from './1795335471783-retention-audit-payload';
import { AuditCheckpoint1796599514222 } from './1796599514222-audit-checkpoint';
import { CaseHiddenFromParents1795336000000 } from './1795336000000-case-hidden-from-parents';
import { OidcLoginHandoff1796600000000 } from './1796600000000-oidc-login-handoff';
import { SchoolOnboarding1796609452050 } from './1796609452050-school-onboarding';
import { ParentLoginCustody1796609466589 } from './1796609466589-parent-login-custody';
import { CaseUploadsNotes1796609474067 } from './1796609474067-case-uploads-notes';
import { ConsentSubjectDigest1796609528863 } from './1796609528863-consent-subject-digest';
import { WorkList1796700000000 } from './1796700000000-work-list';
import { PupilSearch1796700000001 } from './1796700000001-pupil-search';
import { Meeting1796700000002 } from './1796700000002-meeting';
import { CaseClockColumns1796800000000 } from './1796800000000-case-clock-columns';
import { DocumentObjectPurge1796810000000 } from './1796810000000-document-object-purge';
import { CaseListIndexes1796830000000 } from './1796830000000-case-list-indexes';
import { CaseProgressNotify1796840000000 } from './1796840000000-case-progress-notify';


/** Every migration, in order. New migrations are appended here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795324574347,
  ConsentRecord1795326281903,
  CaseDocument1795326295087,
  PolicyVersionsSchoolDaysOff1795326323830,
  NotificationDigestCalendarFeed1795326540716,
  UserSessionOidcLogin1795335400109,
  RetentionAuditPayload1795335471783,
  CaseHiddenFromParents1795336000000,
  AuditCheckpoint1796599514222,
  OidcLoginHandoff1796600000000,
  SchoolOnboarding1796609452050,
  ParentLoginCustody1796609466589,
  CaseUploadsNotes1796609474067,
  ConsentSubjectDigest1796609528863,
  WorkList1796700000000,
  PupilSearch1796700000001,
  Meeting1796700000002,
  CaseClockColumns1796800000000,
  DocumentObjectPurge1796810000000,
  CaseListIndexes1796830000000,
  CaseProgressNotify1796840000000,

];
