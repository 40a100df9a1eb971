import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AddCaseNoteMutation, AddCaseNoteMutationVariables, CaseDetailQuery, CaseDetailQueryVariables, CaseDocumentsQuery, CaseDocumentsQueryVariables, CaseNotesQuery, CaseNotesQueryVariables, UploadDocumentKindsQuery, UploadDocumentKindsQueryVariables } from '../../gql/graphql';
import { CASE_SUMMARY_FIELDS, CONSENT_FIELDS, STEP_FORM_FIELDS } from '../../shared/fragments';
import type { CatalogueStepForm } from '../case-steps/catalogue-step-dialog';

/**
 * The case page's answer, with the step forms' fields typed: the forms are the shared StepFormFields, whose JSON fields
 * are the step catalogue's fields (libs/processes), as every other query of step forms reads them (CatalogueStepForm).
 */
export type CaseDetailData = { case: Omit<CaseDetailQuery['case'], 'stepForms'> & { stepForms: CatalogueStepForm[] } };

export const CASE_QUERY: TypedDocumentNode<CaseDetailData, CaseDetailQueryVariables> = gql`
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
        ...ConsentFields
        needsEveryGuardian
        missingGivers {
          userId
          name
        }
      }
      hiddenFromParents
      stepForms {
        ...StepFormFields
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
  ${CONSENT_FIELDS}
  ${STEP_FORM_FIELDS}
`;

export const CASE_DOCUMENTS_QUERY: TypedDocumentNode<CaseDocumentsQuery, CaseDocumentsQueryVariables> = gql`
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

export const CASE_NOTES_QUERY: TypedDocumentNode<CaseNotesQuery, CaseNotesQueryVariables> = gql`
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

export const ADD_CASE_NOTE_MUTATION: TypedDocumentNode<AddCaseNoteMutation, AddCaseNoteMutationVariables> = gql`
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

/** The kinds a case upload can have, with their Dutch names (the api's UPLOADED_DOCUMENT_KINDS). */
export const UPLOAD_DOCUMENT_KINDS_QUERY: TypedDocumentNode<UploadDocumentKindsQuery, UploadDocumentKindsQueryVariables> = gql`
  query UploadDocumentKinds {
    uploadDocumentKinds {
      kind
      label
    }
  }
`;
