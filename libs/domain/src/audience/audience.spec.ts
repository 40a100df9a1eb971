import { ProcessType, Role } from '../entities/roles';
import { ALL_AUDIENCES, Audience, audienceOfRole, caseVisibleTo } from './audience';
import { caseDataRules, filterCaseData, type DataRule } from './case-data-audience';
import { documentAudiences, documentLabel } from './record-audience';
import { declaredTimelineActions, declaredTimelineRule, timelineRule, timelineView } from './timeline-audience';

const PROCESSES = Object.values(ProcessType);

describe('audiences of roles', () => {
  it('puts every case role in exactly one audience, the pupil in his own; the organisation admins in none (they see no case)', () => {
    expect(Object.values(Role).map((r) => [r, audienceOfRole(r)])).toEqual([
      ['ZORGCOORDINATOR', 'SCHOOL'],
      ['TEAMLEIDER', 'SCHOOL'],
      ['MENTOR', 'SCHOOL'],
      ['COACH', 'SCHOOL'],
      ['JOS_MEDEWERKER', 'SCHOOL'],
      ['PARENT', 'PARENTS'],
      ['PUPIL', 'PUPIL'],
      ['SWV_MEDEWERKER', 'SWV'],
      ['ADMIN', 'SCHOOL'],
      ['PLATFORM_ADMIN', null],
      ['SWV_ADMIN', null],
      ['SCHOOL_ADMIN', null],
    ]);
    expect(audienceOfRole('SOMEONE_NEW')).toBeNull();
  });

  it('keeps a case under the safety exception from the parents only', () => {
    const hidden = { hiddenFromParents: true };
    expect(ALL_AUDIENCES.filter((a) => caseVisibleTo(a, hidden))).toEqual(['SCHOOL', 'PUPIL', 'SWV']);
    expect(ALL_AUDIENCES.filter((a) => caseVisibleTo(a, { hiddenFromParents: false }))).toEqual(ALL_AUDIENCES);
    expect(caseVisibleTo(null, {})).toBe(false);
  });
});

