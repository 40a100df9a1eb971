/**
 * Demo cases of every process (P1–P8) in a few states, so a fresh `npm start` fills every screen: the dashboards, the
 * SWV zorgplicht and OOV boards, "Vastgelopen", the thermometer chart (JOS at once, P1 from its first session) and
 * the P2–P8 case pages. Every case is started and advanced through the same use cases, step service and consent use
 * case as the api (never by writing read-model rows): the workflows record what happened. Idempotent: a demo case is started only while its pupil has no case of
 * that process yet, whatever day the seed runs again.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseSummaryEntity, ConsentRecordEntity, ProcessType, type PupilEntity, type SchoolEntity, type SwvEntity, type UserEntity } from '@zorgroute/domain';
import { addCalendarDays, schoolYearBounds, schoolYearOf, toIsoDate } from '@zorgroute/domain/logic';
import type { AuthUser } from '../auth/auth-user';
import { toAuthUser } from '../auth/auth.service';
import { CaseStepService } from '../cases/case-step.service';
import { GiveConsentUseCase } from '../consents/usecases/consent.usecases';
import { StartJosUseCase } from '../jos/usecases/start-jos.usecase';
import { StartOovUseCase } from '../oov/usecases/start-oov.usecase';
import { StartOppUseCase } from '../opp/usecases/start-opp.usecase';
import { OverdrachtCalendarService } from '../overdracht/overdracht-calendar.service';
import { StartOverdrachtUseCase } from '../overdracht/usecases/start-overdracht.usecase';
import { StartTlvUseCase } from '../tlv/usecases/start-tlv.usecase';
import { StartTrajectoryUseCase } from '../trajectories/usecases/start-trajectory.usecase';
import { RegisterAanmeldingUseCase } from '../zorgplicht/usecases/register-aanmelding.usecase';
import { StartZorgrouteUseCase } from '../zorgroute/usecases/start-zorgroute.usecase';

export interface DemoWorld {
  swv: SwvEntity;
  schools: Map<string, SchoolEntity>;
  users: Map<string, UserEntity>;
  pupils: Map<string, PupilEntity>;
  /** The parent accounts of each demo pupil (by pupil key). */
  parents: Map<string, UserEntity[]>;
}

/** How long the seed waits for a workflow to reach a state (the worker must be running). */
const WAIT_MS = 30_000;

/** One demo case: its pupil, its process, and how it is started and advanced. */
interface DemoCase {
  pupil: string;
  process: ProcessType;
  label: string;
  run: () => Promise<string>;
}

