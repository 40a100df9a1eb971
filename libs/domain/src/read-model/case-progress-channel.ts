/**
 * The PostgreSQL channel on which a `case_summary` row announces progress: the trigger of migration
 * CaseProgressNotify1796840000000 sends the case id when a row appears or its open step (`waiting_for`) or end
 * (`closed_at`) changes, at commit. Payload: the case id only.
 */
export const CASE_PROGRESS_CHANNEL = 'case_summary_progress';
