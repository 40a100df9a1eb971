import { bornYearsAgo } from './ages';
import { isoToday } from './days';
import { graphql } from './browser';

/** A pupil registered by a test, with the zorgplicht case his written application started. */
export interface RegisteredPupil {
  /** The aanmelding's (P4) case id. */
  caseId: string;
  pupil: { id: string; displayName: string };
  lastName: string;
  parentEmail: string;
}

export interface NewPupilOptions {
  firstName: string;
  /** Default: `prefix` and a run-unique suffix. */
  lastName?: string;
  /** A stem for the generated last name (e.g. "Traject"); ignored with `lastName`. */
  prefix?: string;
  /** Age in years (default 13; from 16 a pupil decides his own consent). */
  age?: number;
  /** The application's receipt date (default today). */
  receivedOn?: string;
  extraSupportExpected?: boolean;
  /** Default: "Ouder <last name>" at ouder.<last name>@voorbeeldmail.example. */
  parent?: { name: string; email: string };
}

/**
 * A new pupil of the caller's school with his own parent (invented names), registered the only way the api registers a
 * new pupil: with a written application (`registerAanmelding`, P4), as the zorgcoördinator whose token is given.
 */
export async function registerNewPupil(apiUrl: string, token: string, o: NewPupilOptions): Promise<RegisteredPupil> {
  const { me } = await graphql<{ me: { schoolId: string } }>(apiUrl, '{ me { schoolId } }', {}, token);
  const lastName = o.lastName ?? `${o.prefix ?? 'Test'}${Date.now().toString(36)}`;
  const parent = o.parent ?? { name: `Ouder ${lastName}`, email: `ouder.${lastName.toLowerCase()}@voorbeeldmail.example` };
  const { registerAanmelding } = await graphql<{ registerAanmelding: { id: string; pupil: { id: string; displayName: string } } }>(
    apiUrl,
    'mutation($input: RegisterAanmeldingInput!) { registerAanmelding(input: $input) { id pupil { id displayName } } }',
    {
      input: {
        receivedOn: o.receivedOn ?? isoToday(),
        extraSupportExpected: o.extraSupportExpected ?? true,
        preferenceSchoolIds: [me.schoolId],
        newPupil: { firstName: o.firstName, lastName, dateOfBirth: bornYearsAgo(o.age ?? 13), parents: [parent] },
      },
    },
    token,
  );
  return { caseId: registerAanmelding.id, pupil: registerAanmelding.pupil, lastName, parentEmail: parent.email };
}
