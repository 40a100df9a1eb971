/**
 * The OPP as a PDF against PostgreSQL: Dutch labels and dates in words, no internal codes; the caller's share only
 * (the parents see the factors and the pupil's view, the SWV neither); a case kept from the parents, another family's
 * case and another process are NOT_FOUND; every download is audited without content.
 */
import type { DataSource } from 'typeorm';
import { AuditEntryEntity, AuditTrailRepository, CaseReadModelRepository, type CaseSnapshot, openOwnTestDatabase, type OwnTestDatabase, PupilEntity, PupilGuardianEntity, Role, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import { extractPdfText } from '@zorgroute/notifications';
import { AccessPolicy } from '../access/access-policy';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { toAuthUser } from '../auth/auth.service';
import { CasesService } from '../cases/cases.service';
import type { AppConfig } from '../config/app.config';
import type { DeliveryLogService } from '../notifications/delivery-log.service';
import { PupilsService } from '../pupils/pupils.service';
import { caseSnapshot } from '../testing/case-snapshot.fixture';
import { ExportOppPdfUseCase } from './usecases/export-opp-pdf.usecase';

const DIGEST = 'f'.repeat(64);

let db: OwnTestDatabase;
let ds: DataSource;
let useCase: ExportOppPdfUseCase;
const users: Record<string, AuthUser> = {};
let school: SchoolEntity;
let pupil: PupilEntity;

const version = (n: number, status: string, extra: Record<string, unknown> = {}) => ({
  version: n,
  drawnUpOn: '2027-01-12',
  drawnUpBy: 'Test zc',
  changeReason: null,
  digest: DIGEST,
  status,
  consentRequestId: 'consent-opp-1',
  agreedOn: status === 'VASTGESTELD' ? '2027-01-20' : null,
  notAgreed: null,
  notAgreedOn: null,
  onderwijsbehoeften: 'Structuur en voorspelbaarheid in de les',
  belemmerendeFactoren: 'Raakt snel overprikkeld in drukke ruimtes',
  bevorderendeFactoren: 'Sterk in wiskunde',
  uitstroomperspectief: 'MBO_3_4',
  uitstroomOnderbouwing: 'Haalt voldoendes met begeleiding',
  handelingsdeel: [{ support: 'Begeleiding bij plannen', providedBy: 'Ambulant begeleider', duration: 'tot de zomervakantie', frequency: 'wekelijks' }],
  programmeDeviations: null,
  authors: ['Mentor', 'Zorgcoördinator'],
  parentsConsultedOn: '2027-01-11',
  ...extra,
});

async function addCase(id: string, over: Partial<CaseSnapshot>): Promise<void> {
  await new CaseReadModelRepository(ds).upsert(caseSnapshot({
    caseId: id,
    process: 'OPP',
    schoolId: school.id,
    pupilId: pupil.id,
    status: 'INSTEMMING',
    data: {
      versions: [version(1, 'VASTGESTELD'), version(2, 'CONCEPT', { changeReason: 'Meer begeleiding nodig', handelingsdeel: [{ support: 'Rustige werkplek', providedBy: 'Mentor', duration: 'het hele schooljaar', frequency: null }] })],
      currentVersion: 1,
      conceptVersion: 2,
      hearings: [{ about: 'VERSION', number: 2, mode: 'HEARD', heardOn: '2027-01-11', pupilView: 'Ik wil graag een vaste plek in de klas', weighing: 'Vaste plek bij het raam', explainedBack: true, waiverReason: null, recordedOn: '2027-01-11', recordedBy: 'Test zc' }],
      nextEvaluation: { date: '2028-01-20', explanation: '' },
      sharedWithSwv: true,
      sharedVersions: [1],
    },
    ...over,
  }));
}

beforeAll(async () => {
  db = await openOwnTestDatabase('opp_pdf');
  ds = db.ds;
  const access = new AccessPolicy();
  const audience = new AudiencePolicy(access, ds);
  const cases = new CasesService(ds, audience, new PupilsService(ds, access), {} as AppConfig, {} as DeliveryLogService);
  useCase = new ExportOppPdfUseCase(cases, audience, ds, new AuditTrailRepository(ds));

  const swv = await ds.getRepository(SwvEntity).save({ name: 'SWV Testregio Noord', code: 'VO 96.01' });
  school = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'Anemoon College', brin: '96AA00', region: 'midden' as const });
  pupil = await ds.getRepository(PupilEntity).save({ schoolId: school.id, firstName: 'Noor', lastName: 'Testleerling', dateOfBirth: '2013-05-01', className: '2B', mentorId: null });
  const other = await ds.getRepository(PupilEntity).save({ schoolId: school.id, firstName: 'Olaf', lastName: 'Testleerling', dateOfBirth: '2013-06-01', className: '2B', mentorId: null });
  const mkUser = async (key: string, role: Role, schoolId: string | null, swvId: string | null) => {
    const u = await ds.getRepository(UserEntity).save({ name: `Test ${key}`, email: `${key}@test.example`, role, schoolId, swvId, pupilId: null });
    users[key] = toAuthUser(u);
    return u;
  };
  await mkUser('zc', Role.ZORGCOORDINATOR, school.id, swv.id);
  await mkUser('swv', Role.SWV_MEDEWERKER, null, swv.id);
  const parent = await mkUser('parent', Role.PARENT, null, null);
  const otherParent = await mkUser('otherParent', Role.PARENT, null, null);
  await ds.getRepository(PupilGuardianEntity).save([
    { pupilId: pupil.id, userId: parent.id },
    { pupilId: other.id, userId: otherParent.id },
  ]);
  await addCase('opp-noor', {});
  await addCase('opp-hidden', { hiddenFromParents: true } as Partial<CaseSnapshot>);
  await addCase('tlv-noor', { process: 'TLV', status: 'DOSSIER', data: {} });
}, 120_000);

