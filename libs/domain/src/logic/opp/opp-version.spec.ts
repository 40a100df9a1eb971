import { createHash } from 'node:crypto';
import { oppEvaluationDue, oppDrawUpDue, oppVersionCanonical, oppVersionDigest, type OppContent, type OppVersionHeader } from './opp-version';

const header: OppVersionHeader = { pupilId: 'p-1', version: 1, drawnUpOn: '2027-02-01', changeReason: null };
const content: OppContent = {
  onderwijsbehoeften: 'Heeft structuur en voorspelbaarheid nodig',
  belemmerendeFactoren: 'Snel overprikkeld in grote groepen',
  bevorderendeFactoren: 'Gemotiveerd, sterk in wiskunde',
  uitstroomperspectief: 'MBO_3_4',
  uitstroomOnderbouwing: 'Cognitief niveau past bij mbo 3/4',
  handelingsdeel: [{ support: 'Wekelijkse begeleiding door de BPO', providedBy: 'Ambulant begeleider', duration: '1 schooljaar', frequency: 'wekelijks' }],
  programmeDeviations: null,
  authors: ['Mentor', 'Zorgcoördinator'],
  parentsConsultedOn: '2027-01-28',
};

describe('OPP versions', () => {
  it('digests the canonical text with SHA-256 (the same as Node’s crypto)', () => {
    const digest = oppVersionDigest(header, content);
    expect(digest).toBe(createHash('sha256').update(oppVersionCanonical(header, content)).digest('hex'));
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on key order or on fields outside the format', () => {
    const shuffled = Object.fromEntries(Object.entries(content).reverse()) as unknown as OppContent;
    const extra = { ...content, secret: 'niet in het OPP' } as OppContent;
    expect(oppVersionDigest(header, shuffled)).toBe(oppVersionDigest(header, content));
    expect(oppVersionDigest(header, extra)).toBe(oppVersionDigest(header, content));
  });

  it('changes with every word of the handelingsdeel and with the version number', () => {
    const base = oppVersionDigest(header, content);
    const changed = { ...content, handelingsdeel: [{ ...content.handelingsdeel[0], duration: '2 schooljaren' }] };
    expect(oppVersionDigest(header, changed)).not.toBe(base);
    expect(oppVersionDigest({ ...header, version: 2 }, content)).not.toBe(base);
  });

  it('explains its due dates: drawn up within weeks of the support’s start, evaluated months after the conclusion', () => {
    expect(oppDrawUpDue('2027-01-12', 6)).toMatchObject({ date: '2027-02-23', rule: 'P7.drawUpWithinWeeks', explanation: 'Uiterlijk 2027-02-23: 6 kalenderweken na de start van de extra ondersteuning op 2027-01-12.' });
    expect(oppEvaluationDue('2027-03-31', 12, 'CONCLUDED')).toMatchObject({ date: '2028-03-31', explanation: 'Uiterlijk 2028-03-31: 12 maanden na de afronding van de vorige evaluatie op 2027-03-31.' });
    expect(oppEvaluationDue('2028-02-29', 12, 'AGREED').date).toBe('2029-02-28');
  });
});
