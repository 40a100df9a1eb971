import type { DataSource } from 'typeorm';
import { CaseDocumentRepository, PupilEntity, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import { renderLetterPdf, type LetterPayload, type PdfRenderOptions } from '@zorgroute/notifications';
import type { TlvActivities, TlvDocumentRef, TlvLetterRequest } from './tlv-activities.types';

export interface TlvActivityDeps {
  dataSource: DataSource;
  /** PDF options (tests switch compression off to read the text back). */
  pdf?: PdfRenderOptions;
}

/** The activities of the TLV workflow, bound to their dependencies. */
export function createTlvActivities(deps: TlvActivityDeps): TlvActivities {
  const documents = new CaseDocumentRepository(deps.dataSource);
  return {
    async createTlvLetter(req: TlvLetterRequest): Promise<TlvDocumentRef> {
      const existing = await documents.findInfoByKey(req.docKey);
      if (existing) return toRef(existing, req);
      const payload = await buildTlvLetterPayload(deps.dataSource, req);
      const letter = await renderLetterPdf(payload, deps.pdf);
      const stored = await documents.store({ docKey: req.docKey, caseId: req.caseId, kind: req.kind, fileName: letter.fileName, contentType: letter.contentType, content: letter.content });
      return toRef(stored, req);
    },
  };
}

function toRef(doc: { id: string; fileName: string; sha256: string; sizeBytes: number }, req: TlvLetterRequest): TlvDocumentRef {
  return { documentId: doc.id, kind: req.kind, fileName: doc.fileName, sha256: doc.sha256, sizeBytes: doc.sizeBytes };
}

/** Looks up the names the letter shows (school, its SWV, pupil, signer) and combines them with the request. */
export async function buildTlvLetterPayload(dataSource: DataSource, req: TlvLetterRequest): Promise<LetterPayload> {
  const [school, pupil, signer] = await Promise.all([
    dataSource.getRepository(SchoolEntity).findOneBy({ id: req.schoolId }),
    dataSource.getRepository(PupilEntity).findOneBy({ id: req.pupilId }),
    req.signedByUserId ? dataSource.getRepository(UserEntity).findOneBy({ id: req.signedByUserId }) : Promise.resolve(null),
  ]);
  if (!school || !pupil) throw new Error(`letter ${req.docKey}: school or pupil not found`);
  const swv = await dataSource.getRepository(SwvEntity).findOneBy({ id: school.swvId });
  const swvName = swv?.name ?? 'Het samenwerkingsverband';
  const base = {
    swvName,
    schoolName: school.name,
    pupilName: `${pupil.firstName} ${pupil.lastName}`,
    pupilFirstName: pupil.firstName,
    letterDate: req.letterDate,
    signedByName: signer?.name ?? `Commissie toelaatbaarheid ${swvName}`,
    completeOn: req.completeOn,
    reference: req.caseId,
  };
  if (req.kind === 'TLV_VERLENGING') {
    const e = req.extension;
    if (!e) throw new Error(`letter ${req.docKey}: extension data missing`);
    return { kind: 'TLV_VERLENGING', data: { ...base, firstDueDate: e.firstDueDate, extensionWeeks: e.weeks, newDueDate: e.newDueDate, reason: e.reason } };
  }
  const dec = req.decision;
  if (!dec) throw new Error(`letter ${req.docKey}: decision data missing`);
  return { kind: 'TLV_BESLUIT', data: { ...base, ...dec } };
}
