import { gql, type TypedDocumentNode } from '@apollo/client';
import type { PupilPageQuery, PupilPageQueryVariables, SearchPupilsQuery, SearchPupilsQueryVariables } from '../../gql/graphql';
import { CASE_SUMMARY_FIELDS, CONSENT_FIELDS } from '../../shared/fragments';

/** The pupils found by a few letters of their name, class or pupil number (the api's `searchPupils`, scoped). */
export const SEARCH_PUPILS_QUERY: TypedDocumentNode<SearchPupilsQuery, SearchPupilsQueryVariables> = gql`
  query SearchPupils($query: String!, $schoolId: ID, $limit: Int) {
    searchPupils(query: $query, schoolId: $schoolId, limit: $limit) {
      id
      displayName
      className
      schoolId
      mentorName
    }
  }
`;

export type PupilHistoryEntry = PupilPageData['history'][number];

export type PupilPageData = PupilPageQuery['pupil'];

export const PUPIL_PAGE_QUERY: TypedDocumentNode<PupilPageQuery, PupilPageQueryVariables> = gql`
  query PupilPage($id: ID!) {
    pupil(id: $id) {
      pupil {
        id
        displayName
        className
        schoolId
        mentorName
        leftAt
      }
      dateOfBirth
      school {
        id
        name
        region
      }
      cases {
        ...CaseSummaryFields
      }
      consents {
        ...ConsentFields
      }
      documents {
        id
        caseId
        kind
        kindLabel
        fileName
        contentType
        sizeBytes
        createdAt
        downloadPath
        source
      }
      history {
        id
        caseId
        process
        at
        kind
        actorName
        description
        reason
      }
    }
  }
  ${CASE_SUMMARY_FIELDS}
  ${CONSENT_FIELDS}
`;
