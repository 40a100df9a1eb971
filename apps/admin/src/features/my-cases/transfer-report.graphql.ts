import { gql, type TypedDocumentNode } from '@apollo/client';

// P6: the transfer report (onderwijskundig rapport) as the parent may see it, his view (zienswijze) and consent.

export interface TransferReport {
  detail: { summary: { id: string; status: string; statusLabel: string } };
  poSchoolName: string;
  okr: {
    schooladvies: string;
    taalLezen: string | null;
    rekenen: string | null;
    sociaalEmotioneel: string | null;
    werkhouding: string | null;
    externeZorg: string | null;
    supportNeeds: boolean;
    supportNeedsDescription: string | null;
    recordedOn: string;
  } | null;
  zienswijzen: Array<{ parentName: string | null; text: string; addedOn: string }>;
  consent: { requestId: string; status: string; respondBy: string; decidedAt: string | null } | null;
  sentOn: string | null;
}

export const TRANSFER_REPORT_QUERY: TypedDocumentNode<{ overdrachtCase: TransferReport }, { id: string }> = gql`
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

export const ADD_ZIENSWIJZE_MUTATION: TypedDocumentNode<{ addOverdrachtZienswijze: { id: string; status: string } }, { caseId: string; text: string }> = gql`
  mutation AddOverdrachtZienswijze($caseId: ID!, $text: String!) {
    addOverdrachtZienswijze(caseId: $caseId, input: { text: $text }) {
      id
      status
    }
  }
`;
