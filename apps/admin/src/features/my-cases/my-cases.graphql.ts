import { gql, type TypedDocumentNode } from '@apollo/client';
import { type ConsentRecord, type FamilyLetter, type ThermometerPoint } from '../../shared/api-types';

const CONSENT_FIELDS = `
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
`;

export const MY_CONSENT_REQUESTS_QUERY: TypedDocumentNode<{ myConsentRequests: ConsentRecord[] }> = gql(`
  query MyConsentRequests {
    myConsentRequests {
      ${CONSENT_FIELDS}
    }
  }
`) as TypedDocumentNode<{ myConsentRequests: ConsentRecord[] }>;

export const GIVE_CONSENT_MUTATION: TypedDocumentNode<
  { giveConsent: ConsentRecord },
  { input: { caseId: string; requestId: string; decision: 'GIVEN' | 'REFUSED'; note?: string | null } }
> = gql(`
  mutation GiveConsent($input: GiveConsentInput!) {
    giveConsent(input: $input) {
      ${CONSENT_FIELDS}
    }
  }
`) as TypedDocumentNode<{ giveConsent: ConsentRecord }, { input: { caseId: string; requestId: string; decision: 'GIVEN' | 'REFUSED'; note?: string | null } }>;

/**
 * Goal and thermometer of one case, for the parent/pupil and mentor views; with the steps the case offers and whether
 * the caller may take each (a session is offered only to who may log it).
 */
export const CASE_PROGRESS_QUERY: TypedDocumentNode<
  {
    case: {
      summary: { id: string };
      goal: string | null;
      coachName: string | null;
      sessions: ThermometerPoint[];
      openSteps: string[];
      stepForms: { step: string; mayTake: boolean }[];
    };
  },
  { id: string }
> = gql`
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
        step
        mayTake
      }
    }
  }
`;

/** The letters of the caller's cases (parents: the zorgplicht extension notice and decision letter, also of closed cases). */
export const MY_LETTERS_QUERY: TypedDocumentNode<{ myLetters: FamilyLetter[] }> = gql`
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
