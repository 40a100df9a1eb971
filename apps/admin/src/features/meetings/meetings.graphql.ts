import { gql, type TypedDocumentNode } from '@apollo/client';

export type MeetingKind = 'IZO' | 'ZAT' | 'FLEX_ZAT';

/** The meeting kinds in Dutch, in the order the screens offer them. */
export const MEETING_KIND_OPTIONS: { value: MeetingKind; label: string }[] = [
  { value: 'IZO', label: 'IZO-overleg' },
  { value: 'ZAT', label: 'ZAT-overleg' },
  { value: 'FLEX_ZAT', label: 'Flex-ZAT' },
];

export interface Meeting {
  id: string;
  schoolId: string;
  schoolName: string;
  kind: MeetingKind;
  kindLabel: string;
  schoolYear: string;
  date: string;
  time: string | null;
  location: string | null;
  cancelled: boolean;
  cancelReason: string | null;
  agendaRounds: number;
  agendaSentAt: string | null;
  minutes: string | null;
  minutesRecordedAt: string | null;
  caseCount: number;
}

export interface MeetingCase {
  caseId: string;
  pupilId: string;
  pupilName: string;
  className: string | null;
  status: string;
  statusLabel: string;
  plannedDate: string | null;
}

export interface MeetingDetail {
  meeting: Meeting;
  cases: MeetingCase[];
  candidates: MeetingCase[];
  agendaRecipientCount: number;
}

const MEETING_FIELDS = gql`
  fragment MeetingFields on Meeting {
    id
    schoolId
    schoolName
    kind
    kindLabel
    schoolYear
    date
    time
    location
    cancelled
    cancelReason
    agendaRounds
    agendaSentAt
    minutes
    minutesRecordedAt
    caseCount
  }
`;

const CASE_FIELDS = gql`
  fragment MeetingCaseFields on MeetingCase {
    caseId
    pupilId
    pupilName
    className
    status
    statusLabel
    plannedDate
  }
`;

export const MEETINGS_QUERY: TypedDocumentNode<
  { meetings: { meetings: Meeting[]; zatCheck: { schoolYear: string; count: number; minimum: number; warning: string | null } } },
  { schoolId: string; schoolYear: string; kind?: MeetingKind | null }
> = gql`
  ${MEETING_FIELDS}
  query Meetings($schoolId: ID!, $schoolYear: String!, $kind: String) {
    meetings(schoolId: $schoolId, schoolYear: $schoolYear, kind: $kind) {
      meetings {
        ...MeetingFields
      }
      zatCheck {
        schoolYear
        count
        minimum
        warning
      }
    }
  }
`;

export const MEETING_QUERY: TypedDocumentNode<{ meeting: MeetingDetail }, { id: string }> = gql`
  ${MEETING_FIELDS}
  ${CASE_FIELDS}
  query Meeting($id: ID!) {
    meeting(id: $id) {
      meeting {
        ...MeetingFields
      }
      cases {
        ...MeetingCaseFields
      }
      candidates {
        ...MeetingCaseFields
      }
      agendaRecipientCount
    }
  }
`;

export const PLAN_MEETING_MUTATION: TypedDocumentNode<
  { planMeeting: Meeting },
  { input: { schoolId: string; kind: MeetingKind; date: string; time?: string | null; location?: string | null } }
> = gql`
  ${MEETING_FIELDS}
  mutation PlanMeeting($input: PlanMeetingInput!) {
    planMeeting(input: $input) {
      ...MeetingFields
    }
  }
`;

export const UPDATE_MEETING_MUTATION: TypedDocumentNode<{ updateMeeting: Meeting }, { input: { id: string; date: string; time?: string | null; location?: string | null } }> = gql`
  ${MEETING_FIELDS}
  mutation UpdateMeeting($input: UpdateMeetingInput!) {
    updateMeeting(input: $input) {
      ...MeetingFields
    }
  }
`;

export const CANCEL_MEETING_MUTATION: TypedDocumentNode<{ cancelMeeting: Meeting }, { input: { id: string; reason: string } }> = gql`
  ${MEETING_FIELDS}
  mutation CancelMeeting($input: CancelMeetingInput!) {
    cancelMeeting(input: $input) {
      ...MeetingFields
    }
  }
`;

export const PUT_CASE_ON_MEETING_MUTATION: TypedDocumentNode<{ putCaseOnMeeting: { meeting: { id: string } } }, { input: { meetingId: string; caseId: string } }> = gql`
  mutation PutCaseOnMeeting($input: PutCaseOnMeetingInput!) {
    putCaseOnMeeting(input: $input) {
      meeting {
        id
      }
    }
  }
`;

export const SEND_MEETING_AGENDA_MUTATION: TypedDocumentNode<
  { sendMeetingAgenda: { status: 'SENT' | 'ALREADY_SENT'; sent: number; meeting: Meeting } },
  { input: { meetingId: string; resend?: boolean } }
> = gql`
  ${MEETING_FIELDS}
  mutation SendMeetingAgenda($input: SendMeetingAgendaInput!) {
    sendMeetingAgenda(input: $input) {
      status
      sent
      meeting {
        ...MeetingFields
      }
    }
  }
`;

export const RECORD_MEETING_MINUTES_MUTATION: TypedDocumentNode<
  { recordMeetingMinutes: { meeting: { id: string } } },
  { input: { meetingId: string; minutes: string; caseNotes?: { caseId: string; note: string }[] } }
> = gql`
  mutation RecordMeetingMinutes($input: RecordMeetingMinutesInput!) {
    recordMeetingMinutes(input: $input) {
      meeting {
        id
      }
    }
  }
`;
