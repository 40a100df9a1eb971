import { gql, type TypedDocumentNode } from '@apollo/client';

// The documents a process step asked the parents for (issue 16), as far as the caller may see them (school and family).

export interface DocumentRequest {
  requestId: string;
  label: string;
  description: string | null;
  status: string;
  dueDate: string;
  providedAt: string | null;
}

export const DOCUMENT_REQUESTS_QUERY: TypedDocumentNode<{ case: { summary: { id: string }; documentRequests: DocumentRequest[] } }, { id: string }> = gql`
  query CaseDocumentRequests($id: ID!) {
    case(id: $id) {
      summary {
        id
      }
      documentRequests {
        requestId
        label
        description
        status
        dueDate
        providedAt
      }
    }
  }
`;
