/**
 * The demo data of `npm start` on the real stack (Temporal, a real worker, PostgreSQL, the mail catcher): the seed
 * starts cases of every process P1–P8 through the use cases and brings them into their states, so the SWV's
 * zorgplicht and OOV boards, "Vastgelopen" and the JOS thermometer are filled; a second run adds nothing.
 */
import { DataSource } from 'typeorm';
import { CaseSummaryEntity, ProcessType, PupilEntity, UserEntity } from '@zorgroute/domain';
import { seedDemo } from '../src/seed/seed-demo';
import { useTestStack } from './test-stack';

const stack = useTestStack({ name: 'demo-seed' });

// The seed as `npm start` runs it: the demo cases of every process too (the stack loads only the people).
beforeAll(async () => {
  await seedDemo(stack.app, (line) => process.stdout.write(`${line}\n`));
}, 600_000);

const LOKET = 'loket@swv-voorbeeldregio.example';
const ZC = 'zc@daltoncollege.example';
const ADMIN = 'beheer@zorgroute.example';

/** The demo pupil's cases of a process, as the read model holds them. */
async function casesOf(firstName: string, lastName: string, process: ProcessType): Promise<CaseSummaryEntity[]> {
  const ds = stack.app.get(DataSource);
  const pupil = await ds.getRepository(PupilEntity).findOneByOrFail({ firstName, lastName });
  return ds.getRepository(CaseSummaryEntity).findBy({ pupilId: pupil.id, process });
}

describe('the demo seed', () => {
  it('has cases of every process P1–P8 for the zorgcoördinator and the SWV', async () => {
    await stack.gql.login(ADMIN);
    const { cases } = await stack.gql.ok<{ cases: { process: string }[] }>('query { cases(filter: { includeClosed: true }) { process } }');
    const processes = new Set(cases.map((c) => c.process));
    for (const p of ['ONDERSTEUNINGSTRAJECT', 'ZORGROUTE', 'JOS', 'ZORGPLICHT', 'OOV', 'OVERDRACHT', 'OPP', 'TLV']) expect([p, processes.has(p)]).toEqual([p, true]);
  });

  it('brings each demo case into its state', async () => {
    const state = async (first: string, last: string, process: ProcessType) => {
      const [row] = await casesOf(first, last, process);
      return { status: row?.status, waitingFor: row?.waitingFor, open: ((row?.data ?? {}) as { openSteps?: string[] }).openSteps ?? [] };
    };
    expect((await state('Thijs', 'van Dijk', ProcessType.ZORGROUTE)).waitingFor).toBe('TRIAGE');
    expect((await state('Yara', 'Mahabier', ProcessType.ZORGROUTE)).status).toBe('GEPLAND_IZO');
    expect((await state('Mila', 'Schouten', ProcessType.JOS)).status).toBe('ACTIEF');
    expect((await state('Bas', 'Hendriks', ProcessType.OOV)).waitingFor).toBe('OOV_SWV_DECISION');
    expect((await state('Senna', 'Kramer', ProcessType.OOV)).waitingFor).not.toBe('OOV_SWV_DECISION');
    expect((await state('Luuk', 'Timmermans', ProcessType.OVERDRACHT)).status).toBeTruthy();
    expect((await state('Evi', 'Smeets', ProcessType.OPP)).status).toBe('INSTEMMING');
    expect((await state('Rayan', 'Ouali', ProcessType.TLV)).open).toContain('TLV_EXPERT_ADVICE_2');
    expect((await state('Rayan', 'Ouali', ProcessType.TLV)).open).not.toContain('TLV_EXPERT_ADVICE_1');
  });

  it('has a P1 trajectory with its coach, active from the next school day, and a JOS case with a thermometer score', async () => {
    await stack.gql.login(ZC);
    // A session (with its thermometer score) cannot lie before the trajectory's start, the school day after the
    // coach was assigned: the seed of a later day logs the first one (logDueSession).
    const [p1] = await casesOf('Fenna', 'Wolters', ProcessType.ONDERSTEUNINGSTRAJECT);
    expect(p1.status).toBe('ACTIEF');
    const coach = await stack.app.get(DataSource).getRepository(UserEntity).findOneByOrFail({ email: 'coach@daltoncollege.example' });
    expect(p1.participantIds).toContain(coach.id);
    const [jos] = await casesOf('Mila', 'Schouten', ProcessType.JOS);
    const { case: josDetail } = await stack.gql.ok<{ case: { timeline: { kind: string }[] } }>('query($id: ID!) { case(id: $id) { timeline { kind } } }', { id: jos.id });
    expect(josDetail.timeline.filter((t) => t.kind === 'JOS_CONTACT_LOGGED')).toHaveLength(1);
  });

  it('fills the SWV zorgplicht board with a clock in its last week, an extended one and an overdue one', async () => {
    await stack.gql.login(LOKET);
    const { zorgplichtClocks } = await stack.gql.ok<{ zorgplichtClocks: { clocks: { pupil: { displayName: string }; clockState: string; overdue: boolean; extensionUsed: boolean }[] } }>(
      'query { zorgplichtClocks(limit: 500) { clocks { pupil { displayName } clockState overdue extensionUsed } } }',
    );
    const clock = (name: string) => zorgplichtClocks.clocks.find((c) => c.pupil.displayName === name);
    expect(clock('Jens Koster')).toEqual(expect.objectContaining({ clockState: 'LAATSTE_WEEK', overdue: false, extensionUsed: false }));
    expect(clock('Sara Lambrecht')).toEqual(expect.objectContaining({ overdue: false, extensionUsed: true }));
    expect(clock('Olivier Prins')).toEqual(expect.objectContaining({ overdue: true }));
    expect(clock('Nina Vos')).toEqual(expect.objectContaining({ overdue: true }));
  });

  it('fills the OOV board of the SWV and the admin’s stuck-case list', async () => {
    await stack.gql.login(LOKET);
    const { cases } = await stack.gql.ok<{ cases: { pupil: { displayName: string }; waitingFor: string | null }[] }>('query { cases(filter: { process: OOV }) { pupil { displayName } waitingFor } }');
    expect(cases.map((c) => c.pupil.displayName)).toEqual(expect.arrayContaining(['Bas Hendriks', 'Senna Kramer']));

    await stack.gql.login(ADMIN);
    const { stuckCases } = await stack.gql.ok<{ stuckCases: { summary: { pupil: { displayName: string } } }[] }>('{ stuckCases { summary { pupil { displayName } } } }');
    expect(stuckCases.map((c) => c.summary.pupil.displayName)).toContain('Nina Vos');
  });

  it('adds no case when it runs again', async () => {
    const count = () => stack.app.get(DataSource).getRepository(CaseSummaryEntity).count();
    const before = await count();
    const again = await seedDemo(stack.app);
    expect(again).toEqual({ createdUsers: 0, createdPupils: 0, startedCases: 0 });
    expect(await count()).toBe(before);
  }, 60_000);
});
