import { PupilEntity, Role, SchoolEntity, UserEntity, type CaseSummaryEntity } from '@zorgroute/domain';
import { ZORGROUTE_STEPS } from '@zorgroute/processes';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { ConsentTimeoutCompleter } from '../consents/consent-timeout.completer';
import type { ConsentsService } from '../consents/consents.service';
import { IzoJosMentorCompleter } from '../zorgroute/usecases/izo-jos-mentor.completer';
import { CaseStepService } from './case-step.service';
import type { CasesService } from './cases.service';
import type { StepInputCompleter } from './step-input-completer';
import type { TemporalGateway } from '../temporal/temporal.gateway';

const zc: AuthUser = { id: 'zc-1', name: 'Ilse Zorg', email: 'zc@school.example', role: Role.ZORGCOORDINATOR, schoolId: 'school-1', swvId: 'swv-1', pupilId: null };
const mentor: AuthUser = { ...zc, id: 'mentor-1', name: 'Jesse Mentor', email: 'mentor@school.example', role: Role.MENTOR };

const USERS: Record<string, Partial<UserEntity>> = {
  'jos-1': { id: 'jos-1', name: 'Lotte JOS', role: Role.JOS_MEDEWERKER, schoolId: 'school-1' },
  'jos-other-school': { id: 'jos-other-school', name: 'Piet JOS', role: Role.JOS_MEDEWERKER, schoolId: 'school-2' },
  'coach-1': { id: 'coach-1', name: 'Fatima Coach', role: Role.COACH, schoolId: 'school-1' },
};

/** A case of `process`, a DataSource with these users and a pupil whose mentor is mentor-7, and the updates sent. */
function setUp(process: string, completers: StepInputCompleter[] = [], data: Record<string, unknown> = {}, status = 'ACTIEF') {
  const row = { id: 'case-1', process, status, schoolId: 'school-1', pupilId: 'pupil-1', participantIds: [], data, policyVersion: null, closedAt: null } as unknown as CaseSummaryEntity;
  const updates: { name: string; args: Record<string, unknown> }[] = [];
  const temporal = {
    update: async (_caseId: string, def: string, arg: Record<string, unknown>) => {
      updates.push({ name: def, args: arg });
      return undefined;
    },
  } as unknown as TemporalGateway;
  const cases = { getVisible: async () => row, summary: async () => ({ id: 'case-1' }) } as unknown as CasesService;
  const repositories = new Map<unknown, unknown>([
    [SchoolEntity, { findOneByOrFail: async () => ({ id: 'school-1', swvId: 'swv-1' }) }],
    [UserEntity, { findOneBy: async ({ id }: { id: string }) => USERS[id] ?? null }],
    [PupilEntity, { findOneBy: async () => ({ id: 'pupil-1', mentorId: 'mentor-7' }) }],
  ]);
  const dataSource = { getRepository: (entity: unknown) => repositories.get(entity) } as unknown as DataSource;
  const completing = completers.length ? completers : [new IzoJosMentorCompleter(dataSource)];
  return { service: new CaseStepService(temporal, cases, dataSource, completing), updates, row };
}

const code = async (p: Promise<unknown>) => p.then(() => 'OK', (e: { extensions?: { code?: string } }) => e.extensions?.code ?? String(e));

const INTERNAL = {
  kind: 'INTERNE_ONDERSTEUNING',
  description: 'JOS inzetten voor planning en huiswerk',
  supportType: 'HUISWERKBEGELEIDING',
  goal: 'Zelf het huiswerk plannen',
  provider: 'Lotte (JOS)',
  startDate: '2027-01-18',
  frequency: 'wekelijks',
  duration: 'maximaal 5 maanden',
  evaluationDate: '2027-03-15',
};