/** Starts the demo cases of P1–P8 that are missing; returns how many it started. */
export async function seedDemoCases(app: INestApplicationContext, world: DemoWorld, log: (line: string) => void): Promise<number> {
  const ds = app.get(DataSource);
  const steps = app.get(CaseStepService);
  const consent = app.get(GiveConsentUseCase);
  const as = (email: string): AuthUser => toAuthUser(world.users.get(email) as UserEntity);
  const pupilId = (key: string): string => (world.pupils.get(key) as PupilEntity).id;
  const schoolId = (key: string): string => (world.schools.get(key) as SchoolEntity).id;
  const parentOf = (key: string): AuthUser => toAuthUser((world.parents.get(key) ?? [])[0]);
  const today = toIsoDate(Date.now());
  const daysAgo = (n: number) => addCalendarDays(today, -n);

  const zc = as('zc@daltoncollege.example');
  const zcBaken = as('zc@hetbaken.example');
  const mentor = as('mentor@daltoncollege.example');
  const mentor2 = as('mentor2@daltoncollege.example');
  const jos = as('jos@daltoncollege.example');
  const loket = as('loket@swv-voorbeeldregio.example');
  const coach = world.users.get('coach@daltoncollege.example') as UserEntity;

  /** Gives a parent's digital consent to the case's open request of `kind`, once the workflow asked for it. */
  const parentConsents = async (caseId: string, kind: string, pupil: string) => {
    const request = await waitFor(`${caseId}: consent ${kind} asked`, () => ds.getRepository(ConsentRecordEntity).findOneBy({ caseId, kind, status: 'PENDING' }));
    await consent.execute(parentOf(pupil), { caseId, requestId: request.id, decision: 'GIVEN' });
  };
  /** Waits until the step is open (the case waits for it, or it is one of its open steps). */
  const stepOpen = (caseId: string, step: string) =>
    waitFor(`${caseId}: ${step} open`, async () => {
      const row = await ds.getRepository(CaseSummaryEntity).findOneBy({ id: caseId });
      const open = (row?.data as { openSteps?: string[] } | undefined)?.openSteps ?? [];
      return row && (row.waitingFor === step || open.includes(step)) ? row : null;
    });
  /** Takes a step once it is open. */
  const take = async (by: AuthUser, caseId: string, step: string, input: Record<string, unknown>) => {
    await stepOpen(caseId, step);
    await steps.take(by, caseId, step, input);
  };

  const referralForm = {
    reasons: ['PROBLEMATISCH_FUNCTIONEREN_THUIS'],
    parentsInformed: true,
    problem: 'Veel verzuim en vermoeidheid in de ochtend',
    pupilHelpQuestion: 'Help mij om weer op tijd op school te komen',
    mentorSupportQuestion: 'Hoe houd ik contact als hij er niet is?',
    firstLineActions: 'Gesprekken met leerling en ouders; verzuim besproken met de teamleider',
  };

  const cases: DemoCase[] = [
    // P1: a trajectory with its coach, active from the next school day (the workflow's rule): its sessions, with the
    // pupil's thermometer score, can only be logged from then on — see logDueSession below.
    {
      pupil: 'p8',
      process: ProcessType.ONDERSTEUNINGSTRAJECT,
      label: 'P1 with a coach',
      run: async () => {
        const c = await app.get(StartTrajectoryUseCase).execute(zc, { pupilId: pupilId('p8'), reason: 'Raakt overprikkeld in drukke lessen en loopt dan weg', requestKey: 'demo-thermometer', weeks: 8 });
        await take(zc, c.id, 'RECORD_INTAKE', { intakeDate: today, goal: 'Ik wil in de les blijven als het druk wordt', subGoals: ['Een time-outkaart gebruiken in plaats van weglopen'] });
        await take(zc, c.id, 'ASSIGN_COACH', { coachId: coach.id, sessionWeekday: 4, sessionTime: '11:00' });
        await waitFor(`${c.id}: active`, () => ds.getRepository(CaseSummaryEntity).findOneBy({ id: c.id, status: 'ACTIEF' }));
        return c.id;
      },
    },
    // P2: a referral waiting for the zorgcoördinator's triage.
    {
      pupil: 'p9',
      process: ProcessType.ZORGROUTE,
      label: 'P2 at triage',
      run: async () => {
        const c = await app.get(StartZorgrouteUseCase).execute(mentor, { pupilId: pupilId('p9'), source: 'GROEPSBESPREKING', requestKey: 'demo-triage', submit: true, form: referralForm });
        await stepOpen(c.id, 'TRIAGE');
        return c.id;
      },
    },
    // P2: accepted, voorgesprek held, the parent agreed: the IZO is planned.
    {
      pupil: 'p10',
      process: ProcessType.ZORGROUTE,
      label: 'P2 with a planned IZO',
      run: async () => {
        const c = await app.get(StartZorgrouteUseCase).execute(mentor, {
          pupilId: pupilId('p10'),
          source: 'DIRECT',
          requestKey: 'demo-izo',
          submit: true,
          form: { ...referralForm, problem: 'Somber en teruggetrokken sinds de zomer', pupilHelpQuestion: 'Ik wil weer zin hebben om naar school te gaan' },
        });
        await take(zc, c.id, 'TRIAGE', { outcome: 'GEACCEPTEERD', checks: { secondLine: true, questionsClear: true, firstLineDone: true, parentsAndPupilKnow: true } });
        await take(mentor, c.id, 'RECORD_VOORGESPREK', { date: today, parentsReport: 'Vader herkent de somberheid thuis', pupilReport: 'Yara slaapt slecht en ziet op tegen school' });
        await parentConsents(c.id, 'IZO_BESPREKING', 'p10');
        await stepOpen(c.id, 'RECORD_IZO');
        return c.id;
      },
    },
    // P3: JOS signed by the parent, goals set, a contact logged.
    {
      pupil: 'p11',
      process: ProcessType.JOS,
      label: 'P3 with contacts',
      run: async () => {
        const c = await app.get(StartJosUseCase).execute(zc, { pupilId: pupilId('p11'), decisionDate: today, needs: ['FAALANGST', 'PLANNEN_HUISWERK'], decisionNotes: 'Besproken in het ondersteuningsteam', requestKey: 'demo-jos' });
        await take(mentor2, c.id, 'SUBMIT_FORM', {
          needs: ['FAALANGST'],
          problemDescription: 'Blokkeert bij proefwerken en meldt zich dan ziek',
          singleSchoolRelatedProblem: true,
          alreadyTried: 'Gesprekken met de mentor; toetsen in een aparte ruimte',
          pupilView: 'Ik wil toetsen durven maken',
          parentsInformed: true,
        });
        await take(jos, c.id, 'RECORD_STARTGESPREK', { date: today, parentsPresent: true, mentorPresent: true, pupilPresent: true, summary: 'Kennismaking; afspraken over de begeleiding' });
        await parentConsents(c.id, 'JOS_BEGELEIDING', 'p11');
        await take(jos, c.id, 'SET_GOALS', { pupilGoal: 'Ik maak een proefwerk zonder te blokkeren', goals: ['Een planning per toetsweek'], agreedWithPupil: true, agreedWithMentor: true, agreedWithParents: true, weeklySlot: 'dinsdag 4e uur' });
        // One contact a day: the first today, with the pupil's thermometer score.
        await steps.take(jos, c.id, 'LOG_CONTACT', { date: today, attended: true, thermometer: 4, note: 'Eerste gesprek over de toetsweek' });
        return c.id;
      },
    },
    // P4: four zorgplicht clocks on the SWV board — a week left, extended, overdue, and one long overdue that the
    // workflow's ladder marks stuck when its decision step opens ("Vastgelopen").
    {
      pupil: 'p17',
      process: ProcessType.ZORGPLICHT,
      label: 'P4 in its last week',
      run: () => aanmelding(zcBaken, 'p17', 'lyceum', daysAgo(37)),
    },
    {
      pupil: 'p18',
      process: ProcessType.ZORGPLICHT,
      label: 'P4 extended',
      run: async () => {
        const id = await aanmelding(zc, 'p18', 'dalton', daysAgo(40));
        await take(zc, id, 'RECORD_INVESTIGATION', { kind: 'INFO_OUDERS_GEVRAAGD', date: daysAgo(30), summary: 'Kennismaking met ouders en leerling' });
        await take(zc, id, 'EXTEND_TERM', { weeks: 4, reason: 'Het onderzoek naar de ondersteuningsbehoefte loopt nog: het advies van de orthopedagoog volgt' });
        return id;
      },
    },
    {
      pupil: 'p19',
      process: ProcessType.ZORGPLICHT,
      label: 'P4 overdue',
      run: () => aanmelding(zc, 'p19', 'dalton', daysAgo(46)),
    },
    {
      pupil: 'p20',
      process: ProcessType.ZORGPLICHT,
      label: 'P4 stuck',
      run: async () => {
        const id = await aanmelding(zcBaken, 'p20', 'lyceum', daysAgo(150));
        await waitFor(`${id}: marked stuck`, () => ds.getRepository(CaseSummaryEntity).findOneBy({ id, stuck: true }));
        return id;
      },
    },
    // P5: a request waiting for the SWV's decision, and a placement (granted, intake held).
    {
      pupil: 'p12',
      process: ProcessType.OOV,
      label: 'P5 request at the SWV',
      run: () => oovRequest('p12', 'Thuiszitter sinds vijf weken; schoolangst'),
    },
    {
      pupil: 'p13',
      process: ProcessType.OOV,
      label: 'P5 placement',
      run: async () => {
        const id = await oovRequest('p13', 'Ernstige conflicten in de klas; observatie in een kleine setting nodig');
        await take(loket, id, 'OOV_SWV_DECISION', { decision: 'TOEGEKEND', arrangement: 'OBSERVATIE_6W', location: 'OOV-locatie De Brug', motivation: 'Voldoet aan de criteria; observatie in een kleine setting' });
        await take(zc, id, 'OOV_INTAKE', { date: today, startDate: today, leerlingbegeleiderPresent: true, zorgcoordinatorPresent: true, oovContact: 'Coördinator OOV De Brug', carePartners: ['Sociaal Team'], summary: 'Kennismaking en rooster' });
        return id;
      },
    },
    // P6: a handover from primary school with the onderwijskundig rapport recorded.
    {
      pupil: 'p14',
      process: ProcessType.OVERDRACHT,
      label: 'P6 in progress',
      run: async () => {
        const schoolYear = schoolYearOf(today);
        await ensureRegionalCalendar(schoolYear);
        const c = await app.get(StartOverdrachtUseCase).execute(zc, {
          pupilId: pupilId('p14'),
          schoolYear,
          poSchoolName: 'OBS De Wilgenhoek',
          poContactName: 'Marjan Pauw (ib)',
          supportNeedsExpected: true,
        });
        await take(zc, c.id, 'OVERDRACHT_RECORD_OKR', {
          schooladvies: 'vmbo-t/havo',
          taalLezen: '2F',
          rekenen: '1F',
          sociaalEmotioneel: 'Onzeker in nieuwe situaties',
          supportNeeds: true,
          supportNeedsDescription: 'Structuur en een vast aanspreekpunt',
        });
        return c.id;
      },
    },
    // P7: an OPP drawn up with the parents, the pupil heard: waiting for the parents' instemming.
    {
      pupil: 'p15',
      process: ProcessType.OPP,
      label: 'P7 awaiting instemming',
      run: async () => {
        const c = await app.get(StartOppUseCase).execute(zc, { pupilId: pupilId('p15'), reason: 'Arrangement na het ZAT: begeleiding door de ambulant begeleider', source: 'DIRECT', requestKey: 'demo-opp' });
        await take(mentor2, c.id, 'OPP_DRAW_UP', {
          onderwijsbehoeften: 'Structuur, voorspelbaarheid en een vaste plek in de klas',
          belemmerendeFactoren: 'Raakt snel overprikkeld in grote groepen',
          bevorderendeFactoren: 'Gemotiveerd en sterk in wiskunde',
          uitstroomperspectief: 'MBO_3_4',
          uitstroomOnderbouwing: 'Cognitief niveau en motivatie passen bij mbo niveau 3 of 4',
          handelingsdeel: [{ support: 'Wekelijkse begeleiding bij plannen', providedBy: 'Ambulant begeleider (BPO)', duration: 'tot de zomervakantie', frequency: 'wekelijks een uur' }],
          authors: ['Joost Hamelink (mentor)', 'Marieke Verhoef (zorgcoördinator)'],
          parentsConsultedOn: today,
        });
        await take(mentor2, c.id, 'OPP_HEAR_PUPIL', { mode: 'HEARD', heardOn: today, pupilView: 'Ik wil bij het raam zitten', weighing: 'Meegenomen in de afspraken over de plek in de klas', explainedBack: true });
        await waitFor(`${c.id}: instemming asked`, () => ds.getRepository(ConsentRecordEntity).findOneBy({ caseId: c.id, kind: 'OPP_HANDELINGSDEEL', status: 'PENDING' }));
        return c.id;
      },
    },
    // P8: a TLV request at the SWV, the dossier complete, the first expert's advice in.
    {
      pupil: 'p16',
      process: ProcessType.TLV,
      label: 'P8 at the SWV with one advice',
      run: async () => {
        const c = await app.get(StartTlvUseCase).execute(zcBaken, { pupilId: pupilId('p16'), reason: 'De Flex-ZAT adviseert een plaats in het VSO', flexZatDate: daysAgo(7), deskundigheidsverklaringVso: false, requestKey: 'demo-tlv' });
        await parentConsents(c.id, 'TLV_AANVRAAG', 'p16');
        await stepOpen(c.id, 'TLV_SUBMIT_REQUEST');
        for (const item of ['OPP', 'ONDERBOUWING', 'OBSERVATIEVERSLAG', 'GESPREKSVERSLAG', 'ONDERZOEKSVERSLAG', 'ZIENSWIJZE_OUDERS', 'HANDTEKENING_LEERLING']) {
          await steps.take(zcBaken, c.id, 'TLV_RECORD_DOSSIER_ITEM', { item, reference: `Dossier/${item.toLowerCase()}.pdf`, date: today });
        }
        await steps.take(zcBaken, c.id, 'TLV_SUBMIT_REQUEST', { requestedCategory: 'MIDDEN', vsoSchool: 'VSO De Brug', motivation: 'Ondanks een jaar arrangement op school onvoldoende ontwikkeling' });
        await take(loket, c.id, 'TLV_CHECK_DOSSIER', {
          outcome: 'COMPLEET',
          firstExpertName: 'Drs. A. Jansen',
          firstExpertDiscipline: 'ORTHOPEDAGOOG',
          secondExpertName: 'Dr. B. de Wit',
          secondExpertDiscipline: 'KINDER_JEUGDPSYCHIATER',
        });
        await take(loket, c.id, 'TLV_EXPERT_ADVICE_1', { date: today, advice: 'TOEKENNEN', category: 'MIDDEN', summary: 'De onderwijsbehoeften vragen om een VSO-setting in categorie midden' });
        return c.id;
      },
    },
  ];

  /** Registers a written application for the demo pupil, received on `receivedOn`; answers once its clock runs. */
  async function aanmelding(by: AuthUser, pupil: string, school: string, receivedOn: string): Promise<string> {
    const c = await app.get(RegisterAanmeldingUseCase).execute(by, { pupilId: pupilId(pupil), receivedOn, extraSupportExpected: true, preferenceSchoolIds: [schoolId(school)] });
    await stepOpen(c.id, 'RECORD_DECISION');
    return c.id;
  }

  /** An OOV prepared with the parties, the parent's consent and the request: it waits for the SWV's decision. */
  async function oovRequest(pupil: string, reason: string): Promise<string> {
    const c = await app.get(StartOovUseCase).execute(zc, { pupilId: pupilId(pupil), reason, leerlingbegeleiderId: coach.id, requestKey: 'demo-oov' });
    for (const [party, summary] of [
      ['OUDERS', 'Ouders willen dat hun kind weer naar school durft'],
      ['SWV', 'Onderwijsspecialist adviseert observatie in de OOV'],
      ['SOCIAAL_TEAM', 'Gezinsspecialist ondersteunt het gezin'],
    ]) {
      await take(zc, c.id, 'OOV_RECORD_CONSULTATIONS', { party, date: today, withWhom: null, summary });
    }
    await parentConsents(c.id, 'OOV_PLAATSING', pupil);
    await take(zc, c.id, 'OOV_SUBMIT_REQUEST', {
      reasons: ['SCHOOLANGST'],
      arrangement: 'OBSERVATIE_6W',
      preferredLocation: 'OOV-locatie De Brug',
      motivation: 'JOS en een ondersteuningstraject waren onvoldoende; een kleinere setting is nodig',
      goals: 'Weer naar school durven',
    });
    await stepOpen(c.id, 'OOV_SWV_DECISION');
    return c.id;
  }

  /** The demo SWV's regional PO→VO calendar of the school year, set by its employee when it has none yet. */
  async function ensureRegionalCalendar(schoolYear: string): Promise<void> {
    const calendars = app.get(OverdrachtCalendarService);
    const current = await calendars.calendars(loket, world.swv.id);
    if (current.calendars.some((c) => c.schoolYear === schoolYear)) return;
    const start = schoolYearBounds(schoolYear).from;
    const moment = addCalendarDays(today, -1) > start ? addCalendarDays(today, -1) : start;
    await calendars.setCalendar(loket, world.swv.id, {
      schoolYear,
      schooladviesBy: addCalendarDays(start, -40),
      aanmeldweek: { from: addCalendarDays(start, -30), to: addCalendarDays(start, -26) },
      osoDeadline: addCalendarDays(start, -1),
      warmeOverdracht: { from: addCalendarDays(start, -20), to: addCalendarDays(today, 30) },
      startSchoolYear: start,
      terugkoppeling: { naEersteRapport: moment, eindeLeerjaar1: moment },
      note: 'Demokalender',
    });
  }

  /**
   * The P1 demo trajectory gets its first session (with a thermometer score) once it has started: a trajectory
   * starts the school day after its coach is assigned, and no session may lie before that. So the seed of the first
   * day cannot log one; an `npm start` on a later day does, once.
   */
  async function logDueSession(): Promise<void> {
    const row = await ds.getRepository(CaseSummaryEntity).findOneBy({ pupilId: pupilId('p8'), process: ProcessType.ONDERSTEUNINGSTRAJECT });
    const data = (row?.data ?? {}) as { startDate?: string | null; sessions?: unknown[] };
    if (!row || row.closedAt || row.status !== 'ACTIEF' || !data.startDate || data.startDate > today || (data.sessions ?? []).length > 0) return;
    await steps.take(zc, row.id, 'LOG_SESSION', { date: today, attended: true, thermometer: 5 });
    log(`[seed] demo case ${row.id}: first session logged`);
  }

  let started = 0;
  for (const c of cases) {
    const existing = await ds.getRepository(CaseSummaryEntity).findOneBy({ pupilId: pupilId(c.pupil), process: c.process });
    if (existing) continue;
    const id = await c.run();
    started += 1;
    log(`[seed] demo case ${id} (${c.label})`);
  }
  await logDueSession();
  return started;
}

/** Polls (bounded) until `find` gives a value. */
async function waitFor<T>(what: string, find: () => Promise<T | null | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const found = await find();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`[seed] ${what}: not within ${WAIT_MS / 1000} s`);
}
