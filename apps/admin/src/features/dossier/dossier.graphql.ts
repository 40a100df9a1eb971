import { gql, type TypedDocumentNode } from '@apollo/client';

export interface DossierExportOptions {
  /** The formats the caller may download ("pdf", "json"). */
  formats: string[];
  /** Of those, the ones that need a reason (written to the audit trail). */
  reasonRequired: string[];
  /** When none: why not, in Dutch. */
  refusal: string | null;
}

/** What the caller may export of one pupil's dossier: the api's own rules (apps/api/src/dossier/dossier.service.ts). */
export const DOSSIER_EXPORT_OPTIONS_QUERY: TypedDocumentNode<{ dossierExportOptions: DossierExportOptions }, { pupilId: string }> = gql`
  query DossierExportOptions($pupilId: ID!) {
    dossierExportOptions(pupilId: $pupilId) {
      formats
      reasonRequired
      refusal
    }
  }
`;
