import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ZorgplichtClockFilter as ZorgplichtClockFilterInput, ZorgplichtClockState as ZorgplichtClockStateEnum, ZorgplichtClocksQuery, ZorgplichtClocksQueryVariables } from '../../gql/graphql';

export type ZorgplichtClockState = ZorgplichtClockStateEnum;

export type ZorgplichtClock = ZorgplichtClocksQuery['zorgplichtClocks']['clocks'][number];

export type ZorgplichtSchoolCount = ZorgplichtClocksQuery['zorgplichtClocks']['countsPerSchool'][number];

export type ZorgplichtClockFilter = ZorgplichtClockFilterInput;

export const ZORGPLICHT_CLOCKS_QUERY: TypedDocumentNode<ZorgplichtClocksQuery, ZorgplichtClocksQueryVariables> = gql`
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
