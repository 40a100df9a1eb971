import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DashboardCasesQuery, DashboardCasesQueryVariables } from '../../gql/graphql';
import { CASE_SUMMARY_FIELDS } from '../../shared/fragments';

// The cases the caller may see (the API scopes by role), open ones unless `includeClosed`;
// the dashboard filters further on the client so the summary cards stay complete.
export const DASHBOARD_CASES_QUERY: TypedDocumentNode<DashboardCasesQuery, DashboardCasesQueryVariables> = gql`
  query DashboardCases($filter: CaseFilter) {
    cases(filter: $filter) {
      ...CaseSummaryFields
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;
