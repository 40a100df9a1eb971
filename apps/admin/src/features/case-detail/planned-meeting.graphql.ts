import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CaseJosStartgesprekQuery, CaseJosStartgesprekQueryVariables, CaseZatMeetingQuery, CaseZatMeetingQueryVariables } from '../../gql/graphql';

// The planned meetings of a case, asked only for the processes that have one (P2 ZAT, P3 startgesprek), so the
// main case query stays the same for every process.

export type PlannedMeeting = NonNullable<CaseJosStartgesprekQuery['josCase']['plannedStartgesprek']>;

export type ZatMeetingData = NonNullable<NonNullable<CaseZatMeetingQuery['case']['zorgroute']>['zatMeeting']>;

export const ZAT_MEETING_QUERY: TypedDocumentNode<CaseZatMeetingQuery, CaseZatMeetingQueryVariables> = gql`
  query CaseZatMeeting($id: ID!) {
    case(id: $id) {
      summary {
        id
      }
      zorgroute {
        zatMeeting {
          meetingDate
          meetingTime
          mode
          flex
          location
        }
      }
    }
  }
`;

export const JOS_STARTGESPREK_QUERY: TypedDocumentNode<CaseJosStartgesprekQuery, CaseJosStartgesprekQueryVariables> = gql`
  query CaseJosStartgesprek($id: ID!) {
    josCase(id: $id) {
      plannedStartgesprek {
        date
        time
        mode
        location
      }
    }
  }
`;
