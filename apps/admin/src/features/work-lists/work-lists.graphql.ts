import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DeleteWorkListMutation, DeleteWorkListMutationVariables, ReassignOpenStepsMutation, ReassignOpenStepsMutationVariables, SaveWorkListMutation, SaveWorkListMutationVariables, WorkListItemsQuery, WorkListItemsQueryVariables, WorkListsQuery, WorkListsQueryVariables, WorkListFilterInput } from '../../gql/graphql';
import { CASE_SUMMARY_FIELDS } from '../../shared/fragments';

/** A work list's filter (the api's WorkListFilterInput): every condition given must hold. */
export type WorkListFilter = WorkListFilterInput;

export type WorkList = WorkListsQuery['workLists'][number];

export type WorkListItem = WorkListItemsQuery['workListItems'][number];

export type ReassignOpenStepsResult = ReassignOpenStepsMutation['reassignOpenSteps'];

export const WORK_LISTS_QUERY: TypedDocumentNode<WorkListsQuery, WorkListsQueryVariables> = gql`
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

export const WORK_LIST_ITEMS_QUERY: TypedDocumentNode<WorkListItemsQuery, WorkListItemsQueryVariables> = gql`
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

export const SAVE_WORK_LIST_MUTATION: TypedDocumentNode<SaveWorkListMutation, SaveWorkListMutationVariables> = gql`
  mutation SaveWorkList($input: SaveWorkListInput!) {
    saveWorkList(input: $input) {
      id
    }
  }
`;

export const DELETE_WORK_LIST_MUTATION: TypedDocumentNode<DeleteWorkListMutation, DeleteWorkListMutationVariables> = gql`
  mutation DeleteWorkList($id: ID!) {
    deleteWorkList(id: $id)
  }
`;

export const REASSIGN_OPEN_STEPS_MUTATION: TypedDocumentNode<ReassignOpenStepsMutation, ReassignOpenStepsMutationVariables> = gql`
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