describe('timeline audiences', () => {
  it('declares every rule consistently: the school sees all, a summary has a label, a reason only goes to who sees the entry', () => {
    for (const process of PROCESSES) {
      for (const action of declaredTimelineActions(process)) {
        const rule = declaredTimelineRule(process, action);
        const where = `${process} ${action}`;
        expect([where, rule?.full.includes(Audience.SCHOOL)]).toEqual([where, true]);
        for (const a of rule?.reason ?? []) expect([where, a, rule?.full.includes(a)]).toEqual([where, a, true]);
        if (rule?.summary) {
          expect([where, rule.summary.label.length > 3]).toEqual([where, true]);
          expect([where, rule.summary.to.filter((a) => rule.full.includes(a))]).toEqual([where, []]);
        }
      }
    }
  });

  it('is school-only for an action nobody declared (fail closed), and for the api and mail lines', () => {
    expect(declaredTimelineRule('ZORGROUTE', 'SOMETHING_NEW')).toBeNull();
    expect(timelineRule('ZORGROUTE', 'SOMETHING_NEW').full).toEqual(['SCHOOL']);
    expect(timelineRule('ZORGROUTE', 'API_TRIAGE_ZORGROUTE').full).toEqual(['SCHOOL']);
    expect(timelineRule('ONDERSTEUNINGSTRAJECT', 'MAIL_SENT').full).toEqual(['SCHOOL']);
    const entry = { action: 'SOMETHING_NEW', description: 'Intern', reason: 'Geheim' };
    expect(ALL_AUDIENCES.map((a) => [a, timelineView('JOS', entry, a)])).toEqual([
      ['SCHOOL', { description: 'Intern', reason: 'Geheim' }],
      ['PARENTS', null],
      ['PUPIL', null],
      ['SWV', null],
    ]);
    expect(timelineView('JOS', entry, null)).toBeNull();
  });

  it('gives the family of a P2 case the route, never the triage or its reason', () => {
    const triage = { action: 'TRIAGE_RECORDED', description: 'Aanmelding geaccepteerd voor het IZO', reason: 'Vermoeden van huiselijk geweld' };
    expect(timelineView('ZORGROUTE', triage, Audience.PARENTS)).toBeNull();
    expect(timelineView('ZORGROUTE', triage, Audience.PUPIL)).toBeNull();
    expect(timelineView('ZORGROUTE', triage, Audience.SCHOOL)).toEqual({ description: triage.description, reason: triage.reason });
    const accepted = { action: 'STATUS_GEACCEPTEERD', description: 'Geaccepteerd; ouders niet geïnformeerd (uitzondering goedgekeurd door de zorgcoördinator)', reason: null };
    expect(timelineView('ZORGROUTE', accepted, Audience.PUPIL)).toEqual({ description: 'Geaccepteerd voor het intern zorgoverleg (IZO)', reason: null });
    const planned = { action: 'STATUS_GEPLAND_IZO', description: 'Op de agenda van het IZO van 2027-01-19', reason: null };
    expect(timelineView('ZORGROUTE', planned, Audience.PARENTS)).toEqual({ description: planned.description, reason: null });
    expect(timelineView('ZORGROUTE', { action: 'PARENTS_EXCEPTION_LIFTED', description: 'x', reason: 'y' }, Audience.PARENTS)).toBeNull();
  });

  it('shows the SWV a zorgplicht extension without its reason, and the parents with it', () => {
    const extended = { action: 'TERM_EXTENDED', description: 'Beslistermijn verlengd met 4 weken tot 2027-03-12; verlengingsbrief aan de ouders', reason: 'Wachten op het OPP van de basisschool' };
    expect(timelineView('ZORGPLICHT', extended, Audience.SWV)).toEqual({ description: extended.description, reason: null });
    expect(timelineView('ZORGPLICHT', extended, Audience.PARENTS)).toEqual({ description: extended.description, reason: extended.reason });
    expect(timelineView('ZORGPLICHT', { action: 'INVESTIGATION_RECORDED', description: 'Intake (2027-01-12)', reason: null }, Audience.SWV)).toBeNull();
    expect(timelineView('ZORGPLICHT', { action: 'SWV_OVERDUE', description: 'Termijn verlopen', reason: null }, Audience.PARENTS)).toBeNull();
  });

  it('shows consent answers to the SWV as a label, without the giver or the note', () => {
    const given = { action: 'CONSENT_GIVEN', description: 'Toestemming gegeven door Petra Veldkamp (digitaal): OOV', reason: 'Graag snel' };
    expect(timelineView('OOV', given, Audience.SWV)).toEqual({ description: 'Toestemming gegeven', reason: null });
    expect(timelineView('OOV', given, Audience.PARENTS)).toEqual({ description: given.description, reason: given.reason });
  });
});

