/** Names shared by the digest workflow, the activity that starts it and the api (pure: safe in every bundle). */
export const DAILY_DIGEST_WORKFLOW = 'dailyDigestWorkflow';

/** The workflow id of a school's daily digest run: one per school. */
export function dailyDigestWorkflowId(schoolId: string): string {
  return `daily-digest-${schoolId}`;
}
