import type { DataSource } from 'typeorm';
import { CaseDocumentRepository, PupilEntity, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { renderLetterPdf, type LetterPayload, type PdfRenderOptions } from '@zorgroute/notifications';
import type { CaseDocumentRef, ZorgplichtActivities, ZorgplichtLetterRequest } from './zorgplicht-activities.types';

export interface ZorgplichtActivityDeps {
  dataSource: DataSource;
  /** PDF options (tests switch compression off to read the text back). */
  pdf?: PdfRenderOptions;
}

/** The activities of the zorgplicht workflow, bound to their dependencies. */
export function createZorgplichtActivities(deps: ZorgplichtActivityDeps): ZorgplichtActivities {
  const documents = new CaseDocumentRepository(deps.dataSource);
  return {
    async createZorgplichtLetter(req: ZorgplichtLetterRequest): Promise<CaseDocumentRef> {
      const existing = await documents.findInfoByKey(req.docKey);
      if (existing) return toRef(existing, req);
      const payload = await buildLetterPayload(deps.dataSource, req);
      const letter = await renderLetterPdf(payload, deps.pdf);
      const stored = await documents.store({ docKey: req.docKey, caseId: req.caseId, kind: req.kind, fileName: letter.fileName, contentType: letter.contentType, content: letter.content });
      return toRef(stored, req);
    },
  };
}

function toRef(doc: { id: string; fileName: string; sha256: string; sizeBytes: number }, req: ZorgplichtLetterRequest): CaseDocumentRef {
  return { documentId: doc.id, kind: req.kind, fileName: doc.fileName, sha256: doc.sha256, sizeBytes: doc.sizeBytes };
}

/** Looks up the names the letter shows and combines them with the request into the letter's data. */
export async function buildLetterPayload(dataSource: DataSource, req: ZorgplichtLetterRequest): Promise<LetterPayload> {
  const [school, pupil, signer] = await Promise.all([
    dataSource.getRepository(SchoolEntity).findOneBy({ id: req.schoolId }),
    dataSource.getRepository(PupilEntity).findOneBy({ id: req.pupilId }),
    req.signedByUserId ? dataSource.getRepository(UserEntity).findOneBy({ id: req.signedByUserId }) : Promise.resolve(null),
  ]);
  if (!school || !pupil) throw new Error(`letter ${req.docKey}: school or pupil not found`);
  const base = {
    schoolName: school.name,
    pupilName: `${pupil.firstName} ${pupil.lastName}`,
    pupilFirstName: pupil.firstName,
    letterDate: req.letterDate,
    signedByName: signer?.name ?? `Zorgcoördinator ${school.name}`,
    signedByRole: 'Zorgcoördinator',
    receivedOn: req.receivedOn,
    reference: req.caseId,
  };
  if (req.kind === 'ZORGPLICHT_VERLENGING') {
    const e = req.extension;
    if (!e) throw new Error(`letter ${req.docKey}: extension data missing`);
    return { kind: 'ZORGPLICHT_VERLENGING', data: { ...base, firstDueDate: e.firstDueDate, extensionWeeks: e.weeks, newDueDate: e.newDueDate, reason: e.reason } };
  }
  const dec = req.decision;
  if (!dec) throw new Error(`letter ${req.docKey}: decision data missing`);
  return { kind: 'ZORGPLICHT_BESLUIT', data: { ...base, ...dec } };
}