describe('CaseStepService', () => {
  it('takes a typed mutation’s step only on a case of its own process (NOT_FOUND otherwise), as the process runners did', async () => {
    // JOS has a RECORD_EVALUATION step too: P2's recordIzoEvaluation must not take it on a JOS case.
    const { service, updates } = setUp('JOS');
    expect(await code(service.take(zc, 'case-1', ZORGROUTE_STEPS.RECORD_EVALUATION, { outcome: 'DOEL_BEREIKT', summary: 'Gelukt' }))).toBe('NOT_FOUND');
    expect(updates).toEqual([]);
    const p2 = setUp('ZORGROUTE');
    expect(await code(p2.service.take(zc, 'case-1', ZORGROUTE_STEPS.RECORD_EVALUATION, { outcome: 'DOEL_BEREIKT', summary: 'Gelukt' }))).toBe('OK');
    expect(p2.updates.map((u) => u.name)).toEqual(['recordIzoEvaluation']);
  });

  it('refuses a role the step does not allow before it looks at the input', async () => {
    const { service, updates } = setUp('ZORGROUTE');
    expect(await code(service.take(mentor, 'case-1', 'TRIAGE', { nonsense: true }))).toBe('FORBIDDEN');
    expect(updates).toEqual([]);
  });

  it('checks a staff member chosen inside a list (the JOS worker of an IZO decision) like one at the top', async () => {
    const { service, updates } = setUp('ZORGROUTE');
    const izo = (josWorkerId: string) => ({ minutes: { summary: 'JOS afgesproken' }, decisions: [{ ...INTERNAL, startProcess: 'JOS', josNeeds: ['PLANNEN_HUISWERK'], josWorkerId }] });
    expect(await code(service.take(zc, 'case-1', 'RECORD_IZO', izo('jos-other-school')))).toBe('BAD_USER_INPUT');
    expect(await code(service.take(zc, 'case-1', 'RECORD_IZO', izo('coach-1')))).toBe('BAD_USER_INPUT');
    expect(updates).toEqual([]);
    expect(await code(service.take(zc, 'case-1', 'RECORD_IZO', izo('jos-1')))).toBe('OK');
  });

  it('adds what only the api knows for its own step: the pupil’s mentor on a JOS decision, never a caller’s', async () => {
    const { service, updates } = setUp('ZORGROUTE');
    const decisions = [{ ...INTERNAL, startProcess: 'JOS', josNeeds: ['PLANNEN_HUISWERK'], josWorkerId: 'jos-1' }, { kind: 'HANDELINGSPLAN', description: 'Handelingsplan opstellen' }];
    expect(await code(service.take(zc, 'case-1', 'RECORD_IZO', { minutes: { summary: 'JOS' }, decisions: [{ ...decisions[0], mentorId: 'someone-else' }] }))).toBe('BAD_USER_INPUT');
    expect(await code(service.take(zc, 'case-1', 'RECORD_IZO', { minutes: { summary: 'JOS' }, decisions }))).toBe('OK');
    const sent = updates[0].args.decisions as Record<string, unknown>[];
    expect(sent.map((d) => d.mentorId)).toEqual(['mentor-7', undefined]);
    expect(updates[0].args.actor).toEqual({ id: 'zc-1', name: 'Ilse Zorg' });
    // Another step is left alone.
    expect(await code(service.take(zc, 'case-1', 'CLOSE_ZORGROUTE', { reason: 'Afgerond' }))).toBe('OK');
    expect(updates[1]).toEqual({ name: 'closeZorgroute', args: { reason: 'Afgerond', actor: { id: 'zc-1', name: 'Ilse Zorg' } } });
  });

  it('makes only staff of the case’s school casusregisseur (he becomes a participant and sees the case)', async () => {
    const { service, updates } = setUp('ZORGROUTE');
    const zat = (casusregisseurUserId: string) => ({
      actions: [{ who: 'Mentor', what: 'Gesprek met de leerling', goal: 'Zicht op de thuissituatie', due: '2027-02-01' }],
      casusregisseur: 'Fatima Coach',
      casusregisseurUserId,
      evaluationDate: '2099-03-01',
      summary: 'Plan van aanpak vastgesteld',
    });
    expect(await code(service.take(zc, 'case-1', 'RECORD_ZAT', zat('jos-other-school')))).toBe('BAD_USER_INPUT');
    expect(await code(service.take(zc, 'case-1', 'RECORD_ZAT', zat('nobody')))).toBe('BAD_USER_INPUT');
    expect(updates).toEqual([]);
    expect(await code(service.take(zc, 'case-1', 'RECORD_ZAT', zat('coach-1')))).toBe('OK');
  });

  it('names the chosen staff member where the step asks for his name', async () => {
    const { service, updates } = setUp('ZORGROUTE');
    const triage = { outcome: 'GEACCEPTEERD', checks: { secondLine: true, questionsClear: true, firstLineDone: true, parentsAndPupilKnow: true }, contactPersonId: 'coach-1' };
    expect(await code(service.take(zc, 'case-1', 'TRIAGE', triage))).toBe('OK');
    expect(updates[0].args).toEqual(expect.objectContaining({ contactPersonId: 'coach-1', contactPersonName: 'Fatima Coach' }));
  });

  describe('the decision after a timed-out consent request (DECIDE_CONSENT_<kind>), a catalogue step like any other', () => {
    const records = [
      { id: 'case-1:consent:JOS_BEGELEIDING:1', caseId: 'case-1', kind: 'JOS_BEGELEIDING', status: 'TIMED_OUT', requestedAt: new Date('2027-01-04T09:00:00Z') },
      { id: 'case-1:consent:JOS_BEGELEIDING:2', caseId: 'case-1', kind: 'JOS_BEGELEIDING', status: 'TIMED_OUT', requestedAt: new Date('2027-01-20T09:00:00Z') },
      { id: 'case-1:consent:OTHER:1', caseId: 'case-1', kind: 'OTHER', status: 'TIMED_OUT', requestedAt: new Date('2027-01-25T09:00:00Z') },
    ];
    const consents = (rows: unknown[]) => new ConsentTimeoutCompleter({ forCase: async () => rows } as unknown as ConsentsService);

    it('lets the zorgcoördinator decide on the latest timed-out request of its kind; the api names the request, never the caller', async () => {
      const { service, updates } = setUp('JOS', [consents(records)]);
      expect(await code(service.take(mentor, 'case-1', 'DECIDE_CONSENT_JOS_BEGELEIDING', { decision: 'RETRY', reason: 'Ouders gebeld' }))).toBe('FORBIDDEN');
      expect(await code(service.take(zc, 'case-1', 'DECIDE_CONSENT_JOS_BEGELEIDING', { decision: 'RETRY', reason: 'Ouders gebeld', requestId: records[0].id }))).toBe('BAD_USER_INPUT');
      expect(await code(service.take(zc, 'case-1', 'DECIDE_CONSENT_JOS_BEGELEIDING', { decision: 'LATER', reason: 'Ouders gebeld' }))).toBe('BAD_USER_INPUT');
      expect(await code(service.take(zc, 'case-1', 'DECIDE_CONSENT_JOS_BEGELEIDING', { decision: 'RETRY', reason: 'x' }))).toBe('BAD_USER_INPUT');
      expect(updates).toEqual([]);
      expect(await code(service.take(zc, 'case-1', 'DECIDE_CONSENT_JOS_BEGELEIDING', { decision: 'ABANDON', reason: 'Ouders willen geen JOS' }))).toBe('OK');
      expect(updates).toEqual([
        { name: 'decideConsentTimeout', args: { decision: 'ABANDON', reason: 'Ouders willen geen JOS', requestId: 'case-1:consent:JOS_BEGELEIDING:2', actor: { id: 'zc-1', name: 'Ilse Zorg' } } },
      ]);
    });

    it('knows a process’s own kinds only, and refuses a decision when no request of that kind timed out', async () => {
      const { service, updates } = setUp('JOS', [consents(records)]);
      expect(await code(service.take(zc, 'case-1', 'DECIDE_CONSENT_OOV_PLAATSING', { decision: 'RETRY', reason: 'Ouders gebeld' }))).toBe('BAD_USER_INPUT');
      const none = setUp('JOS', [consents(records.map((r) => ({ ...r, status: 'GIVEN' })))]);
      expect(await code(none.service.take(zc, 'case-1', 'DECIDE_CONSENT_JOS_BEGELEIDING', { decision: 'RETRY', reason: 'Ouders gebeld' }))).toBe('STEP_NOT_ALLOWED');
      expect([...updates, ...none.updates]).toEqual([]);
    });

    it('serves its form with the case, to be taken by the zorgcoördinator only', async () => {
      const { service, row } = setUp('JOS', [consents(records)]);
      const forms = await service.forms(zc, row, ['DECIDE_CONSENT_JOS_BEGELEIDING']);
      expect(forms.find((f) => f.step === 'DECIDE_CONSENT_JOS_BEGELEIDING')).toMatchObject({ open: true, mayTake: true, title: 'Besluit na verlopen toestemmingsverzoek', label: 'Geen handtekening: opnieuw vragen of afsluiten' });
      expect((await service.forms(mentor, row, ['DECIDE_CONSENT_JOS_BEGELEIDING'])).find((f) => f.step === 'DECIDE_CONSENT_JOS_BEGELEIDING')?.mayTake).toBe(false);
    });
  });

  it('offers lifting the parents exception only while one is active', async () => {
    const offered = async (data: Record<string, unknown>) => {
      const { service, row } = setUp('ZORGROUTE', [], data);
      return (await service.forms(zc, row, [])).map((f) => f.step);
    };
    expect(await offered({ parentsException: null })).not.toContain('LIFT_PARENTS_EXCEPTION');
    expect(await offered({ parentsException: { reason: 'Veiligheid', approvedBy: 'Ilse Zorg', approvedAt: '2027-01-04T09:00:00Z' } })).toContain('LIFT_PARENTS_EXCEPTION');
    expect(await offered({ parentsException: { reason: 'Veiligheid' }, parentsExceptionLifted: { by: 'Ilse Zorg' } })).not.toContain('LIFT_PARENTS_EXCEPTION');
    expect(await offered({ parentsException: null })).toContain('CLOSE_ZORGROUTE');
  });

  it('offers planning the JOS startgesprek only while the startgesprek is open', async () => {
    const offered = async (status: string) => {
      const { service, row } = setUp('JOS', [], {}, status);
      return (await service.forms(zc, row, [])).map((f) => f.step);
    };
    expect(await offered('STARTGESPREK')).toEqual(['PLAN_STARTGESPREK', 'STOP_JOS']);
    expect(await offered('DOELEN')).toEqual(['STOP_JOS']);
  });
});
