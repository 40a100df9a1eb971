/** What orders an audit entry on a case timeline. */
export interface TimelineAuditRow {
  id: string;
  at: Date;
  caseId: string | null;
  eventKey: string;
}

/**
 * The case's `seq` of an audit entry its workflow wrote (CaseRecorder: event key `<case id>:<seq>:<action>`, also used
 * by the admin close); null for other entries (api audit, retention).
 */
export function auditSeq(row: Pick<TimelineAuditRow, 'caseId' | 'eventKey'>): number | null {
  if (!row.caseId || !row.eventKey.startsWith(`${row.caseId}:`)) return null;
  const seq = /^(\d+):/.exec(row.eventKey.slice(row.caseId.length + 1));
  return seq ? Number(seq[1]) : null;
}

/**
 * Audit entries in timeline order: by time, then by the case's sequence (two writes of one workflow task share their
 * time, and activities may complete — and so be inserted — out of order), then by insertion. A new sorted array.
 */
export function inTimelineOrder<T extends TimelineAuditRow>(rows: readonly T[]): T[] {
  const key = (r: T) => ({ at: r.at.getTime(), seq: auditSeq(r) ?? Number.MAX_SAFE_INTEGER, id: BigInt(r.id) });
  const keyed = rows.map((r) => ({ r, k: key(r) }));
  keyed.sort((a, b) => a.k.at - b.k.at || a.k.seq - b.k.seq || (a.k.id < b.k.id ? -1 : a.k.id > b.k.id ? 1 : 0));
  return keyed.map((x) => x.r);
}
