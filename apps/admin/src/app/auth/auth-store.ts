import { type UserFieldsFragment as User } from '../../gql/graphql';

// The session itself lives in an httpOnly cookie that scripts cannot read (set by the api at login, sent with every
// request to the same origin, cleared at logout). The app only keeps, in memory, who is logged in: `undefined` until
// the api has been asked (at start: `me`), `null` when nobody is. A tiny observable store lets React
// (useSyncExternalStore) and the Apollo links share it. Nothing is written to localStorage or sessionStorage.

export interface Session {
  user: User;
}

/** `undefined`: not known yet (the app asks `me` at start); `null`: not logged in. */
export type SessionState = Session | null | undefined;

type Listener = () => void;
const listeners = new Set<Listener>();
let current: SessionState = undefined;

/** The current session; the same object until it changes (as useSyncExternalStore needs). */
export function getSession(): SessionState {
  return current;
}

function notify(): void {
  for (const listener of listeners) listener();
}

export function setSession(session: Session): void {
  current = session;
  notify();
}

export function clearSession(): void {
  current = null;
  notify();
}

/** Back to "not known yet" (tests; the next AuthProvider asks the api again). */
export function resetSession(): void {
  current = undefined;
  notify();
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
