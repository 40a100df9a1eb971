import { gql, type TypedDocumentNode } from '@apollo/client';
import { type CaseSummary, type TimelineEntry } from '../../shared/api-types';
import { CASE_SUMMARY_FIELDS } from '../../shared/fragments';

// Contract of the stuck-case backend (being built alongside this screen).

export interface StuckCase {
  summary: CaseSummary;
  reason: string;
  reasonLabel: string;
  since: string | null;
  lastError: string | null;
  history: TimelineEntry[];
}

export const STUCK_CASES_QUERY: TypedDocumentNode<{ stuckCases: StuckCase[] }, { schoolId: string | null }> = gql`
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
export interface CaseDelivery {
  id: string;
  key: string | null;
  kindLabel: string;
  recipient: string;
  subject: string;
  status: string;
  statusLabel: string;
  createdAt: string;
}

export const CASE_DELIVERIES_QUERY: TypedDocumentNode<{ case: { summary: { id: string }; deliveries: CaseDelivery[] } }, { id: string }> = gql`
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
  return gql(`
    mutation Admin_${name}($caseId: ID!, ${params}) {
      ${name}(caseId: $caseId, input: { ${input} }) {
        id
        status
        stuck
      }
    }
  `) as TypedDocumentNode<AdminResult, AdminVariables>;
}

export const ADMIN_MUTATIONS = {
  adminExtendDueDate: adminMutation('adminExtendDueDate', { newDueDate: 'String', reason: 'String' }),
  adminReassignStep: adminMutation('adminReassignStep', { newOwnerId: 'ID', reason: 'String' }),
  adminResendNotification: adminMutation('adminResendNotification', { deliveryKey: 'String', reason: 'String' }, { force: 'Boolean' }),
  adminCloseCase: adminMutation('adminCloseCase', { reason: 'String' }),
} as const;

export type AdminMutationName = keyof typeof ADMIN_MUTATIONS;
