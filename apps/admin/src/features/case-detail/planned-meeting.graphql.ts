import { gql, type TypedDocumentNode } from '@apollo/client';

// The planned meetings of a case, asked only for the processes that have one (P2 ZAT, P3 startgesprek), so the
// main case query stays the same for every process.

export interface PlannedMeeting {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, when known. */
  time: string | null;
  mode: string;
  location: string | null;
}

export interface ZatMeetingData {
  meetingDate: string;
  meetingTime?: string | null;
  mode: string;
  flex: boolean;
  location?: string | null;
}

export const ZAT_MEETING_QUERY: TypedDocumentNode<{ case: { summary: { id: string }; zorgroute: { zatMeeting: ZatMeetingData | null } | null } }, { id: string }> = gql`
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

export const JOS_STARTGESPREK_QUERY: TypedDocumentNode<{ josCase: { plannedStartgesprek: PlannedMeeting | null } }, { id: string }> = gql`
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
