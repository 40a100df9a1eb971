import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CaseDeliveriesQuery, CaseDeliveriesQueryVariables, StuckCasesQuery, StuckCasesQueryVariables } from '../../gql/graphql';

/** Documents built from strings at run time (one per mutation name): passed through a call, so codegen leaves them alone. */
const text = (source: string): string => source;
import { CASE_SUMMARY_FIELDS } from '../../shared/fragments';

// Contract of the stuck-case backend (being built alongside this screen).

export type StuckCase = StuckCasesQuery['stuckCases'][number];

export const STUCK_CASES_QUERY: TypedDocumentNode<StuckCasesQuery, StuckCasesQueryVariables> = gql`
  query StuckCases($schoolId: ID) {
    stuckCases(schoolId: $schoolId) {
      summary {
        ...CaseSummaryFields
      }
      reason
      reasonLabel
      since
      lastError
      history {
        id
        at
        kind
        actorName
        description
      }
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;

/** A message of the case's delivery log; `key` is only given to admins (the resend action needs it). */
export type CaseDelivery = NonNullable<CaseDeliveriesQuery['case']['deliveries']>[number];

export const CASE_DELIVERIES_QUERY: TypedDocumentNode<CaseDeliveriesQuery, CaseDeliveriesQueryVariables> = gql`
  query CaseDeliveries($id: ID!) {
    case(id: $id) {
      summary {
        id
      }
      deliveries {
        id
        key
        kindLabel
        recipient
        subject
        status
        statusLabel
        createdAt
      }
    }
  }
`;

type AdminResult = Record<string, { id: string; status: string; stuck: boolean }>;
type AdminVariables = Record<string, string | boolean>;

// The input objects are written inline from scalar variables, so the documents do not depend on
// the names the backend gives its input types.
function adminMutation(name: string, fields: Record<string, string>, optional: Record<string, string> = {}): TypedDocumentNode<AdminResult, AdminVariables> {
  const params = Object.entries(fields)
    .map(([field, type]) => `$${field}: ${type}!`)
    .concat(Object.entries(optional).map(([field, type]) => `$${field}: ${type}`))
    .join(', ');
  const input = [...Object.keys(fields), ...Object.keys(optional)]
    .map((field) => `${field}: $${field}`)
    .join(', ');
  return gql(text(`
    mutation Admin_${name}($caseId: ID!, ${params}) {
      ${name}(caseId: $caseId, input: { ${input} }) {
        id
        status
        stuck
      }
    }
  `)) as TypedDocumentNode<AdminResult, AdminVariables>;
}

export const ADMIN_MUTATIONS = {
  adminExtendDueDate: adminMutation('adminExtendDueDate', { newDueDate: 'String', reason: 'String' }),
  adminReassignStep: adminMutation('adminReassignStep', { newOwnerId: 'ID', reason: 'String' }),
  adminResendNotification: adminMutation('adminResendNotification', { deliveryKey: 'String', reason: 'String' }, { force: 'Boolean' }),
  adminCloseCase: adminMutation('adminCloseCase', { reason: 'String' }),
} as const;

export type AdminMutationName = keyof typeof ADMIN_MUTATIONS;
