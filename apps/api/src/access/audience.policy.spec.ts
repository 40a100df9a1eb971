import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { declaredTimelineActions, ProcessType, Role, timelineRule } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import { AccessPolicy } from './access-policy';
import { AudiencePolicy, type TimelineLine } from './audience.policy';

const policy = new AudiencePolicy(new AccessPolicy(), {} as never);
const as = (role: Role, extra: Partial<AuthUser> = {}): AuthUser => ({ id: `u-${role}`, name: role, email: `${role}@x.example`, role, schoolId: 's-1', swvId: 'swv-1', pupilId: 'pupil-1', ...extra });

/** A query builder that only records its conditions. */
function recorder() {
  const where: string[] = [];
  const qb = { andWhere: (sql: string) => (where.push(sql), qb) };
  return { qb: qb as never, where };
}

const line = (kind: string, description: string, reason: string | null = null): TimelineLine => ({ id: kind, at: new Date('2027-01-12T09:00:00Z'), kind, actorName: 'Marieke Verhoef', description, reason });

describe('AudiencePolicy', () => {
  it('keeps a case under the safety exception out of every parent query, and only the parent’s', () => {
    for (const role of Object.values(Role)) {
      const { qb, where } = recorder();
      policy.scopeCases(qb, as(role));
      const hidden = where.filter((w) => w.includes('hidden_from_parents'));
      expect([role, hidden]).toEqual([role, role === Role.PARENT ? ['c.hidden_from_parents = false'] : []]);
    }
    const { qb, where } = recorder();
    policy.scopeCases(qb, as(Role.PARENT), 'x', 'y');
    expect(where).toContain('x.hidden_from_parents = false');
  });

  it('applies the declared timeline rule of every action of every process, for every role', () => {
    for (const process of Object.values(ProcessType)) {
      const lines = declaredTimelineActions(process).map((a) => line(a, `Beschrijving ${a}`, `Reden ${a}`));
      for (const role of Object.values(Role)) {
        const shown = policy.timeline(as(role), process, lines);
        const audience = policy.audienceOf(as(role));
        for (const l of lines) {
          const rule = timelineRule(process, l.kind);
          const seen = shown.find((s) => s.id === l.id);
          const full = audience === 'SCHOOL' || rule.full.includes(audience as never);
          const summary = !full && !!rule.summary?.to.includes(audience as never);
          const where = `${process} ${l.kind} as ${role}`;
          expect([where, !!seen]).toEqual([where, full || summary]);
          if (seen && full) expect([where, seen.description, seen.reason]).toEqual([where, l.description, audience === 'SCHOOL' || (rule.reason ?? ['SCHOOL']).includes(audience as never) ? l.reason : null]);
          if (seen && summary) expect([where, seen.description, seen.reason, seen.actorName]).toEqual([where, rule.summary?.label, null, null]);
        }
      }
    }
  });

  it('gives parents and pupil of a P2 case no triage line, and the SWV no reason of a zorgplicht extension', () => {
    const p2 = [line('STATUS_TRIAGE', 'Aanmelding wordt beoordeeld'), line('TRIAGE_RECORDED', 'Aanmelding geaccepteerd voor het IZO', 'Veilig Thuis ingeschakeld'), line('API_TRIAGE_ZORGROUTE', 'Mutatie', 'x'), line('MAIL_SENT', 'E-mail verstuurd aan M. Verhoef: Nieuwe taak')];
    for (const role of [Role.PARENT, Role.PUPIL]) expect(policy.timeline(as(role), 'ZORGROUTE', p2).map((l) => l.kind)).toEqual(['STATUS_TRIAGE']);
    expect(policy.timeline(as(Role.MENTOR), 'ZORGROUTE', p2)).toEqual(p2);
    const extended = [line('TERM_EXTENDED', 'Beslistermijn verlengd met 4 weken', 'Wachten op het OPP')];
    expect(policy.timeline(as(Role.SWV_MEDEWERKER), 'ZORGPLICHT', extended)).toEqual([{ ...extended[0], reason: null }]);
    expect(policy.timeline(as(Role.PARENT), 'ZORGPLICHT', extended)).toEqual(extended);
  });

  it('reads letters, the delivery log and consents by audience', () => {
    const allowed = (kind: string) => Object.values(Role).filter((r) => policy.mayReadDocument(as(r), kind));
    expect(allowed('ZORGPLICHT_BESLUIT')).toEqual(['ZORGCOORDINATOR', 'TEAMLEIDER', 'PARENT', 'ADMIN']);
    expect(allowed('ONBEKEND')).toEqual(['ZORGCOORDINATOR', 'TEAMLEIDER', 'ADMIN']);
    // The TLV letters (P8) are the SWV's own: it lists the letters of the cases it sees, filtered by kind.
    expect(allowed('TLV_BESLUIT')).toEqual(['ZORGCOORDINATOR', 'TEAMLEIDER', 'PARENT', 'SWV_MEDEWERKER', 'ADMIN']);
    expect(Object.values(Role).filter((r) => policy.mayListDocuments(as(r)))).toEqual(['ZORGCOORDINATOR', 'TEAMLEIDER', 'PARENT', 'PUPIL', 'SWV_MEDEWERKER', 'ADMIN']);
    // An uploaded document: its own audiences (the school's document staff always), never its kind's.
    const uploaded = (audiences: string[]) => Object.values(Role).filter((r) => policy.mayReadDocument(as(r), { kind: 'ZORGPLICHT_BESLUIT', audiences }));
    expect(uploaded([])).toEqual(['ZORGCOORDINATOR', 'TEAMLEIDER', 'ADMIN']);
    expect(uploaded(['SWV'])).toEqual(['ZORGCOORDINATOR', 'TEAMLEIDER', 'SWV_MEDEWERKER', 'ADMIN']);
    expect(uploaded(['PARENTS', 'PUPIL'])).toEqual(['ZORGCOORDINATOR', 'TEAMLEIDER', 'PARENT', 'PUPIL', 'ADMIN']);
    const noteReaders = (audiences: string[]) => Object.values(Role).filter((r) => policy.mayReadNote(as(r), { audiences }));
    expect(noteReaders([])).toEqual(Object.values(Role).filter((r) => policy.mayWriteNote(as(r))));
    expect(noteReaders(['PARENTS'])).toContain('PARENT');
    expect(noteReaders(['PARENTS'])).not.toContain('SWV_MEDEWERKER');

    expect(Object.values(Role).filter((r) => policy.mayReadDeliveryLog(as(r)))).toEqual(['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'JOS_MEDEWERKER', 'ADMIN']);
    const consent = { id: 'c', status: 'GIVEN', giverName: 'Petra Veldkamp', method: 'DIGITAL', note: 'Graag snel', withdrawalReason: null, scanReference: null };
    expect(policy.consent(as(Role.SWV_MEDEWERKER), consent)).toEqual({ ...consent, giverName: null, method: null, note: null });
    expect(policy.consent(as(Role.PARENT), consent)).toEqual(consent);
  });

  it('is the only caller of the role-level case scope, so no read path can skip the case-level audience', () => {
    const root = join(__dirname, '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) files.push(path);
      }
    };
    walk(root);
    const callers = files.filter((f) => readFileSync(f, 'utf8').includes('.scopeCasesByRole(')).map((f) => relative(root, f));
    expect(callers).toEqual(['access/audience.policy.ts']);
  });
});