afterAll(async () => {
  await db?.drop();
}, 60_000);

const text = async (user: AuthUser, caseId: string, v?: string) => extractPdfText((await useCase.execute(user, caseId, v, { compress: false })).body);

describe('the OPP as a PDF', () => {
  it('gives the parents the concept they are asked about: Dutch labels, dates in words, their share, no internal codes', async () => {
    const out = await useCase.execute(users.parent, 'opp-noor', undefined, { compress: false });
    expect(out).toMatchObject({ contentType: 'application/pdf', fileName: 'opp-versie-2.pdf' });
    expect(out.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const t = extractPdfText(out.body);
    expect(t).toContain('Ontwikkelingsperspectiefplan van Noor Testleerling');
    expect(t).toContain('Versie 2, opgesteld op dinsdag 12 januari 2027');
    expect(t).toContain('Rustige werkplek');
    expect(t).toContain('Mbo niveau 3 of 4');
    expect(t).toContain('Raakt snel overprikkeld');
    expect(t).toContain('Ik wil graag een vaste plek in de klas');
    expect(t).toContain('uiterlijk donderdag 20 januari 2028');
    for (const code of ['MBO_3_4', 'CONCEPT', 'VASTGESTELD', DIGEST, 'opp-noor', 'consent-opp-1', '2027-01-12']) expect(t).not.toContain(code);
  });

  it('gives an earlier version on request', async () => {
    const t = await text(users.zc, 'opp-noor', '1');
    expect(t).toContain('Begeleiding bij plannen');
    expect(t).toContain('woensdag 20 januari 2027');
    expect(t).not.toContain('Rustige werkplek');
  });

  it('gives the SWV only its share: the version in force (not the concept), no factors, no pupil’s view', async () => {
    const t = await text(users.swv, 'opp-noor');
    expect(t).toContain('Structuur en voorspelbaarheid');
    expect(t).toContain('Versie 1');
    expect(t).toContain('Begeleiding bij plannen');
    expect(t).not.toContain('Rustige werkplek');
    expect(t).not.toContain('overprikkeld');
    expect(t).not.toContain('Sterk in wiskunde');
    expect(t).not.toContain('vaste plek in de klas');
    await expect(useCase.execute(users.swv, 'opp-noor', '2')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('refuses a case kept from the parents, another family, another process, an unknown version and a bad version', async () => {
    await expect(useCase.execute(users.parent, 'opp-hidden')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(useCase.execute(users.otherParent, 'opp-noor')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(useCase.execute(users.zc, 'tlv-noor')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(useCase.execute(users.zc, 'opp-noor', '7')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(useCase.execute(users.zc, 'opp-noor', '-1')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', messageEn: expect.any(String) } });
  });

  it('audits every download with ids only, off the case timeline', async () => {
    const before = await ds.getRepository(AuditEntryEntity).countBy({ action: 'OPP_PDF_DOWNLOADED' });
    await useCase.execute(users.parent, 'opp-noor');
    const entries = await ds.getRepository(AuditEntryEntity).find({ where: { action: 'OPP_PDF_DOWNLOADED' }, order: { at: 'DESC' } });
    expect(entries).toHaveLength(before + 1);
    expect(entries[0]).toMatchObject({ caseId: null, actorId: users.parent.id, details: { operation: 'exportOppPdf', caseId: 'opp-noor', version: 2 } });
    expect(JSON.stringify(entries[0])).not.toContain('Rustige werkplek');
  });
});
