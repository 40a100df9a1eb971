import type { Role } from '@zorgroute/domain';
import type { NotificationMode } from '@zorgroute/domain';
import type { MessageKind } from './message-kind';

/**
 * How a kind of message may be delivered (issue 5):
 * - LEGAL: a legal notice (a decision letter is ready, consent is asked). Always sent on its own, immediately; it can
 *   be neither digested nor switched off.
 * - DIGESTIBLE: a task message for staff (new task, ladder reminder, escalation); goes into the daily digest when the
 *   recipient chose DAILY_DIGEST.
 * - IMMEDIATE: everything else (stuck cases, SWV alerts, parents' messages, and any kind not listed here).
 */
export type DeliveryClass = 'LEGAL' | 'DIGESTIBLE' | 'IMMEDIATE';

/** Legal notices: never digested, never switched off. */
export const LEGAL_NOTICE_KINDS = ['LETTER_AVAILABLE', 'CONSENT_REQUESTED'] as const satisfies readonly MessageKind[];

/** The only kinds a digest may take (an allow-list: a new kind is immediate until it is added here). */
export const DIGESTIBLE_KINDS = ['STEP_ASSIGNED', 'STEP_REMINDER', 'STEP_ESCALATION', 'REFERRAL_RETURNED'] as const satisfies readonly MessageKind[];

/** Roles whose messages always go out immediately: parents and pupils never get a digest. */
const NEVER_DIGESTED_ROLES: readonly Role[] = ['PARENT', 'PUPIL'];

export function deliveryClassOf(kind: string): DeliveryClass {
  if ((LEGAL_NOTICE_KINDS as readonly string[]).includes(kind)) return 'LEGAL';
  if ((DIGESTIBLE_KINDS as readonly string[]).includes(kind)) return 'DIGESTIBLE';
  return 'IMMEDIATE';
}

/** Whether this message to this recipient goes into the recipient's daily digest instead of out on its own. */
export function goesIntoDigest(kind: string, recipient: { role: Role; mode: NotificationMode | null | undefined }): boolean {
  return deliveryClassOf(kind) === 'DIGESTIBLE' && !NEVER_DIGESTED_ROLES.includes(recipient.role) && recipient.mode === 'DAILY_DIGEST';
}
