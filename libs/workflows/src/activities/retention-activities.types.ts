/** What one retention run did (ids of cases only; no personal data in workflow history). */
export interface RetentionRunSummary {
  closed: string[];
  purged: string[];
  skippedRunning: string[];
  failed: { caseId: string; error: string }[];
}

/** The daily retention run (docs/security.md, "Retention"). Implemented in ./retention-activities.ts. */
export interface RetentionActivities {
  runRetention(input: { trigger: 'SCHEDULE' }): Promise<RetentionRunSummary>;
}
