import { gql } from '@apollo/client';

export const USER_FIELDS = gql`
  fragment UserFields on User {
    id
    name
    email
    role
    schoolId
    schoolName
  }
`;

export const CASE_SUMMARY_FIELDS = gql`
  fragment CaseSummaryFields on CaseSummary {
    id
    process
    status
    statusLabel
    pupil {
      id
      displayName
      className
      schoolId
      mentorName
      leftAt
    }
    school {
      id
      name
      region
    }
    waitingFor
    waitingForLabel
    nextDueDate
    ownerName
    stuck
    stuckReason
    startedAt
    updatedAt
    closedAt
    outcome
    temporalUrl
  }
`;
