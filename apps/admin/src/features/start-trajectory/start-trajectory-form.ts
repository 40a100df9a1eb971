import { type StartTrajectoryInput } from '../../gql/graphql';

// Policy bounds of P1 (PROCESSES.md): a trajectory lasts 6–9 weeks, 8 by default.
export const MIN_WEEKS = 6;
export const MAX_WEEKS = 9;
export const DEFAULT_WEEKS = 8;

export interface StartTrajectoryValues {
  pupilId: string | null;
  reason: string;
  observations: string;
  triedActions: string;
  /** As typed, so the field can be empty while editing. */
  weeks: string;
}

export type StartTrajectoryErrors = Partial<Record<'pupilId' | 'reason' | 'weeks', string>>;

export const INITIAL_VALUES: StartTrajectoryValues = {
  pupilId: null,
  reason: '',
  observations: '',
  triedActions: '',
  weeks: String(DEFAULT_WEEKS),
};

export function validateStartTrajectory(values: StartTrajectoryValues): StartTrajectoryErrors {
  const errors: StartTrajectoryErrors = {};
  if (!values.pupilId) errors.pupilId = 'Kies een leerling.';
  if (!values.reason.trim()) errors.reason = 'Vul de reden van de aanmelding in.';
  const weeks = Number(values.weeks);
  if (values.weeks.trim() === '' || !Number.isInteger(weeks) || weeks < MIN_WEEKS || weeks > MAX_WEEKS) {
    errors.weeks = `Kies een duur van ${MIN_WEEKS} tot en met ${MAX_WEEKS} weken.`;
  }
  return errors;
}

/** The mutation input for valid values; optional texts that are blank are left out. */
export function toStartTrajectoryInput(values: StartTrajectoryValues, requestKey?: string): StartTrajectoryInput {
  const optional = (text: string) => (text.trim() ? text.trim() : null);
  return {
    pupilId: values.pupilId ?? '',
    reason: values.reason.trim(),
    observations: optional(values.observations),
    triedActions: optional(values.triedActions),
    weeks: Number(values.weeks),
    ...(requestKey ? { requestKey } : {}),
  };
}

/**
 * A fresh idempotency key for `startTrajectory`: the API never starts a second case for the same
 * key, so a double click or a retried request cannot start two trajectories.
 */
export function newRequestKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes); // also outside secure contexts, unlike randomUUID()
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
