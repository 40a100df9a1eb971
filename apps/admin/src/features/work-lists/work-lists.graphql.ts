import { gql, type TypedDocumentNode } from '@apollo/client';
import { type CaseSummary, type ProcessType } from '../../shared/api-types';
import { CASE_SUMMARY_FIELDS } from '../../shared/fragments';

/** A work list's filter (the api's WorkListFilterInput): every condition given must hold. */
export interface WorkListFilter {
  mine?: boolean | null;
  ownerId?: string | null;
  ownerUnavailable?: boolean | null;
  overdue?: boolean | null;
  lateThisWeek?: boolean | null;
  process?: ProcessType | null;
  pupilLeft?: boolean | null;
  stuck?: boolean | null;
}

export interface WorkList {
  id: string;
  name: string;
  description: string | null;
  builtIn: boolean;
  filter: WorkListFilter;
  count: number;
}

export interface WorkListItem {
  ownerId: string | null;
  ownerUnavailable: boolean;
  case: CaseSummary;
}

export interface ReassignOpenStepsResult {
  reassigned: number;
  failed: number;
  results: { caseId: string; ok: boolean; code: string | null; message: string | null }[];
}

export const WORK_LISTS_QUERY: TypedDocumentNode<{ workLists: WorkList[] }, Record<string, never>> = gql`
  query WorkLists {
    workLists {
      id
      name
      description
      builtIn
      count
      filter {
        mine
        ownerId
        ownerUnavailable
        overdue
        lateThisWeek
        process
        pupilLeft
        stuck
      }
    }
  }
`;

export const WORK_LIST_ITEMS_QUERY: TypedDocumentNode<{ workListItems: WorkListItem[] }, { filter: WorkListFilter }> = gql`
  query WorkListItems($filter: WorkListFilterInput!) {
    workListItems(filter: $filter) {
      ownerId
      ownerUnavailable
      case {
        ...CaseSummaryFields
      }
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;

export const SAVE_WORK_LIST_MUTATION: TypedDocumentNode<{ saveWorkList: { id: string } }, { input: { name: string; filter: WorkListFilter } }> = gql`
  mutation SaveWorkList($input: SaveWorkListInput!) {
    saveWorkList(input: $input) {
      id
    }
  }
`;

export const DELETE_WORK_LIST_MUTATION: TypedDocumentNode<{ deleteWorkList: boolean }, { id: string }> = gql`
  mutation DeleteWorkList($id: ID!) {
    deleteWorkList(id: $id)
  }
`;

export const REASSIGN_OPEN_STEPS_MUTATION: TypedDocumentNode<{ reassignOpenSteps: ReassignOpenStepsResult }, { input: { caseIds: string[]; newOwnerId: string; reason: string } }> = gql`
  mutation ReassignOpenSteps($input: ReassignOpenStepsInput!) {
    reassignOpenSteps(input: $input) {
      reassigned
      failed
      results {
        caseId
        ok
        code
        message
      }
    }
  }
`;

/** The filter without its null conditions (the shape the api stores and the list query takes). */
export function cleanFilter(filter: WorkListFilter): WorkListFilter {
  return Object.fromEntries(Object.entries(filter).filter(([k, v]) => k !== '__typename' && v !== null && v !== undefined && v !== false)) as WorkListFilter;
}
