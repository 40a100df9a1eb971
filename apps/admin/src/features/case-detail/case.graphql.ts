import { gql, type TypedDocumentNode } from '@apollo/client';
import { type CaseDetail } from '../../shared/api-types';
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
      }
      dueDates {
        step
        date
        explanation
      }
      openSteps
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;