describe('case data audiences', () => {
  const p2 = {
    source: 'DIRECT',
    form: { problem: 'Diagnose ADHD', parentsInformed: false, parentsNotInformedReason: 'Onveilige thuissituatie' },
    triages: [{ outcome: 'GEACCEPTEERD', note: 'Veilig Thuis ingeschakeld' }],
    parentsException: { reason: 'Onveilige thuissituatie', approvedBy: 'Marieke Verhoef' },
    voorgesprek: { date: '2027-01-12', pupilReport: 'Vertelt over thuis', parentsReport: null, agreements: 'Wekelijks gesprek', recordedBy: 'Sanne de Wit' },
    izoRounds: [{ round: 1, meetingDate: '2027-01-19', minutes: { analysis: 'Zorgen over thuis', summary: 'x' }, decisions: [{ kind: 'COACHING_MENTOR_DOCENTEN', description: 'Coaching', mentorId: 'm-1' }], evaluationDate: null, minutesDistributedAt: null, nagesprek: null }],
    evaluations: [{ at: 't', by: 'zc', outcome: 'VOORTZETTEN', summary: 'Interne notitie', nextEvaluationDate: '2027-03-01', note: null }],
    zatDiscussion: { meetingDate: '2027-02-01', analysis: 'Analyse', needs: 'Behoefte', summary: 'Plan', actions: [] },
    somethingNew: 'onbekend veld',
    mailFailures: [{ kind: 'X' }],
    dueDates: [{ step: 'TRIAGE', date: '2027-01-15', explanation: 'Binnen 5 schooldagen' }],
  };

  it('gives the school everything', () => {
    expect(filterCaseData('ZORGROUTE', p2, Audience.SCHOOL)).toBe(p2);
  });

  it('gives the family of a P2 case the route, and none of the form, the triage, the safety exception, reports, minutes or notes', () => {
    const family = filterCaseData('ZORGROUTE', p2, Audience.PARENTS);
    expect(family).toEqual({
      source: 'DIRECT',
      voorgesprek: { date: '2027-01-12', agreements: 'Wekelijks gesprek', recordedBy: 'Sanne de Wit' },
      izoRounds: [{ round: 1, meetingDate: '2027-01-19', decisions: [{ kind: 'COACHING_MENTOR_DOCENTEN', description: 'Coaching' }], evaluationDate: null, minutesDistributedAt: null, nagesprek: null }],
      evaluations: [{ at: 't', by: 'zc', outcome: 'VOORTZETTEN', nextEvaluationDate: '2027-03-01', note: null }],
      zatDiscussion: { meetingDate: '2027-02-01', summary: 'Plan', actions: [] },
      dueDates: p2.dueDates,
    });
    expect(JSON.stringify(filterCaseData('ZORGROUTE', p2, Audience.PUPIL))).not.toMatch(/ADHD|Onveilig|Veilig Thuis|Zorgen over thuis|Interne notitie|Analyse|onbekend/);
  });

  it('gives the SWV only the OPP versions shared with it: no concept under way, no version the parents did not agree to', () => {
    const version = (n: number, status: string) => ({ version: n, status, uitstroomperspectief: `MBO_${n}`, belemmerendeFactoren: 'Faalangst', drawnUpBy: 'Marieke Verhoef' });
    const opp = { versions: [version(1, 'VASTGESTELD'), version(2, 'NIET_INGESTEMD'), version(3, 'VASTGESTELD'), version(4, 'CONCEPT')], currentVersion: 3, conceptVersion: 4, sharedWithSwv: true, sharedVersions: [1, 3] };
    const swv = filterCaseData('OPP', opp, Audience.SWV);
    expect(swv.versions).toEqual([
      { version: 1, status: 'VASTGESTELD', uitstroomperspectief: 'MBO_1' },
      { version: 3, status: 'VASTGESTELD', uitstroomperspectief: 'MBO_3' },
    ]);
    expect(swv).toMatchObject({ currentVersion: 3, sharedVersions: [1, 3] });
    expect(swv).not.toHaveProperty('conceptVersion');
    // Nothing shared yet: no version, and no version in force named.
    expect(filterCaseData('OPP', { ...opp, sharedVersions: [] }, Audience.SWV)).toMatchObject({ versions: [], currentVersion: null });
    // The family sees every version, the school everything.
    expect((filterCaseData('OPP', opp, Audience.PARENTS).versions as unknown[]).length).toBe(4);
    expect(filterCaseData('OPP', opp, Audience.SCHOOL)).toBe(opp);
  });

  it('shows a TLV checklist note to the school and the SWV, and to the family only when it was marked for them', () => {
    const item = { item: 'OPP', label: 'OPP', required: true, present: true, reference: 'OPP 2026', date: '2027-01-04', recordedBy: 'Zorgcoördinator' };
    const data = {
      checklist: [
        { ...item, note: 'Vader twijfelt nog over het VSO', noteForFamily: false },
        { ...item, item: 'ZIENSWIJZE_OUDERS', note: 'Besproken op 4 januari', noteForFamily: true },
        { ...item, item: 'OBSERVATIEVERSLAG', note: 'Oud verslag' },
      ],
    };
    const notes = (audience: Audience) => (filterCaseData('TLV', data, audience).checklist as { note?: string }[]).map((e) => e.note ?? null);
    expect(notes(Audience.SCHOOL)).toEqual(['Vader twijfelt nog over het VSO', 'Besproken op 4 januari', 'Oud verslag']);
    expect(notes(Audience.SWV)).toEqual(['Vader twijfelt nog over het VSO', 'Besproken op 4 januari', 'Oud verslag']);
    expect(notes(Audience.PARENTS)).toEqual([null, 'Besproken op 4 januari', null]);
    expect(notes(Audience.PUPIL)).toEqual([null, 'Besproken op 4 januari', null]);
    // The rest of the item stays visible to the family.
    expect((filterCaseData('TLV', data, Audience.PARENTS).checklist as unknown[])[0]).toEqual({ ...item, noteForFamily: false });
  });

  it('gives nobody but the school a field nobody declared, and nothing to an unknown audience', () => {
    expect(filterCaseData('JOS', { brandNew: 1, needs: ['X'] }, Audience.PUPIL)).toEqual({ needs: ['X'] });
    expect(filterCaseData('JOS', { needs: ['X'] }, null)).toEqual({});
    expect(filterCaseData('JOS', null, Audience.SCHOOL)).toEqual({});
  });

  it('shows the SWV the zorgplicht clock and outcome, not the extension reason, the investigation or the motivation', () => {
    const data = {
      receivedOn: '2027-01-04',
      clock: { dueDate: '2027-03-12', extended: true, extensionWeeks: 4, extensionReason: 'Wachten op het OPP' },
      investigations: [{ kind: 'INTAKE', date: '2027-01-10', summary: 'Gesprek over de diagnose' }],
      decision: { outcome: 'TOEGELATEN', decidedOn: '2027-03-01', onTime: true, motivation: 'Past bij de ondersteuningsbehoefte', bezwaarUntil: '2027-04-12' },
    };
    expect(filterCaseData('ZORGPLICHT', data, Audience.SWV)).toEqual({
      receivedOn: '2027-01-04',
      clock: { dueDate: '2027-03-12', extended: true, extensionWeeks: 4 },
      decision: { outcome: 'TOEGELATEN', decidedOn: '2027-03-01', onTime: true, bezwaarUntil: '2027-04-12' },
    });
    expect(filterCaseData('ZORGPLICHT', data, Audience.PARENTS)).toEqual({ ...data, investigations: [{ kind: 'INTAKE', date: '2027-01-10' }] });
  });

  it('declares rules only with known audiences', () => {
    const check = (rule: DataRule, where: string): void => {
      const audiences = Array.isArray(rule) ? (rule as readonly string[]) : [...(rule as { to: readonly string[] }).to, ...((rule as { alsoTo?: readonly string[] }).alsoTo ?? [])];
      expect([where, audiences.filter((a) => !ALL_AUDIENCES.includes(a as Audience))]).toEqual([where, []]);
      const fields = Array.isArray(rule) ? undefined : (rule as { fields?: Record<string, DataRule> }).fields;
      for (const [k, r] of Object.entries(fields ?? {})) check(r, `${where}.${k}`);
    };
    for (const process of PROCESSES) for (const [k, r] of Object.entries(caseDataRules(process))) check(r, `${process}.${k}`);
  });
});

describe('document audiences', () => {
  it('gives the zorgplicht letters to the school and the parents only; an unknown kind to the school', () => {
    expect(documentAudiences('ZORGPLICHT_BESLUIT')).toEqual(['SCHOOL', 'PARENTS']);
    expect(documentAudiences('ZORGPLICHT_VERLENGING')).toEqual(['SCHOOL', 'PARENTS']);
    expect(documentAudiences('BRIEF')).toEqual(['SCHOOL']);
    expect(documentLabel('ZORGPLICHT_BESLUIT')).toBe('Brief: besluit over de aanmelding');
  });
});
