import { DEFAULT_POLICIES } from '@zorgroute/domain/logic';
import { JOS_SIGNATURE_DECISION_STEP, JOS_SIGNATURE_STEP } from './jos.messages';
import { josCap, josClosing, josEndOfSupport, josEvaluationFrom, josEvaluationOpensOn, josOpenSteps, josReferralLabel, validJosNeeds, type JosPolicy } from './jos.rules';

const policy: JosPolicy = DEFAULT_POLICIES.jos;

describe('P3 rules', () => {
  it('a case names one or more of the six needs, each once', () => {
    expect(validJosNeeds(['FAALANGST'])).toBe(true);
    expect(validJosNeeds(['FAALANGST', 'BEGINNENDE_SCHOOLANGST'])).toBe(true);
    expect(validJosNeeds([])).toBe(false);
    expect(validJosNeeds('FAALANGST')).toBe(false);
    expect(validJosNeeds(['FAALANGST', 'FAALANGST'])).toBe(false);
    expect(validJosNeeds(['ONBEKEND'])).toBe(false);
    expect(validJosNeeds(['PLANNEN_HUISWERK', 'ZORGWEKKEND_VERZUIM', 'REGELS_EN_KADERS', 'FAALANGST', 'BEGINNENDE_SCHOOLANGST', 'SOCIAAL_EMOTIONEEL'])).toBe(true);
  });

  it('the cap falls maxMonths after the signature (a month end clamped), the warning N weeks before it', () => {
    expect(josCap('2031-03-03', policy)).toEqual({ capDate: '2031-08-03', warnDate: '2031-07-06' });
    // 30 September + 5 months: 30 February does not exist, so the last day of February (2032 is a leap year).
    expect(josCap('2031-09-30', policy).capDate).toBe('2032-02-29');
    expect(josCap('2031-03-03', { maxMonths: 3, capWarningWeeksBefore: 2 })).toEqual({ capDate: '2031-06-03', warnDate: '2031-05-20' });
  });

  it('evaluation k counts from k periods after the start and opens halfway its period, not before the start', () => {
    expect(josEvaluationFrom('2031-03-03', 1, 6)).toBe('2031-04-14');
    expect(josEvaluationFrom('2031-03-03', 2, 6)).toBe('2031-05-26');
    expect(josEvaluationOpensOn('2031-04-14', 6, '2031-03-03')).toBe('2031-03-24');
    expect(josEvaluationOpensOn('2031-04-14', 1, '2031-03-03')).toBe('2031-04-11');
    expect(josEvaluationOpensOn('2031-03-10', 6, '2031-03-03')).toBe('2031-03-03');
  });

  it('the open steps follow the status; an evaluation only when it is open; the signature or the decision after its timeout', () => {
    expect(josOpenSteps('BESLOTEN', null, false)).toEqual([]);
    expect(josOpenSteps('AANMELDFORMULIER', 'SUBMIT_FORM', false)).toEqual(['SUBMIT_FORM']);
    expect(josOpenSteps('STARTGESPREK', 'RECORD_STARTGESPREK', false)).toEqual(['RECORD_STARTGESPREK']);
    expect(josOpenSteps('HANDTEKENING_OUDERS', null, false)).toEqual([JOS_SIGNATURE_STEP]);
    expect(josOpenSteps('HANDTEKENING_OUDERS', JOS_SIGNATURE_DECISION_STEP, false)).toEqual([JOS_SIGNATURE_DECISION_STEP]);
    expect(josOpenSteps('DOELEN', 'SET_GOALS', false)).toEqual(['SET_GOALS', 'RECORD_OUTCOME']);
    expect(josOpenSteps('ACTIEF', 'RECORD_EVALUATION', false)).toEqual(['LOG_CONTACT', 'RECORD_OUTCOME']);
    expect(josOpenSteps('ACTIEF', 'RECORD_EVALUATION', true)).toEqual(['LOG_CONTACT', 'RECORD_EVALUATION', 'RECORD_OUTCOME']);
    expect(josOpenSteps('AFRONDING', 'RECORD_OUTCOME', false)).toEqual(['RECORD_OUTCOME']);
    expect(josOpenSteps('AFGEROND', null, false)).toEqual([]);
  });

  it('support ends at the cap (on the cap date) unless an outcome came first (today)', () => {
    expect(josEndOfSupport({ outcome: null, capReached: true, capDate: '2031-08-03' }, '2031-08-04')).toEqual({ endedBy: 'CAP', endDate: '2031-08-03' });
    expect(josEndOfSupport({ outcome: 'AFGEROND', capReached: false, capDate: '2031-08-03' }, '2031-06-01')).toEqual({ endedBy: 'EARLY', endDate: '2031-06-01' });
    // An outcome recorded after the cap was reached (in AFRONDING) does not make it early.
    expect(josEndOfSupport({ outcome: 'AFGEROND', capReached: true, capDate: '2031-08-03' }, '2031-08-10')).toEqual({ endedBy: 'CAP', endDate: '2031-08-03' });
  });

  it('names the referral', () => {
    expect(josReferralLabel('SOCIAAL_TEAM')).toBe('het Sociaal Team');
    expect(josReferralLabel('OOV')).toBe('de onderwijsopvangvoorziening (OOV)');
    expect(josReferralLabel('BPO')).toBe('de begeleider passend onderwijs (BPO)');
    expect(josReferralLabel(null)).toBe('een externe partij');
  });

  it('closes: a withdrawal or a stop before an outcome, no signature, else the outcome', () => {
    const base = { withdrawn: false, stopReason: null, outcome: null, referralTo: null, signature: 'GIVEN' as const };
    expect(josClosing({ ...base, withdrawn: true })).toEqual({ final: 'GEEN_TOESTEMMING', description: 'Toestemming ingetrokken door de ouders: de begeleiding door JOS stopt' });
    expect(josClosing({ ...base, stopReason: 'verhuisd' })).toEqual({ final: 'GESTOPT', description: 'JOS gestopt: verhuisd' });
    expect(josClosing({ ...base, signature: 'REFUSED' }).description).toBe('Ouders hebben niet getekend (geweigerd): geen begeleiding door JOS');
    expect(josClosing({ ...base, signature: 'TIMED_OUT' })).toEqual({ final: 'GEEN_TOESTEMMING', description: 'Geen handtekening van de ouders: afgesloten zonder toestemming' });
    expect(josClosing({ ...base, outcome: 'AFGEROND' })).toEqual({ final: 'AFGEROND', description: 'JOS afgerond' });
    expect(josClosing({ ...base, outcome: 'DOORVERWEZEN', referralTo: 'BPO' })).toEqual({ final: 'DOORVERWEZEN', description: 'JOS afgesloten; leerling doorverwezen naar de begeleider passend onderwijs (BPO)' });
    // An outcome recorded before the withdrawal or the stop counts.
    expect(josClosing({ ...base, withdrawn: true, stopReason: 'x', outcome: 'AFGEROND' }).final).toBe('AFGEROND');
  });
});
