import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DossierExportOptionsQuery, DossierExportOptionsQueryVariables } from '../../gql/graphql';

export type DossierExportOptions = DossierExportOptionsQuery['dossierExportOptions'];

/** What the caller may export of one pupil's dossier: the api's own rules (apps/api/src/dossier/dossier.service.ts). */
export const DOSSIER_EXPORT_OPTIONS_QUERY: TypedDocumentNode<DossierExportOptionsQuery, DossierExportOptionsQueryVariables> = gql`
  query DossierExportOptions($pupilId: ID!) {
    dossierExportOptions(pupilId: $pupilId) {
      formats
      reasonRequired
      refusal
    }
  }
`;
