import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CaseProgressQuery, CaseProgressQueryVariables, GiveConsentMutation, GiveConsentMutationVariables, MyConsentRequestsQuery, MyConsentRequestsQueryVariables, MyLettersQuery, MyLettersQueryVariables } from '../../gql/graphql';
import { CONSENT_FIELDS, STEP_FORM_FIELDS } from '../../shared/fragments';

export const MY_CONSENT_REQUESTS_QUERY: TypedDocumentNode<MyConsentRequestsQuery, MyConsentRequestsQueryVariables> = gql`
  query MyConsentRequests {
    myConsentRequests {
      ...ConsentFields
    }
  }
  ${CONSENT_FIELDS}
`;

export const GIVE_CONSENT_MUTATION: TypedDocumentNode<GiveConsentMutation, GiveConsentMutationVariables> = gql`
  mutation GiveConsent($input: GiveConsentInput!) {
    giveConsent(input: $input) {
      ...ConsentFields
    }
  }
  ${CONSENT_FIELDS}
`;

/**
 * Goal and thermometer of one case, for the parent/pupil and mentor views; with the steps the case offers and whether
 * the caller may take each, with their forms (a session is offered only to who may log it).
 */
export const CASE_PROGRESS_QUERY: TypedDocumentNode<CaseProgressQuery, CaseProgressQueryVariables> = gql`
  query CaseProgress($id: ID!) {
    case(id: $id) {
      summary {
        id
      }
      goal
      coachName
      openSteps
      sessions {
        date
        attended
        thermometer
      }
      stepForms {
        ...StepFormFields
      }
    }
  }
  ${STEP_FORM_FIELDS}
`;

/** The letters of the caller's cases (parents: the zorgplicht extension notice and decision letter, also of closed cases). */
export const MY_LETTERS_QUERY: TypedDocumentNode<MyLettersQuery, MyLettersQueryVariables> = gql`
  query MyLetters {
    myLetters {
      process
      pupilId
      pupilName
      document {
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
  }
`;
