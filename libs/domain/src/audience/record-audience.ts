import { Audience } from './audience';

/**
 * Who may read a generated document of a case, by kind, with its Dutch name. The zorgplicht letters are addressed to
 * the parents (PROCESSES.md P4: the extension notice and the decision, with how to object); the school keeps them.
 * The pupil and the SWV do not get them. The TLV letters (P8) are the SWV's own, to the parents, kept by the school. A kind not listed is the school's only (fail closed).
 */
export const DOCUMENT_KINDS: Readonly<Record<string, { readonly audiences: readonly Audience[]; readonly label: string }>> = {
  ZORGPLICHT_VERLENGING: { audiences: [Audience.SCHOOL, Audience.PARENTS], label: 'Brief: verlenging van de beslistermijn' },
  ZORGPLICHT_BESLUIT: { audiences: [Audience.SCHOOL, Audience.PARENTS], label: 'Brief: besluit over de aanmelding' },
  // P8: the SWV writes the TLV letters to the parents (the school and the SWV keep them).
  TLV_VERLENGING: { audiences: [Audience.SCHOOL, Audience.PARENTS, Audience.SWV], label: 'Brief: verlenging van de beslistermijn TLV' },
  TLV_BESLUIT: { audiences: [Audience.SCHOOL, Audience.PARENTS, Audience.SWV], label: 'Brief: besluit over de toelaatbaarheidsverklaring' },
};

export function documentAudiences(kind: string): readonly Audience[] {
  return DOCUMENT_KINDS[kind]?.audiences ?? [Audience.SCHOOL];
}

/** The Dutch name of a document kind ("Brief: besluit over de aanmelding"); "Document" for an unknown kind. */
export function documentLabel(kind: string): string {
  return DOCUMENT_KINDS[kind]?.label ?? 'Document';
}

const SF: readonly Audience[] = [Audience.SCHOOL, Audience.PARENTS, Audience.PUPIL];

/**
 * Consent records (PROCESSES.md rule 2) are seen by everyone who sees the case; the SWV (OOV, overdracht) sees what
 * was asked and its state, not who answered, how, or the note and withdrawal reason. Fields not listed: everyone.
 */
export const CONSENT_FIELD_AUDIENCES: Readonly<Record<string, readonly Audience[]>> = {
  giverName: SF,
  giverRole: SF,
  giverUserId: SF,
  method: SF,
  scanReference: SF,
  recordedByName: SF,
  note: SF,
  withdrawalReason: SF,
  withdrawnByName: SF,
  // Parents who disagree: each guardian's answer, and whose answer is still missing.
  answers: SF,
  missingGivers: SF,
};

/** A consent record as this audience may see it: the fields it may not see are null. */
export function redactConsent<T extends object>(record: T, audience: Audience | null): T {
  if (audience === Audience.SCHOOL) return record;
  const out = { ...record } as Record<string, unknown>;
  for (const [field, audiences] of Object.entries(CONSENT_FIELD_AUDIENCES)) {
    if (field in out && (audience === null || !audiences.includes(audience))) out[field] = null;
  }
  return out as T;
}

/**
 * The e-mail delivery log of a case (what was sent to whom, subjects, errors) is the school's. The family's dossier
 * export lists only the messages sent to the family itself (kind, status, time).
 */
export const DELIVERY_LOG_AUDIENCES: readonly Audience[] = [Audience.SCHOOL];
