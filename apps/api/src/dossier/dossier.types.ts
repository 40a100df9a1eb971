/** The machine-readable dossier (AVG art. 15 right of access): everything Zorgroute holds on one pupil. */
export interface DossierExport {
  /** Format version of this JSON, bumped when fields change meaning. */
  formatVersion: 1;
  generatedAt: string;
  /** Who asked for the export (role only; the audit trail has the user id). */
  requestedByRole: string;
  pupil: {
    id: string;
    firstName: string;
    lastName: string;
    dateOfBirth: string;
    className: string | null;
    school: { id: string; name: string };
    mentorName: string | null;
  };
  parents: { userId: string; name: string; email: string; relation: string }[];
  cases: DossierCase[];
}

export interface DossierCase {
  id: string;
  process: string;
  processLabel: string;
  status: string;
  statusLabel: string;
  outcome: string | null;
  startedAt: string;
  closedAt: string | null;
  waitingFor: string | null;
  waitingForLabel: string | null;
  nextDueDate: string | null;
  policyVersion: string | null;
  /** The due dates with their explanation (rule 7), as the case shows them. */
  dueDates: unknown[];
  /** Process-specific data of the read model (goal, coach, sessions, decisions, …). */
  data: Record<string, unknown>;
  timeline: { at: string; action: string; description: string; actorName: string | null; reason: string | null }[];
  consents: {
    kind: string;
    label: string;
    scope: string;
    status: string;
    requestedAt: string;
    respondBy: string;
    giverName: string | null;
    giverRole: string | null;
    method: string | null;
    decidedAt: string | null;
    withdrawnAt: string | null;
    withdrawnByName: string | null;
    withdrawalReason: string | null;
  }[];
  documents: { id: string; kind: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; createdAt: string }[];
  /** E-mail deliveries: kind, to whom (role), when — never the body or address. */
  notifications: { kind: string; recipientRole: string | null; status: string; createdAt: string; sentAt: string | null }[];
}

export type DossierFormat = 'json' | 'pdf';
