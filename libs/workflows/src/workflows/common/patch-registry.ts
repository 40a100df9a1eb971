/**
 * The registry of workflow patches (docs/architecture.md "Workflow versions"). Release 0.2.0 is the baseline: nothing
 * ran in production before it, so every history was re-recorded and every `patched()` branch removed, keeping the new
 * behaviour. From then on a change that alters the command sequence of a workflow for a running case goes behind
 * `patched('<id>')` and is listed here, with the release that introduced it and the visibility query that tells when
 * no running case can still take the old path (then `deprecatePatch('<id>')`, one release later removed, and its entry
 * with it). patch-registry.spec.ts fails when workflow code calls `patched`/`deprecatePatch` with an id that is not
 * listed here, or lists an id no code calls.
 *
 * Pure data: imported by the unit test and by the docs' readers, never needed at run time.
 */

/** The release whose workflow code is the baseline: no patch is older than it. */
export const WORKFLOW_BASELINE_RELEASE = '0.2.0';

export interface WorkflowPatch {
  /** The id given to `patched()` / `deprecatePatch()`, e.g. 'p2-zat-reminder-to-casusregisseur'. Never reused. */
  id: string;
  /** The release (semver, newer than the baseline) whose new cases take the new path. */
  introducedIn: string;
  /** The workflow types that call it (e.g. 'zorgrouteWorkflow'). */
  workflowTypes: readonly string[];
  /** What changed, in one line. */
  change: string;
  /**
   * The visibility query whose count must be 0 before the patch is deprecated: the running cases started before the
   * release, e.g. `ExecutionStatus='Running' AND WorkflowType='zorgrouteWorkflow' AND StartTime < '2027-02-01T00:00:00Z'`
   * (`temporal workflow count --query "…"`).
   */
  retireWhen: string;
  /** PATCHED: `patched(id)` guards the new path. DEPRECATED: `deprecatePatch(id)`; remove it in the next release. */
  stage: 'PATCHED' | 'DEPRECATED';
}

/** Every patch in workflow code. Empty at the baseline. */
export const WORKFLOW_PATCHES: readonly WorkflowPatch[] = [];

/** Compares two release versions `major.minor.patch` (numbers only): negative when a is older than b. */
export function compareReleases(a: string, b: string): number {
  const parts = (v: string) => v.split('.').map((n) => Number.parseInt(n, 10));
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
