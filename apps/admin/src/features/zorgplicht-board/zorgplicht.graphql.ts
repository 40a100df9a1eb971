import { gql, type TypedDocumentNode } from '@apollo/client';
import { type Pupil, type School } from '../../shared/api-types';

export type ZorgplichtClockState = 'OP_SCHEMA' | 'LAATSTE_WEEK' | 'VERLOPEN';

export interface ZorgplichtClock {
  caseId: string;
  pupil: Pupil;
  school: School;
  status: string;
  statusLabel: string;
  clockState: ZorgplichtClockState;
  receivedOn: string;
  firstDueDate: string;
  dueDate: string;
  dueExplanation: string;
  tenWeekDate: string;
  tenWeekReached: boolean;
  extensionUsed: boolean;
  extensionWeeks: number | null;
  extendedOn: string | null;
  overdue: boolean;
  daysOverdue: number;
  daysRemaining: number;
  daysSinceReceipt: number;
  ownerName: string | null;
  extraSupportExpected: boolean;
}

export interface ZorgplichtSchoolCount {
  school: School;
  open: number;
  lastWeek: number;
  overdue: number;
  extended: number;
  pastTenWeeks: number;
}

export interface ZorgplichtClockFilter {
  schoolId?: string | null;
  clockState?: ZorgplichtClockState | null;
  status?: string | null;
}

export const ZORGPLICHT_CLOCKS_QUERY: TypedDocumentNode<
  { zorgplichtClocks: { today: string; totalCount: number; offset: number; clocks: ZorgplichtClock[]; countsPerSchool: ZorgplichtSchoolCount[] } },
  { filter: ZorgplichtClockFilter | null; limit: number; offset: number }
> = gql`
  query ZorgplichtClocks($filter: ZorgplichtClockFilter, $limit: Int, $offset: Int) {
    zorgplichtClocks(filter: $filter, limit: $limit, offset: $offset) {
      today
      totalCount
      offset
      clocks {
        caseId
        pupil {
          id
          displayName
          className
          schoolId
          mentorName
        }
        school {
          id
          name
          region
        }
        status
        statusLabel
        clockState
        receivedOn
        firstDueDate
        dueDate
        dueExplanation
        tenWeekDate
        tenWeekReached
        extensionUsed
        extensionWeeks
        extendedOn
        overdue
        daysOverdue
        daysRemaining
        daysSinceReceipt
        ownerName
        extraSupportExpected
      }
      countsPerSchool {
        school {
          id
          name
          region
        }
        open
        lastWeek
        overdue
        extended
        pastTenWeeks
      }
    }
  }
`;
