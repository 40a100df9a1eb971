import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AddOverdrachtZienswijzeMutation, AddOverdrachtZienswijzeMutationVariables, TransferReportQuery, TransferReportQueryVariables } from '../../gql/graphql';

// P6: the transfer report (onderwijskundig rapport) as the parent may see it, his view (zienswijze) and consent.

export type TransferReport = NonNullable<TransferReportQuery['overdrachtCase']>;

export const TRANSFER_REPORT_QUERY: TypedDocumentNode<TransferReportQuery, TransferReportQueryVariables> = gql`
  query TransferReport($id: ID!) {
    overdrachtCase(id: $id) {
      detail {
        summary {
          id
          status
          statusLabel
        }
      }
      poSchoolName
      okr {
        schooladvies
        taalLezen
        rekenen
        sociaalEmotioneel
        werkhouding
        externeZorg
        supportNeeds
        supportNeedsDescription
        recordedOn
      }
      zienswijzen {
        parentName
        text
        addedOn
      }
      consent {
        requestId
        status
        respondBy
        decidedAt
      }
      sentOn
    }
  }
`;

export const ADD_ZIENSWIJZE_MUTATION: TypedDocumentNode<AddOverdrachtZienswijzeMutation, AddOverdrachtZienswijzeMutationVariables> = gql`
  mutation AddOverdrachtZienswijze($caseId: ID!, $text: String!) {
    addOverdrachtZienswijze(caseId: $caseId, input: { text: $text }) {
      id
      status
    }
  }
`;
