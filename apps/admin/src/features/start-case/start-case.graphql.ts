import { gql, type TypedDocumentNode } from '@apollo/client';

/** Documents built from strings at run time (one per mutation name): passed through a call, so codegen leaves them alone. */
const text = (source: string): string => source;

type StartResult = Record<string, { id: string; status: string }>;
type StartDocument = TypedDocumentNode<StartResult, { input: Record<string, unknown> }>;

const start = (name: string, inputType: string): StartDocument =>
  gql(text(`
    mutation Start_${name}($input: ${inputType}!) {
      ${name}(input: $input) {
        id
        status
      }
    }
  `)) as StartDocument;

/** The start mutation of each process whose start is defined in the catalogue (StartDefinition.mutation). */
export const START_MUTATIONS: Record<string, StartDocument> = {
  registerAanmelding: start('registerAanmelding', 'RegisterAanmeldingInput'),
  startOov: start('startOov', 'StartOovInput'),
  startOverdracht: start('startOverdracht', 'StartOverdrachtInput'),
};
