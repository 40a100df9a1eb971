/**
 * Retention (bewaartermijnen) of case data, per SWV (and, like every policy, overridable per school). Two steps:
 * a running case without any activity for `closeAfterInactiveMonths` is closed by the daily retention run (through the
 * workflow's own admin close, so nothing is terminated); a closed case is purged `purgeAfterClosedYears` after it was
 * closed: its read-model row, consents, documents, e-mail deliveries and the payload of its audit entries are removed
 * (docs/security.md, "Retention").
 *
 * Defaults: the AVG allows keeping personal data no longer than needed for the purpose (art. 5(1)(e), storage
 * limitation) and sets no number; Dutch school practice (the model privacy regulations of the VO-raad/Kennisnet for
 * the leerlingdossier and support data) keeps pupil-support data up to two years after the support ended, so a
 * follow-up, a bezwaar or a complaint can still be handled. A case without any activity for a full school year (12
 * months) is no longer a running support process.
 */
export interface RetentionPolicy {
  /** Close a running case after this many months without any recorded activity; 0 = never close automatically. */
  closeAfterInactiveMonths: number;
  /** Purge a closed case this many years after it was closed. */
  purgeAfterClosedYears: number;
}

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = Object.freeze({
  closeAfterInactiveMonths: 12,
  purgeAfterClosedYears: 2,
});

/** The retention policy of a snapshot or effective policy, with defaults for fields it lacks (older snapshots). */
export function retentionPolicyOf(policies: { retention?: Partial<RetentionPolicy> } | null | undefined): RetentionPolicy {
  return { ...DEFAULT_RETENTION_POLICY, ...(policies?.retention ?? {}) };
}
