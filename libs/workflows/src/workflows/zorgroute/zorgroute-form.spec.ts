import { cleanReferralText, incompleteReferralMessage, mergeReferralForm, missingReferralFields } from './zorgroute-form';
import type { AanmeldFormulier } from './zorgroute.types';

const complete: AanmeldFormulier = {
  reasons: ['ONTWIKKELPERSPECTIEF_ONDUIDELIJK'],
  pupilHelpQuestion: 'Ik wil beter leren plannen',
  mentorSupportQuestion: 'Hoe begeleiden we het plannen in de klas?',
  parentsInformed: true,
};

describe('IZO aanmeldformulier completeness (P2)', () => {
  it('finds nothing missing in a complete form', () => {
    expect(missingReferralFields(complete)).toEqual([]);
    expect(incompleteReferralMessage(complete)).toBeNull();
  });

  it('names every missing mandatory field in Dutch, in the order of the form', () => {
    expect(missingReferralFields({})).toEqual([
      'reden van aanmelding',
      'hulpvraag van de leerling',
      'begeleidingsvraag van mentor/docenten',
      'of de ouders op de hoogte zijn',
    ]);
    expect(incompleteReferralMessage({ ...complete, reasons: [], pupilHelpQuestion: '  ' })).toEqual({
      nl: 'Het aanmeldformulier is niet compleet: reden van aanmelding, hulpvraag van de leerling',
      en: 'The referral form is incomplete: reden van aanmelding, hulpvraag van de leerling',
    });
  });

  it('needs at least 3 characters for the questions, a reason when the parents do not know, and what "anders" means', () => {
    expect(missingReferralFields({ ...complete, mentorSupportQuestion: ' ab ' })).toEqual(['begeleidingsvraag van mentor/docenten']);
    expect(missingReferralFields({ ...complete, parentsInformed: false })).toEqual(['reden waarom de ouders niet op de hoogte zijn']);
    expect(missingReferralFields({ ...complete, parentsInformed: false, parentsNotInformedReason: 'Veiligheid van de leerling' })).toEqual([]);
    expect(missingReferralFields({ ...complete, supportNeeded: ['ANDERS'] })).toEqual(['welke andere ondersteuning nodig is']);
    expect(missingReferralFields({ ...complete, supportNeeded: ['ANDERS'], supportNeededOther: 'Huiswerkbegeleiding' })).toEqual([]);
  });

  it('merges a partial form over a saved one: left-out fields stay, text is trimmed, empty text is cleared', () => {
    const merged = mergeReferralForm(complete, { problem: '  Valt stil  ', pupilHelpQuestion: '   ', parentsInformed: undefined });
    expect(merged).toEqual({ ...complete, problem: 'Valt stil', pupilHelpQuestion: null });
    expect(missingReferralFields(merged)).toEqual(['hulpvraag van de leerling']);
    expect(cleanReferralText('  a ')).toBe('a');
    expect(cleanReferralText('   ')).toBeNull();
    expect(cleanReferralText(null)).toBeNull();
  });
});
