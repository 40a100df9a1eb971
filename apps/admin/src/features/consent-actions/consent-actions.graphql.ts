import { gql, type TypedDocumentNode } from '@apollo/client';
import type { RecordPaperConsentMutation, RecordPaperConsentMutationVariables, WithdrawConsentMutation, WithdrawConsentMutationVariables } from '../../gql/graphql';

export type WithdrawConsentVariables = WithdrawConsentMutationVariables;

/** A given consent withdrawn, with a reason (the one who gave it, or the zorgcoördinator on his behalf). */
export const WITHDRAW_CONSENT_MUTATION: TypedDocumentNode<WithdrawConsentMutation, WithdrawConsentMutationVariables> = gql`
  mutation WithdrawConsent($input: WithdrawConsentInput!) {
    withdrawConsent(input: $input) {
      id
      status
      statusLabel
      withdrawnAt
    }
  }
`;

export type RecordPaperConsentVariables = RecordPaperConsentMutationVariables;

/** A signed paper form, uploaded as a scan, recorded as the answer to a consent request. */
export const RECORD_PAPER_CONSENT_MUTATION: TypedDocumentNode<RecordPaperConsentMutation, RecordPaperConsentMutationVariables> = gql`
  mutation RecordPaperConsent($input: PaperConsentInput!) {
    recordPaperConsent(input: $input) {
      id
      status
      statusLabel
      scanDocumentId
    }
  }
`;
