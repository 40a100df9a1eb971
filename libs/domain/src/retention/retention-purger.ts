import type { DataSource, EntityManager } from 'typeorm';
import { AuditTrailRepository, RETENTION_PURGED_ACTION } from '../audit/audit-trail.repository';
import { retentionPolicyOf } from '../logic/policies/retention-policy';
import { toIsoDate } from '../logic/reminders/zoned-time';
import { PolicyVersionRepository } from '../policy-store/policy-version.repository';

/** Where a case's workflow stands in Temporal (the read model alone is not trusted to say a case has ended). */
export type WorkflowState = 'RUNNING' | 'CLOSED' | 'NOT_FOUND';

/** The Temporal side of the retention run, given by the caller (api: its client; worker: the activity's client). */
export interface RetentionTemporalOps {
  workflowState(caseId: string): Promise<WorkflowState>;
  /** Closes an inactive running case through the workflow's own admin close (never terminates it). */
  closeInactive?(caseId: string, reason: string): Promise<void>;
  /** Removes the history of a closed workflow (best effort; Temporal's namespace retention removes it too). */
  deleteHistory?(caseId: string): Promise<void>;
}

export type RetentionTrigger = 'SCHEDULE' | 'ADMIN';

export interface RetentionRunOptions {
  trigger: RetentionTrigger;
  /** The admin who ran it (ADMIN), null for the daily run. */
  actorId: string | null;
  /** The admin's reason (ADMIN); recorded in the audit entry of each purged case. */
  reason: string | null;
  /** "Now" of the run (tests); default the current time. */
  now?: Date;
  /** Only this school (default: every school). */
  schoolId?: string | null;
}

export interface RetentionRunResult {
  /** Running cases closed for inactivity. */
  closed: string[];
  purged: string[];
  /** Closed in the read model but still running in Temporal: never purged. */
  skippedRunning: string[];
  failed: { caseId: string; error: string }[];
}

interface Candidate {
  id: string;
  process: string;
  school_id: string;
  closed_at: Date;
}

/** The actor name of purge entries: a role or the system, never a person's name. */
const ACTOR_NAME: Record<RetentionTrigger, string> = { SCHEDULE: 'Zorgroute', ADMIN: 'ADMIN' };

