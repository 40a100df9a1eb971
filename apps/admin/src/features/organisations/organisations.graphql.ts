import { gql, type TypedDocumentNode } from '@apollo/client';
import { type Role } from '../../shared/api-types';

// Contract of apps/api/src/organisations and apps/api/src/school-import (issue 13).

export interface School {
  id: string;
  swvId: string;
  name: string;
  brin: string;
  vestiging: string;
  region: string;
  pupilCount: number;
}

export interface Swv {
  id: string;
  name: string;
  code: string;
  schools: School[];
}

export interface Account {
  id: string;
  name: string;
  email: string;
  role: Role;
  schoolId: string | null;
  swvId: string | null;
  active: boolean;
  deactivatedAt: string | null;
  sourceId: string | null;
}

export interface OpenStepToReassign {
  caseId: string;
  process: string;
  stepLabel: string;
  dueDate: string | null;
  ownerId: string;
  ownerName: string;
  /** DEACTIVATED, OTHER_SCHOOL, ROLE_CHANGED or NOT_MENTOR_ANY_MORE. */
  reason: string;
  reasonLabel: string;
  pupilFirstName: string;
  className: string | null;
}

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface ImportPupilLine {
  sourceId: string;
  name: string;
  className: string | null;
  mentorName: string | null;
  changes: FieldChange[];
}

export interface ImportStaffLine {
  sourceId: string;
  name: string;
  email: string;
  changes: FieldChange[];
}

export interface ImportPreview {
  pupilsAdded: ImportPupilLine[];
  pupilsChanged: ImportPupilLine[];
  pupilsLeaving: ImportPupilLine[];
  pupilsUnchanged: number;
  staffAdded: ImportStaffLine[];
  staffChanged: ImportStaffLine[];
  staffLeaving: ImportStaffLine[];
  staffUnchanged: number;
  guardiansAdded: number;
  guardiansChanged: number;
  guardianLinksAdded: number;
  guardianLinksRemoved: number;
  rejected: { file: string; line: number; reason: string }[];
}

export interface SchoolImport {
  id: string;
  schoolId: string;
  format: string;
  fileName: string;
  fileDigest: string;
  status: string;
  createdAt: string;
  appliedAt: string | null;
  pupilsAdded: number;
  pupilsChanged: number;
  pupilsLeaving: number;
  rejected: number;
  preview: ImportPreview | null;
}

const SCHOOL_FIELDS = 'id swvId name brin vestiging region pupilCount';
const ACCOUNT_FIELDS = 'id name email role schoolId swvId active deactivatedAt sourceId';
const PUPIL_LINE = 'sourceId name className mentorName changes { field from to }';
const STAFF_LINE = 'sourceId name email changes { field from to }';

export const SWVS_QUERY: TypedDocumentNode<{ swvs: Swv[] }, Record<string, never>> = gql`
  query Swvs {
    swvs { id name code schools { ${SCHOOL_FIELDS} } }
  }
`;

export const CREATE_SWV: TypedDocumentNode<{ createSwv: Swv }, { input: { name: string; code: string } }> = gql`
  mutation CreateSwv($input: SwvInput!) {
    createSwv(input: $input) { id name code schools { ${SCHOOL_FIELDS} } }
  }
`;

export interface SchoolInput {
  swvId?: string | null;
  name: string;
  brin: string;
  vestiging: string;
  region: string;
}

export const CREATE_SCHOOL: TypedDocumentNode<{ createSchool: School }, { input: SchoolInput }> = gql`
  mutation CreateSchool($input: SchoolInput!) {
    createSchool(input: $input) { ${SCHOOL_FIELDS} }
  }
`;

export const ACCOUNTS_QUERY: TypedDocumentNode<{ accounts: Account[] }, { schoolId: string | null; swvId: string | null }> = gql`
  query Accounts($schoolId: ID, $swvId: ID) {
    accounts(schoolId: $schoolId, swvId: $swvId) { ${ACCOUNT_FIELDS} }
  }
`;

export const CREATE_ACCOUNT: TypedDocumentNode<{ createAccount: Account }, { input: { name: string; email: string; role: Role; schoolId?: string | null; swvId?: string | null } }> = gql`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) { ${ACCOUNT_FIELDS} }
  }
`;

export const DEACTIVATE_ACCOUNT: TypedDocumentNode<
  { deactivateAccount: { account: Account; endedSessions: number; openSteps: OpenStepToReassign[] } },
  { id: string; input: { reason: string } }
> = gql`
  mutation DeactivateAccount($id: ID!, $input: DeactivateAccountInput!) {
    deactivateAccount(id: $id, input: $input) {
      account { ${ACCOUNT_FIELDS} }
      endedSessions
      openSteps { caseId process stepLabel dueDate ownerName reasonLabel pupilFirstName className }
    }
  }
`;

export const REACTIVATE_ACCOUNT: TypedDocumentNode<{ reactivateAccount: Account }, { id: string }> = gql`
  mutation ReactivateAccount($id: ID!) {
    reactivateAccount(id: $id) { ${ACCOUNT_FIELDS} }
  }
`;

export const OPEN_STEPS_QUERY: TypedDocumentNode<{ openStepsToReassign: OpenStepToReassign[] }, { schoolId: string }> = gql`
  query OpenStepsToReassign($schoolId: ID!) {
    openStepsToReassign(schoolId: $schoolId) { caseId process stepLabel dueDate ownerId ownerName reason reasonLabel pupilFirstName className }
  }
`;

const IMPORT_FIELDS = `id schoolId format fileName fileDigest status createdAt appliedAt pupilsAdded pupilsChanged pupilsLeaving rejected`;

export const SCHOOL_IMPORT_QUERY: TypedDocumentNode<{ schoolImport: SchoolImport }, { id: string }> = gql`
  query SchoolImport($id: ID!) {
    schoolImport(id: $id) {
      ${IMPORT_FIELDS}
      preview {
        pupilsAdded { ${PUPIL_LINE} } pupilsChanged { ${PUPIL_LINE} } pupilsLeaving { ${PUPIL_LINE} } pupilsUnchanged
        staffAdded { ${STAFF_LINE} } staffChanged { ${STAFF_LINE} } staffLeaving { ${STAFF_LINE} } staffUnchanged
        guardiansAdded guardiansChanged guardianLinksAdded guardianLinksRemoved
        rejected { file line reason }
      }
    }
  }
`;

export const SCHOOL_IMPORTS_QUERY: TypedDocumentNode<{ schoolImports: SchoolImport[] }, { schoolId: string }> = gql`
  query SchoolImports($schoolId: ID!) {
    schoolImports(schoolId: $schoolId) { ${IMPORT_FIELDS} }
  }
`;

export const APPLY_SCHOOL_IMPORT: TypedDocumentNode<{ applySchoolImport: SchoolImport }, { id: string }> = gql`
  mutation ApplySchoolImport($id: ID!) {
    applySchoolImport(id: $id) { ${IMPORT_FIELDS} }
  }
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
