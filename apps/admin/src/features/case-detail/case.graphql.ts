import { gql, type TypedDocumentNode } from '@apollo/client';
import { type CaseDetail, type CaseDocument } from '../../shared/api-types';
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
    }
  }
`;
