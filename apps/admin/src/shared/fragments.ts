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

/** A consent request as every consent list shows it (case page, pupil page, the family's own requests). */
export const CONSENT_FIELDS = gql`
  fragment ConsentFields on ConsentRecord {
    id
    caseId
    kind
    label
    process
    pupilId
    scope
    status
    statusLabel
    requestedAt
    respondBy
    decidedAt
    giverName
    method
    scanDocumentId
    pupilMayDecide
    withdrawnAt
  }
`;

/**
 * A step's form as the api serves it with a case (`CaseDetail.stepForms`): the step catalogue's definition with the
 * case's policy bounds resolved, and whether the caller may take it. The generic step dialog renders it.
 */
export const STEP_FORM_FIELDS = gql`
  fragment StepFormFields on StepForm {
    step
    label
    title
    description
    submitLabel
    open
    mayTake
    whoLabel
    fields
  }
`;

/** What sending the school calendar to running cases did (the button, a holiday import, the last run shown). */
export const RUNNING_CASES_CALENDAR_RESULT_FIELDS = gql`
  fragment RunningCasesCalendarResultFields on RunningCasesCalendarResult {
    updated
    unchanged
    dueDatesMoved
    failed {
      caseId
      code
      message
    }
  }
`;
