import { gql, type TypedDocumentNode } from '@apollo/client';
import { type CaseSummary } from '../../shared/api-types';
import { CASE_SUMMARY_FIELDS } from '../../shared/fragments';

// All cases the caller may see (the API scopes by role); the dashboard filters on the client.
export const DASHBOARD_CASES_QUERY: TypedDocumentNode<{ cases: CaseSummary[] }, Record<string, never>> = gql`
  query DashboardCases {
    cases {
      ...CaseSummaryFields
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;