function minus(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/**
 * The retention run (docs/security.md, "Retention"): per school, with the school's effective retention policy,
 * 1. closes running cases without activity for `closeAfterInactiveMonths` (through the workflow's admin close);
 * 2. purges cases closed more than `purgeAfterClosedYears` ago whose workflow is not running: the read-model row,
 *    consent records, documents, e-mail deliveries (and digest items) are deleted (the bucket keys of S3-stored
 *    documents are queued in `document_object_purge`, the outbox the api drains), the payload of every audit entry of
 *    the case is replaced by the tombstone (hashes stay: hash version 2 covers a digest of the payload), a
 *    `retention_purge` row and one `RETENTION_PURGED` audit entry without personal data are written — in one
 *    transaction per case.
 */
export class RetentionPurger {
  private readonly audit: AuditTrailRepository;
  private readonly policies: PolicyVersionRepository;

  constructor(private readonly dataSource: DataSource) {
    this.audit = new AuditTrailRepository(dataSource);
    this.policies = new PolicyVersionRepository(dataSource);
  }

  async run(ops: RetentionTemporalOps, options: RetentionRunOptions): Promise<RetentionRunResult> {
    const now = options.now ?? new Date();
    const result: RetentionRunResult = { closed: [], purged: [], skippedRunning: [], failed: [] };
    const schools: { id: string; swv_id: string }[] = options.schoolId
      ? await this.dataSource.query('SELECT id, swv_id FROM school WHERE id = $1', [options.schoolId])
      : await this.dataSource.query('SELECT id, swv_id FROM school ORDER BY id');
    for (const school of schools) {
      const policy = retentionPolicyOf((await this.policies.effectiveForSchool({ id: school.id, swvId: school.swv_id })).policies);
      if (policy.closeAfterInactiveMonths > 0 && ops.closeInactive) {
        const inactiveSince = minus(now, policy.closeAfterInactiveMonths);
        const stale: { id: string }[] = await this.dataSource.query(
          'SELECT id FROM case_summary WHERE school_id = $1 AND closed_at IS NULL AND updated_at < $2 ORDER BY id',
          [school.id, inactiveSince],
        );
        for (const c of stale) {
          try {
            if ((await ops.workflowState(c.id)) !== 'RUNNING') continue;
            await ops.closeInactive(c.id, `Bewaartermijn: geen activiteit sinds ${toIsoDate(inactiveSince.getTime())} (${policy.closeAfterInactiveMonths} maanden)`);
            result.closed.push(c.id);
          } catch (err) {
            result.failed.push({ caseId: c.id, error: err instanceof Error ? err.message : String(err) });
          }
        }
      }
      const closedBefore = minus(now, policy.purgeAfterClosedYears * 12);
      const due: Candidate[] = await this.dataSource.query(
        'SELECT id, process, school_id, closed_at FROM case_summary WHERE school_id = $1 AND closed_at IS NOT NULL AND closed_at < $2 ORDER BY closed_at, id',
        [school.id, closedBefore],
      );
      for (const c of due) {
        try {
          if ((await ops.workflowState(c.id)) === 'RUNNING') {
            result.skippedRunning.push(c.id);
            continue;
          }
          if (await this.purgeCase(c, options, now)) {
            result.purged.push(c.id);
            await ops.deleteHistory?.(c.id).catch(() => undefined);
          }
        } catch (err) {
          result.failed.push({ caseId: c.id, error: err instanceof Error ? err.message : String(err) });
        }
      }
    }
    return result;
  }

  /** Purges one closed case in one transaction; false when another run got there first. */
  private purgeCase(c: Candidate, options: RetentionRunOptions, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (m: EntityManager) => {
      const locked: unknown[] = await m.query('SELECT id FROM case_summary WHERE id = $1 AND closed_at IS NOT NULL FOR UPDATE', [c.id]);
      if (!locked.length) return false;
      // The payload of the case's audit entries is replaced by the tombstone through the owner's SECURITY DEFINER
      // function (the application role may not UPDATE audit_entry; docs/operations.md "Database roles"). It refuses a
      // case whose read-model row is not closed, so it runs before that row is deleted.
      const purgedRows: { id: string }[] = await m.query('SELECT audit_entry_purge_case($1, $2) AS id', [c.id, now]);
      const entryIds = purgedRows.map((e) => String(e.id)).sort((a, b) => Number(a) - Number(b));
      const count = async (sql: string, params: unknown[]): Promise<number> => {
        const r = (await m.query(sql, params)) as [unknown[], number];
        return r[1];
      };
      const counts: Record<string, number> = {
        auditEntries: entryIds.length,
        digestItems: await count('DELETE FROM notification_digest_item WHERE delivery_id IN (SELECT id FROM notification_delivery WHERE case_id = $1)', [c.id]),
        deliveries: await count('DELETE FROM notification_delivery WHERE case_id = $1', [c.id]),
        consents: await count('DELETE FROM consent_record WHERE case_id = $1', [c.id]),
        // The bucket objects of S3-stored documents go into the outbox before their rows go (the api deletes them:
        // DocumentObjectPurgeRepository); in this transaction, so no object is forgotten when anything fails later.
        bucketObjects: (
          (await m.query(
            `INSERT INTO document_object_purge (storage_key, case_id, purged_at)
               SELECT storage_key, case_id, $2 FROM case_document WHERE case_id = $1 AND storage = 'S3' AND storage_key IS NOT NULL
             ON CONFLICT DO NOTHING RETURNING storage_key`,
            [c.id, now],
          )) as unknown[]
        ).length,
        documents: await count('DELETE FROM case_document WHERE case_id = $1', [c.id]),
        notes: await count('DELETE FROM case_note WHERE case_id = $1', [c.id]),
        caseSummary: await count('DELETE FROM case_summary WHERE id = $1', [c.id]),
      };
      await m.query(
        `INSERT INTO retention_purge (case_id, process, school_id, closed_at, purged_at, trigger, actor_id, counts) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [c.id, c.process, c.school_id, c.closed_at, now, options.trigger, options.actorId, JSON.stringify(counts)],
      );
      await this.audit.append(
        {
          eventKey: `retention:${c.id}`,
          caseId: c.id,
          at: now.toISOString(),
          actorId: options.actorId,
          actorName: ACTOR_NAME[options.trigger],
          action: RETENTION_PURGED_ACTION,
          description: 'Casusgegevens verwijderd na afloop van de bewaartermijn',
          details: {
            purgedCaseId: c.id,
            process: c.process,
            schoolId: c.school_id,
            closedAt: new Date(c.closed_at).toISOString(),
            trigger: options.trigger,
            purgedEntryIds: entryIds,
            counts,
          },
          reason: options.reason,
        },
        m,
      );
      return true;
    });
  }
}
