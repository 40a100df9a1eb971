import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AccountFieldsFragment, AccountsQuery, AccountsQueryVariables, ApplySchoolImportMutation, ApplySchoolImportMutationVariables, CreateAccountMutation, CreateAccountMutationVariables, CreateSchoolMutation, CreateSchoolMutationVariables, CreateSwvMutation, CreateSwvMutationVariables, DeactivateAccountMutation, DeactivateAccountMutationVariables, ImportPupilLineFieldsFragment, ImportStaffLineFieldsFragment, OpenStepsToReassignQuery, OpenStepsToReassignQueryVariables, ReactivateAccountMutation, ReactivateAccountMutationVariables, SchoolImportQuery, SchoolImportQueryVariables, SchoolImportsQuery, SchoolImportsQueryVariables, SchoolInput as SchoolInputType, SchoolRecordFieldsFragment, SwvsQuery, SwvsQueryVariables } from '../../gql/graphql';

// Contract of apps/api/src/organisations and apps/api/src/school-import (issue 13).

export type School = SchoolRecordFieldsFragment;

export type Swv = SwvsQuery['swvs'][number];

export type Account = AccountFieldsFragment;

export type OpenStepToReassign = OpenStepsToReassignQuery['openStepsToReassign'][number];

export type FieldChange = ImportPupilLine['changes'][number];

export type ImportPupilLine = ImportPupilLineFieldsFragment;

export type ImportStaffLine = ImportStaffLineFieldsFragment;

export type ImportPreview = NonNullable<SchoolImport['preview']>;

export type SchoolImport = SchoolImportQuery['schoolImport'];

const SCHOOL_FIELDS = gql`
  fragment SchoolRecordFields on SchoolRecord {
    id
    swvId
    name
    brin
    vestiging
    region
    pupilCount
  }
`;
const ACCOUNT_FIELDS = gql`
  fragment AccountFields on Account {
    id
    name
    email
    role
    schoolId
    swvId
    active
    deactivatedAt
    sourceId
  }
`;
const PUPIL_LINE = gql`
  fragment ImportPupilLineFields on ImportPupilLine {
    sourceId
    name
    className
    mentorName
    changes {
      field
      from
      to
    }
  }
`;
const STAFF_LINE = gql`
  fragment ImportStaffLineFields on ImportStaffLine {
    sourceId
    name
    email
    changes {
      field
      from
      to
    }
  }
`;

export const SWVS_QUERY: TypedDocumentNode<SwvsQuery, SwvsQueryVariables> = gql`
  query Swvs {
    swvs { id name code schools { ...SchoolRecordFields } }
  }
  ${SCHOOL_FIELDS}
`;

export const CREATE_SWV: TypedDocumentNode<CreateSwvMutation, CreateSwvMutationVariables> = gql`
  mutation CreateSwv($input: SwvInput!) {
    createSwv(input: $input) { id name code schools { ...SchoolRecordFields } }
  }
  ${SCHOOL_FIELDS}
`;

export type SchoolInput = SchoolInputType;

export const CREATE_SCHOOL: TypedDocumentNode<CreateSchoolMutation, CreateSchoolMutationVariables> = gql`
  mutation CreateSchool($input: SchoolInput!) {
    createSchool(input: $input) { ...SchoolRecordFields }
  }
  ${SCHOOL_FIELDS}
`;

export const ACCOUNTS_QUERY: TypedDocumentNode<AccountsQuery, AccountsQueryVariables> = gql`
  query Accounts($schoolId: ID, $swvId: ID) {
    accounts(schoolId: $schoolId, swvId: $swvId) { ...AccountFields }
  }
  ${ACCOUNT_FIELDS}
`;

export const CREATE_ACCOUNT: TypedDocumentNode<CreateAccountMutation, CreateAccountMutationVariables> = gql`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) { ...AccountFields }
  }
  ${ACCOUNT_FIELDS}
`;

export const DEACTIVATE_ACCOUNT: TypedDocumentNode<DeactivateAccountMutation, DeactivateAccountMutationVariables> = gql`
  mutation DeactivateAccount($id: ID!, $input: DeactivateAccountInput!) {
    deactivateAccount(id: $id, input: $input) {
      account { ...AccountFields }
      endedSessions
      openSteps { caseId process stepLabel dueDate ownerName reasonLabel pupilFirstName className }
    }
  }
  ${ACCOUNT_FIELDS}
`;

export const REACTIVATE_ACCOUNT: TypedDocumentNode<ReactivateAccountMutation, ReactivateAccountMutationVariables> = gql`
  mutation ReactivateAccount($id: ID!) {
    reactivateAccount(id: $id) { ...AccountFields }
  }
  ${ACCOUNT_FIELDS}
`;

export const OPEN_STEPS_QUERY: TypedDocumentNode<OpenStepsToReassignQuery, OpenStepsToReassignQueryVariables> = gql`
  query OpenStepsToReassign($schoolId: ID!) {
    openStepsToReassign(schoolId: $schoolId) { caseId process stepLabel dueDate ownerId ownerName reason reasonLabel pupilFirstName className }
  }
`;

const IMPORT_FIELDS = gql`
  fragment SchoolImportFields on SchoolImport {
    id
    schoolId
    format
    fileName
    fileDigest
    status
    createdAt
    appliedAt
    pupilsAdded
    pupilsChanged
    pupilsLeaving
    rejected
  }
`;

export const SCHOOL_IMPORT_QUERY: TypedDocumentNode<SchoolImportQuery, SchoolImportQueryVariables> = gql`
  query SchoolImport($id: ID!) {
    schoolImport(id: $id) {
      ...SchoolImportFields
      preview {
        pupilsAdded { ...ImportPupilLineFields } pupilsChanged { ...ImportPupilLineFields } pupilsLeaving { ...ImportPupilLineFields } pupilsUnchanged
        staffAdded { ...ImportStaffLineFields } staffChanged { ...ImportStaffLineFields } staffLeaving { ...ImportStaffLineFields } staffUnchanged
        guardiansAdded guardiansChanged guardianLinksAdded guardianLinksRemoved
        rejected { file line reason }
      }
    }
  }
  ${PUPIL_LINE}
  ${STAFF_LINE}
  ${IMPORT_FIELDS}
`;

export const SCHOOL_IMPORTS_QUERY: TypedDocumentNode<SchoolImportsQuery, SchoolImportsQueryVariables> = gql`
  query SchoolImports($schoolId: ID!) {
    schoolImports(schoolId: $schoolId) { ...SchoolImportFields }
  }
  ${IMPORT_FIELDS}
`;

export const APPLY_SCHOOL_IMPORT: TypedDocumentNode<ApplySchoolImportMutation, ApplySchoolImportMutationVariables> = gql`
  mutation ApplySchoolImport($id: ID!) {
    applySchoolImport(id: $id) { ...SchoolImportFields }
  }
  ${IMPORT_FIELDS}
`;

/** Uploads a file for a preview (`POST /imports/schools/<id>/preview`, the session cookie); answers the import's id. */
export async function uploadImportFile(schoolId: string, file: File): Promise<string> {
  const isZip = /\.zip$/i.test(file.name);
  const response = await fetch(`/imports/schools/${encodeURIComponent(schoolId)}/preview`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': isZip ? 'application/zip' : 'text/csv', 'x-file-name': encodeURIComponent(file.name) },
    body: file,
  });
  let body: { id?: unknown; message?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // not JSON: the generic message below
  }
  if (!response.ok || typeof body.id !== 'string') {
    throw new Error(typeof body.message === 'string' && body.message ? body.message : `Inlezen mislukt (${response.status}).`);
  }
  return body.id;
}
