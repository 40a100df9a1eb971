import { type ProcessType } from '../../gql/graphql';

/**
 * The family portal's words (issue 17.6): parents are addressed with "u", the pupil with "je" — never mixed on one
 * page. One place for the sentences the portal shows both.
 */
export interface FamilyWords {
  intro: string;
  noConsents: string;
  consentWhy: string;
  consentWithdraw: string;
  consentGiven: string;
  consentRefused: string;
  otherProcess: string;
}

const PARENT: FamilyWords = {
  intro: 'Hier ziet u de lopende begeleiding en de vragen waarop de school uw antwoord nodig heeft.',
  noConsents: 'Er wacht geen vraag om toestemming op u.',
  consentWhy: 'Waarvoor vragen wij uw toestemming?',
  consentWithdraw: 'U kunt uw toestemming later altijd weer intrekken via de zorgcoördinator. Geeft u geen toestemming, dan bespreekt de school met u wat er wel kan.',
  consentGiven: 'Dank u wel. Uw toestemming is vastgelegd.',
  consentRefused: 'Vastgelegd: u geeft geen toestemming.',
  otherProcess: 'De school houdt u op de hoogte per e-mail; brieven vindt u hieronder.',
};

const PUPIL: FamilyWords = {
  intro: 'Hier zie je je begeleiding en de vragen waarop de school jouw antwoord nodig heeft.',
  noConsents: 'Er wacht geen vraag om toestemming op jou.',
  consentWhy: 'Waarvoor vragen wij jouw toestemming?',
  consentWithdraw: 'Je kunt je toestemming later altijd weer intrekken via de zorgcoördinator. Geef je geen toestemming, dan bespreekt de school met jou wat er wel kan.',
  consentGiven: 'Dank je wel. Je toestemming is vastgelegd.',
  consentRefused: 'Vastgelegd: je geeft geen toestemming.',
  otherProcess: 'De school houdt je op de hoogte.',
};

export function familyWords(isPupil: boolean): FamilyWords {
  return isPupil ? PUPIL : PARENT;
}

/** The processes with a goal and sessions with a thermometer score: only they show "Doel" and the chart. */
export function hasGoalAndThermometer(process: ProcessType): boolean {
  return process === 'ONDERSTEUNINGSTRAJECT' || process === 'JOS';
}
