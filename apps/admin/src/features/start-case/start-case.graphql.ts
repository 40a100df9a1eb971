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
  startTrajectory: start('startTrajectory', 'StartTrajectoryInput'),
  startZorgroute: start('startZorgroute', 'StartZorgrouteInput'),
  startJos: start('startJos', 'StartJosInput'),
  registerAanmelding: start('registerAanmelding', 'RegisterAanmeldingInput'),
  startOov: start('startOov', 'StartOovInput'),
  startOverdracht: start('startOverdracht', 'StartOverdrachtInput'),
  startOpp: start('startOpp', 'StartOppInput'),
  startTlv: start('startTlv', 'StartTlvInput'),
};

/** The start mutations that take an idempotency key (`requestKey`): the same form sent twice starts one case. */
export const TAKES_REQUEST_KEY: ReadonlySet<string> = new Set(['startTrajectory', 'startZorgroute', 'startJos', 'startOov', 'startOpp', 'startTlv']);
