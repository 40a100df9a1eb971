import { Audience } from './audience';

/**
 * Who may read a generated document of a case, by kind, with its Dutch name. The zorgplicht letters are addressed to
 * the parents (PROCESSES.md P4: the extension notice and the decision, with how to object); the school keeps them.
 * The pupil and the SWV do not get them. A kind not listed is the school's only (fail closed).
 */
export const DOCUMENT_KINDS: Readonly<Record<string, { readonly audiences: readonly Audience[]; readonly label: string }>> = {
  ZORGPLICHT_VERLENGING: { audiences: [Audience.SCHOOL, Audience.PARENTS], label: 'Brief: verlenging van de beslistermijn' },
  ZORGPLICHT_BESLUIT: { audiences: [Audience.SCHOOL, Audience.PARENTS], label: 'Brief: besluit over de aanmelding' },
};

export function documentAudiences(kind: string): readonly Audience[] {
  return DOCUMENT_KINDS[kind]?.audiences ?? [Audience.SCHOOL];
}

/** The Dutch name of a document kind ("Brief: besluit over de aanmelding"); "Document" for an unknown kind. */
export function documentLabel(kind: string): string {
  return DOCUMENT_KINDS[kind]?.label ?? 'Document';
}
