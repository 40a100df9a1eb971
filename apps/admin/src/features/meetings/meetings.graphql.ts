import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  CancelMeetingMutation,
  CancelMeetingMutationVariables,
  MeetingCaseFieldsFragment,
  MeetingFieldsFragment,
  MeetingQuery,
  MeetingQueryVariables,
  MeetingsQuery,
  MeetingsQueryVariables,
  PlanMeetingMutation,
  PlanMeetingMutationVariables,
  PutCaseOnMeetingMutation,
  PutCaseOnMeetingMutationVariables,
  RecordMeetingMinutesMutation,
  RecordMeetingMinutesMutationVariables,
  SendMeetingAgendaMutation,
  SendMeetingAgendaMutationVariables,
  UpdateMeetingMutation,
  UpdateMeetingMutationVariables,
} from '../../gql/graphql';

export type MeetingKind = 'IZO' | 'ZAT' | 'FLEX_ZAT';

/** The meeting kinds in Dutch, in the order the screens offer them. */
export const MEETING_KIND_OPTIONS: { value: MeetingKind; label: string }[] = [
  { value: 'IZO', label: 'IZO-overleg' },
  { value: 'ZAT', label: 'ZAT-overleg' },
  { value: 'FLEX_ZAT', label: 'Flex-ZAT' },
];

export type Meeting = MeetingFieldsFragment;

export type MeetingCase = MeetingCaseFieldsFragment;

export type MeetingDetail = MeetingQuery['meeting'];

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

export const MEETINGS_QUERY: TypedDocumentNode<MeetingsQuery, MeetingsQueryVariables> = gql`
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

export const MEETING_QUERY: TypedDocumentNode<MeetingQuery, MeetingQueryVariables> = gql`
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

export const PLAN_MEETING_MUTATION: TypedDocumentNode<PlanMeetingMutation, PlanMeetingMutationVariables> = gql`
  ${MEETING_FIELDS}
  mutation PlanMeeting($input: PlanMeetingInput!) {
    planMeeting(input: $input) {
      ...MeetingFields
    }
  }
`;

export const UPDATE_MEETING_MUTATION: TypedDocumentNode<UpdateMeetingMutation, UpdateMeetingMutationVariables> = gql`
  ${MEETING_FIELDS}
  mutation UpdateMeeting($input: UpdateMeetingInput!) {
    updateMeeting(input: $input) {
      ...MeetingFields
    }
  }
`;

export const CANCEL_MEETING_MUTATION: TypedDocumentNode<CancelMeetingMutation, CancelMeetingMutationVariables> = gql`
  ${MEETING_FIELDS}
  mutation CancelMeeting($input: CancelMeetingInput!) {
    cancelMeeting(input: $input) {
      ...MeetingFields
    }
  }
`;

export const PUT_CASE_ON_MEETING_MUTATION: TypedDocumentNode<PutCaseOnMeetingMutation, PutCaseOnMeetingMutationVariables> = gql`
  mutation PutCaseOnMeeting($input: PutCaseOnMeetingInput!) {
    putCaseOnMeeting(input: $input) {
      meeting {
        id
      }
    }
  }
`;

export const SEND_MEETING_AGENDA_MUTATION: TypedDocumentNode<SendMeetingAgendaMutation, SendMeetingAgendaMutationVariables> = gql`
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

export const RECORD_MEETING_MINUTES_MUTATION: TypedDocumentNode<RecordMeetingMinutesMutation, RecordMeetingMinutesMutationVariables> = gql`
  mutation RecordMeetingMinutes($input: RecordMeetingMinutesInput!) {
    recordMeetingMinutes(input: $input) {
      meeting {
        id
      }
    }
  }
`;
