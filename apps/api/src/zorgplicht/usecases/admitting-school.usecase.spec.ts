import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import type { CaseStepService } from '../../cases/case-step.service';
import type { CasesService } from '../../cases/cases.service';
import { AppError } from '../../common/app-error';
import { AdmittingSchoolUseCase } from './admitting-school.usecase';

const BAKEN = { id: '5b1f0c2e-8d4a-4f6b-9c3e-2a1b0c9d8e7f', name: 'Stedelijk Lyceum Het Baken' };
const user = { id: 'zc-1', role: 'ZORGCOORDINATOR' } as AuthUser;

/**
 * The use case over a school table that holds only Het Baken, a case the caller sees (or not) and may decide on (or
 * not); `calls` records the reads in order.
 */
function useCase(opts: { visible?: boolean; mayTake?: boolean } = {}) {
  const calls: string[] = [];
  const dataSource = {
    getRepository: () => ({
      findOneBy: async (where: { id: string }) => {
        calls.push(`school ${where.id}`);
        return where.id === BAKEN.id ? BAKEN : null;
      },
    }),
  } as unknown as DataSource;
  const cases = {
    getVisible: async (_u: AuthUser, caseId: string) => {
      calls.push(`visible ${caseId}`);
      if (opts.visible === false) throw AppError.notFound('Casus', 'Case');
      return { id: caseId, process: 'ZORGPLICHT' };
    },
  } as unknown as CasesService;
  const steps = {
    forms: async (_u: AuthUser, _row: unknown, open: string[]) => {
      calls.push(`forms ${open.join(',')}`);
      return [{ step: 'RECORD_DECISION', mayTake: opts.mayTake ?? true }];
    },
  } as unknown as CaseStepService;
  return { uc: new AdmittingSchoolUseCase(dataSource, cases, steps), calls };
}

const elsewhere = (admittingSchoolId: string) => ({ outcome: 'PLEK_ELDERS', motivation: 'Past daar beter', admittingSchoolId, admittingSchoolName: 'Het Baken', agreementDate: '2027-01-11' });

describe('AdmittingSchoolUseCase (PLEK_ELDERS at a school in Zorgroute)', () => {
  it('names the admitting school as Zorgroute knows it, over a name the caller gave, after the access checks', async () => {
    const { uc, calls } = useCase();
    await expect(uc.named(user, 'zp-1', elsewhere(BAKEN.id))).resolves.toEqual({ ...elsewhere(BAKEN.id), admittingSchoolName: 'Stedelijk Lyceum Het Baken' });
    expect(calls).toEqual(['visible zp-1', 'forms RECORD_DECISION', `school ${BAKEN.id}`]);
  });

  it('refuses an unknown school, and a malformed id without reading the school table', async () => {
    const { uc, calls } = useCase();
    const unknown = uc.named(user, 'zp-1', elsewhere('00000000-0000-4000-8000-000000000000'));
    await expect(unknown).rejects.toBeInstanceOf(AppError);
    await expect(unknown).rejects.toMatchObject({ message: 'De school die de leerling toelaat is onbekend', extensions: { code: 'BAD_USER_INPUT', messageEn: 'The admitting school is unknown' } });
    await expect(uc.named(user, 'zp-1', elsewhere("x' OR 1=1"))).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(calls.filter((c) => c.startsWith('school'))).toEqual(['school 00000000-0000-4000-8000-000000000000']);
  });

  it('answers NOT_FOUND or FORBIDDEN before the lookup when the caller may not see the case or take the decision', async () => {
    const invisible = useCase({ visible: false });
    await expect(invisible.uc.named(user, 'zp-1', elsewhere('00000000-0000-4000-8000-000000000000'))).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const refused = useCase({ mayTake: false });
    await expect(refused.uc.named(user, 'zp-1', elsewhere('00000000-0000-4000-8000-000000000000'))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect([...invisible.calls, ...refused.calls].filter((c) => c.startsWith('school'))).toEqual([]);
  });

  it('passes every other decision unchanged, without reading anything', async () => {
    const { uc, calls } = useCase();
    const named = { outcome: 'PLEK_ELDERS', admittingSchoolName: 'Een school buiten Zorgroute', agreementDate: '2027-01-11' };
    await expect(uc.named(user, 'zp-1', named)).resolves.toBe(named);
    const admitted = { outcome: 'TOEGELATEN', motivation: 'Wij kunnen de ondersteuning bieden', admittingSchoolId: BAKEN.id };
    await expect(uc.named(user, 'zp-1', admitted)).resolves.toBe(admitted);
    expect(calls).toEqual([]);
  });
});
