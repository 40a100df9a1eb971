import { gql, type TypedDocumentNode } from '@apollo/client';
import { type CaseDetail, type CaseDocument, type CaseNote } from '../../shared/api-types';
import { CASE_SUMMARY_FIELDS } from '../../shared/fragments';

export const CASE_QUERY: TypedDocumentNode<{ case: CaseDetail }, { id: string }> = gql`
  query CaseDetail($id: ID!) {
    case(id: $id) {
      summary {
        ...CaseSummaryFields
      }
      policyVersion
      timeline {
        id
        at
        kind
        actorName
        description
        reason
      }
      dueDates {
        step
        label
        date
        explanation
        state
      }
      openSteps
      openStepLabels
      goal
      coachName
      sessions {
        date
        attended
        thermometer
      }
      consents {
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
        needsEveryGuardian
        missingGivers {
          userId
          name
        }
      }
      hiddenFromParents
      stepForms {
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
      zorgroute {
        parentsExceptionActive
        parentsExceptionReason
        parentsExceptionApprovedBy
      }
      deliveries {
        id
        kind
        kindLabel
        recipient
        subject
        status
        statusLabel
        createdAt
        sentAt
        attempts
        lastError
      }
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;

export const CASE_DOCUMENTS_QUERY: TypedDocumentNode<{ caseDocuments: CaseDocument[] }, { caseId: string }> = gql`
  query CaseDocuments($caseId: ID!) {
    caseDocuments(caseId: $caseId) {
      id
      caseId
      kind
      kindLabel
      fileName
      contentType
      sizeBytes
      createdAt
      downloadPath
      source
      audiences
      uploadedByName
    }
  }
`;

export const CASE_NOTES_QUERY: TypedDocumentNode<{ caseNotes: CaseNote[] }, { caseId: string }> = gql`
  query CaseNotes($caseId: ID!) {
    caseNotes(caseId: $caseId) {
      id
      caseId
      notedOn
      text
      audiences
      authorName
      authorRole
      createdAt
    }
  }
`;

export const ADD_CASE_NOTE_MUTATION: TypedDocumentNode<
  { addCaseNote: CaseNote },
  { input: { caseId: string; notedOn: string; text: string; audiences: string[]; clientRequestId: string } }
> = gql`
  mutation AddCaseNote($input: AddCaseNoteInput!) {
    addCaseNote(input: $input) {
      id
      caseId
      notedOn
      text
      audiences
      authorName
      authorRole
      createdAt
    }
  }
`;
