import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  CancelMeetingMutation,
  CancelMeetingMutationVariables,
  MeetingCaseFieldsFragment,
  MeetingFieldsFragment,
  MeetingKind,
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
import { everyMember } from '../../shared/enum-values';

/** The schema's meeting kinds in the order the screens offer them. */
export const MEETING_KINDS = everyMember<MeetingKind>()(['IZO', 'ZAT', 'FLEX_ZAT']);

const MEETING_KIND_LABELS: Record<MeetingKind, string> = { IZO: 'IZO-overleg', ZAT: 'ZAT-overleg', FLEX_ZAT: 'Flex-ZAT' };

/** The meeting kinds in Dutch, in the order the screens offer them. */
export const MEETING_KIND_OPTIONS: readonly { value: MeetingKind; label: string }[] = MEETING_KINDS.map((value) => ({ value, label: MEETING_KIND_LABELS[value] }));

/** The kind a select answered, or '' (all kinds) for anything else. */
export const meetingKindOrAll = (value: string): MeetingKind | '' => MEETING_KINDS.find((k) => k === value) ?? '';

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
  query Meetings($schoolId: ID!, $schoolYear: String!, $kind: MeetingKind) {
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
