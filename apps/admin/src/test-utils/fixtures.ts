import { type CaseSummaryFieldsFragment as CaseSummary, type UserFieldsFragment as User } from '../gql/graphql';

type Pupil = CaseSummary['pupil'];

export const SCHOOL = { __typename: 'School', id: 'school-1', name: 'Daltoncollege', region: 'midden' } as const;

export function makePupil(overrides: Partial<Pupil> = {}): Pupil & { __typename: 'Pupil' } {
  return {
    __typename: 'Pupil',
    id: 'pupil-1',
    displayName: 'Sanne de Vries',
    className: '2B',
    schoolId: SCHOOL.id,
    mentorName: 'Mevr. Jansen',
    leftAt: null,
    ...overrides,
  };
}

export function makeCase(overrides: Partial<CaseSummary> = {}): CaseSummary & { __typename: 'CaseSummary' } {
  return {
    __typename: 'CaseSummary',
    id: 'case-1',
    process: 'ONDERSTEUNINGSTRAJECT',
    status: 'AANGEMELD',
    statusLabel: 'Aangemeld',
    pupil: makePupil(),
    school: { ...SCHOOL },
    waitingFor: 'ZORGCOORDINATOR',
    waitingForLabel: 'Zorgcoördinator',
    nextDueDate: '2026-11-25',
    ownerName: 'Ilse Bakker',
    stuck: false,
    stuckReason: null,
    startedAt: '2026-11-10T09:00:00.000Z',
    updatedAt: '2026-11-10T09:00:00.000Z',
    closedAt: null,
    outcome: null,
    // The api gives the Temporal link to platform administrators only; every other role gets null.
    temporalUrl: null,
    ...overrides,
  };
}

export const ZC_USER: User & { __typename: 'User' } = {
  __typename: 'User',
  id: 'user-zc',
  name: 'Ilse Bakker',
  email: 'zc@daltoncollege.example',
  role: 'ZORGCOORDINATOR',
  schoolId: SCHOOL.id,
  schoolName: SCHOOL.name,
};
