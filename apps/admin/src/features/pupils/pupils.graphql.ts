import { gql, type TypedDocumentNode } from '@apollo/client';
import { type CaseDocument, type CaseSummary, type ConsentRecord, type ProcessType, type Pupil, type School } from '../../shared/api-types';
import { CASE_SUMMARY_FIELDS } from '../../shared/fragments';

/** The pupils found by a few letters of their name, class or pupil number (the api's `searchPupils`, scoped). */
export const SEARCH_PUPILS_QUERY: TypedDocumentNode<{ searchPupils: Pupil[] }, { query: string; schoolId?: string | null; limit?: number }> = gql`
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

export interface PupilHistoryEntry {
  id: string;
  caseId: string;
  process: ProcessType;
  at: string;
  kind: string;
  actorName: string | null;
  description: string;
  reason: string | null;
}

export interface PupilPageData {
  pupil: Pupil & { leftAt?: string | null };
  /** YYYY-MM-DD */
  dateOfBirth: string;
  school: School;
  cases: CaseSummary[];
  consents: ConsentRecord[];
  documents: CaseDocument[];
  history: PupilHistoryEntry[];
}

export const PUPIL_PAGE_QUERY: TypedDocumentNode<{ pupil: PupilPageData }, { id: string }> = gql`
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
        id
        caseId
        kind
        label
        process
        pupilId
        scope
        status
        statusLabel
        requestedAt
        respondBy
        decidedAt
        giverName
        method
        pupilMayDecide
        withdrawnAt
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
`;
