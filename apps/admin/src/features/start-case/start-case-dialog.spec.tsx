import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { JOS_START, ONDERSTEUNINGSTRAJECT_START, OOV_START, OPP_START, OVERDRACHT_START, TLV_START, ZORGPLICHT_START, ZORGROUTE_START, type StartDefinition } from '@zorgroute/processes';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { searchPupilsMock } from '../../test-utils/pupil-search-mock';
import { REGION_SCHOOLS_QUERY, STAFF_QUERY } from '../case-steps/step-mutations.graphql';
import { mayStart } from './may-start';
import { START_MUTATIONS } from './start-case.graphql';
import { START_POLICIES_QUERY } from './start-policies.graphql';
import { StartCaseDialog } from './start-case-dialog';

const pupilsMock = searchPupilsMock('Noor', [{ id: 'pupil-1', displayName: 'Noor Verzonnen', className: '2A', schoolId: 'school-1', mentorName: null }]);
const staffMock = {
  request: { query: STAFF_QUERY, variables: { schoolId: 'school-1', roles: ['COACH'] } },
  result: { data: { staffMembers: [] } },
};

describe('the start dialog rendered from the catalogue', () => {
  it('starts an OOV case: the catalogue’s Dutch message for a short reason, then startOov with an idempotency key', async () => {
    const sent: Array<Record<string, unknown>> = [];
    const onStarted = jest.fn();
    renderWithProviders(<StartCaseDialog definition={OOV_START} schoolId="school-1" admin={false} onClose={() => undefined} onStarted={onStarted} />, {
      session: { user: ZC_USER },
      mocks: [
        pupilsMock,
        staffMock,
        {
          request: {
            query: START_MUTATIONS.startOov,
            variables: (vars: { input: Record<string, unknown> }) => {
              sent.push(vars.input);
              return true;
            },
          },
          result: { data: { startOov: { __typename: 'CaseSummary', id: 'oov-1', status: 'VOORBEREIDING' } } },
        },
      ],
    });
    const dialog = await screen.findByRole('dialog', { name: 'OOV-traject starten' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OOV starten' }));
    expect(await within(dialog).findByText('Vul in: leerling')).toBeTruthy();

    fireEvent.change(within(dialog).getByRole('combobox', { name: /^Leerling( \*)?$/ }), { target: { value: 'Noor' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Noor Verzonnen (2A)' }, { timeout: 5000 }));
    fireEvent.change(within(dialog).getByLabelText(/Waarom een OOV/), { target: { value: 'ok' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OOV starten' }));
    expect(await within(dialog).findByText('Waarom een OOV? moet 3 tot 2000 tekens lang zijn')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText(/Waarom een OOV/), { target: { value: 'Dreigt thuis te komen zitten' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OOV starten' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith('oov-1'));
    expect(sent[0]).toEqual({ pupilId: 'pupil-1', reason: 'Dreigt thuis te komen zitten', leerlingbegeleiderId: null, requestKey: expect.stringMatching(/^[0-9a-f]{32}$/) });
  }, 60_000);

  it('offers P4 and P5 to the zorgcoördinator, P6 also to a teamleider, none to a mentor', () => {
    expect([ZORGPLICHT_START, OOV_START, OVERDRACHT_START].map((d) => mayStart(d, 'ZORGCOORDINATOR'))).toEqual([true, true, true]);
    expect([ZORGPLICHT_START, OOV_START, OVERDRACHT_START].map((d) => mayStart(d, 'TEAMLEIDER'))).toEqual([false, false, true]);
    expect([ZORGPLICHT_START, OOV_START, OVERDRACHT_START].map((d) => mayStart(d, 'MENTOR'))).toEqual([false, false, false]);
  });
});

/** Renders the start dialog of a definition with the pupil search, the staff list and the start mutation, recording what it sends. */
function renderStart(definition: StartDefinition, staffRoles: string[] | null = null) {
  const sent: Array<Record<string, unknown>> = [];
  const onStarted = jest.fn();
  const mocks: unknown[] = [pupilsMock];
  if (staffRoles) mocks.push({ request: { query: STAFF_QUERY, variables: { schoolId: 'school-1', roles: staffRoles } }, result: { data: { staffMembers: [] } } });
  mocks.push({
    request: {
      query: START_MUTATIONS[definition.mutation],
      variables: (vars: { input: Record<string, unknown> }) => {
        sent.push(vars.input);
        return true;
      },
    },
    result: { data: { [definition.mutation]: { __typename: 'CaseSummary', id: `${definition.process.toLowerCase()}-1`, status: 'GESTART' } } },
  });
  renderWithProviders(<StartCaseDialog definition={definition} schoolId="school-1" admin={false} onClose={() => undefined} onStarted={onStarted} />, {
    session: { user: ZC_USER },
    mocks: mocks as never,
  });
  return { sent, onStarted };
}

async function choosePupil(dialog: HTMLElement) {
  fireEvent.change(within(dialog).getByRole('combobox', { name: /^Leerling( \*)?$/ }), { target: { value: 'Noor' } });
  fireEvent.click(await screen.findByRole('option', { name: 'Noor Verzonnen (2A)' }, { timeout: 5000 }));
}

describe('the starts that were hand-written forms, now from the catalogue', () => {
  it('every start of the dashboard menu has its start mutation', () => {
    for (const d of [ONDERSTEUNINGSTRAJECT_START, ZORGROUTE_START, JOS_START, OPP_START, TLV_START, ZORGPLICHT_START, OOV_START, OVERDRACHT_START]) expect(START_MUTATIONS[d.mutation]).toBeDefined();
  });

  it('starts a TLV request: the Flex-ZAT date starts at today, the reason is required, startTlv gets an idempotency key', async () => {
    const { sent, onStarted } = renderStart(TLV_START);
    const dialog = await screen.findByRole('dialog', { name: 'TLV-aanvraag starten' });
    await choosePupil(dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Aanvraag starten' }));
    expect(await within(dialog).findByText('Vul in: waarom een tlv?')).toBeTruthy();
    expect(sent).toEqual([]);

    const flexZat = (within(dialog).getByLabelText(/Datum van de Flex-ZAT/) as HTMLInputElement).value;
    expect(flexZat).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    fireEvent.change(within(dialog).getByLabelText(/Waarom een TLV/), { target: { value: 'De Flex-ZAT adviseert het VSO' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Er is een VSO-school betrokken/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Aanvraag starten' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith('tlv-1'));
    expect(sent[0]).toEqual({ pupilId: 'pupil-1', flexZatDate: flexZat, reason: 'De Flex-ZAT adviseert het VSO', deskundigheidsverklaringVso: true, requestKey: expect.stringMatching(/^[0-9a-f]{32}$/) });
  }, 60_000);

  it('starts an OPP: the source case is asked only when the OPP comes from another case, and then required', async () => {
    const { sent, onStarted } = renderStart(OPP_START);
    const dialog = await screen.findByRole('dialog', { name: 'OPP starten' });
    await choosePupil(dialog);
    fireEvent.change(within(dialog).getByLabelText(/Waarom krijgt de leerling extra ondersteuning/), { target: { value: 'Arrangement na het ZAT' } });
    expect(within(dialog).queryByLabelText(/Casusnummer van de herkomst/)).toBeNull();
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: /Herkomst/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Besluit van het IZO/ZAT' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'OPP starten' }));
    expect(await within(dialog).findByText('Vul in: casusnummer van de herkomst')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText(/Casusnummer van de herkomst/), { target: { value: 'zorgroute-pupil-1-2027' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OPP starten' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith('opp-1'));
    expect(sent[0]).toMatchObject({ pupilId: 'pupil-1', reason: 'Arrangement na het ZAT', source: 'ZORGROUTE', sourceCaseId: 'zorgroute-pupil-1-2027', requestKey: expect.stringMatching(/^[0-9a-f]{32}$/) });
  }, 60_000);

  it('starts JOS with one or more needs (the catalogue’s message for none) and the school’s JOS worker to choose from', async () => {
    const { sent, onStarted } = renderStart(JOS_START, ['JOS_MEDEWERKER']);
    const dialog = await screen.findByRole('dialog', { name: 'JOS starten' });
    await choosePupil(dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'JOS starten' }));
    expect(await within(dialog).findByText('Ondersteuningsbehoeften: 1 tot 6 keuzes')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: /Ondersteuningsbehoeften/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Ernstige vorm van faalangst' }));
    fireEvent.keyDown(await screen.findByRole('listbox'), { key: 'Escape' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'JOS starten' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith('jos-1'));
    expect(sent[0]).toMatchObject({ pupilId: 'pupil-1', needs: ['FAALANGST'], decisionNotes: null, josWorkerId: null, requestKey: expect.stringMatching(/^[0-9a-f]{32}$/) });
  }, 60_000);

  it('starts an IZO-aanmelding as a concept with what the referrer already wrote of the aanmeldformulier', async () => {
    const { sent, onStarted } = renderStart(ZORGROUTE_START);
    const dialog = await screen.findByRole('dialog', { name: 'IZO-aanmelding starten' });
    await choosePupil(dialog);
    fireEvent.change(within(dialog).getByLabelText(/^Wat is het probleem/), { target: { value: 'Trekt zich terug in de klas' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Aanmelding starten' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith('zorgroute-1'));
    expect(sent[0]).toMatchObject({ pupilId: 'pupil-1', source: 'DIRECT', form: expect.objectContaining({ problem: 'Trekt zich terug in de klas', pupilHelpQuestion: null }) });
    expect(sent[0]).not.toHaveProperty('submit');
  }, 60_000);

  it('offers the IZO-aanmelding to whoever refers (zorgcoördinator, teamleider, mentor), JOS, OPP and TLV to the zorgcoördinator', () => {
    const starts = [ZORGROUTE_START, JOS_START, OPP_START, TLV_START];
    expect(starts.map((d) => mayStart(d, 'ZORGCOORDINATOR'))).toEqual([true, true, true, true]);
    expect(starts.map((d) => mayStart(d, 'TEAMLEIDER'))).toEqual([true, false, false, false]);
    expect(starts.map((d) => mayStart(d, 'MENTOR'))).toEqual([true, false, false, false]);
    expect(starts.map((d) => mayStart(d, 'COACH'))).toEqual([false, false, false, false]);
    expect(starts.map((d) => mayStart(d, 'ADMIN'))).toEqual([true, true, true, true]);
  });
});

describe('the P1 start (was a hand-written form): the length from the school’s policy', () => {
  /** The school's own policy: 4 to 12 weeks, 7 by default (not the standard 6–9 and 8). */
  const policiesMock = {
    request: { query: START_POLICIES_QUERY, variables: { schoolId: 'school-1' } },
    result: {
      data: {
        effectivePolicy: {
          __typename: 'EffectivePolicy',
          schoolId: 'school-1',
          policiesJson: JSON.stringify({ ondersteuningstraject: { minWeeks: 4, defaultWeeks: 7, maxWeeks: 12 } }),
        },
      },
    },
  };

  /** An admin searches every school's pupils. */
  const adminPupilsMock = searchPupilsMock('Noor', [{ id: 'pupil-1', displayName: 'Noor Verzonnen', className: '2A', schoolId: 'school-1', mentorName: null }], null);

  function renderP1(withPolicies: boolean) {
    const sent: Array<Record<string, unknown>> = [];
    const onStarted = jest.fn();
    const startMock = {
      request: {
        query: START_MUTATIONS.startTrajectory,
        variables: (vars: { input: Record<string, unknown> }) => {
          sent.push(vars.input);
          return true;
        },
      },
      result: { data: { startTrajectory: { __typename: 'CaseSummary', id: 'ondersteuningstraject-1', status: 'INTAKE' } } },
    };
    renderWithProviders(
      <StartCaseDialog definition={ONDERSTEUNINGSTRAJECT_START} schoolId={withPolicies ? 'school-1' : null} admin={!withPolicies} onClose={() => undefined} onStarted={onStarted} />,
      { session: { user: withPolicies ? ZC_USER : { ...ZC_USER, role: 'ADMIN', schoolId: null } }, mocks: (withPolicies ? [pupilsMock, policiesMock, startMock] : [adminPupilsMock, startMock]) as never },
    );
    return { sent, onStarted };
  }

  it('opens with the school’s default length, refuses one beyond the school’s bounds in its own words, and starts with a key', async () => {
    const { sent, onStarted } = renderP1(true);
    const dialog = await screen.findByRole('dialog', { name: 'Traject starten' });
    const weeks = (await within(dialog).findByLabelText(/Duur in weken/)) as HTMLInputElement;
    expect(weeks.value).toBe('7');
    await choosePupil(dialog);
    fireEvent.change(within(dialog).getByLabelText(/Reden van aanmelding/), { target: { value: 'Faalangst bij toetsen' } });
    fireEvent.change(weeks, { target: { value: '13' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Traject starten' }));
    expect(await within(dialog).findByText('Duur in weken moet een getal van 4 tot en met 12 zijn')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(weeks, { target: { value: '12' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Traject starten' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith('ondersteuningstraject-1'));
    expect(sent[0]).toEqual({
      pupilId: 'pupil-1',
      reason: 'Faalangst bij toetsen',
      observations: null,
      triedActions: null,
      weeks: 12,
      requestKey: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  }, 60_000);

  it('leaves the length to the api for an admin, who has no school of his own: empty means the school’s default', async () => {
    const { sent, onStarted } = renderP1(false);
    const dialog = await screen.findByRole('dialog', { name: 'Traject starten' });
    expect(((await within(dialog).findByLabelText(/Duur in weken/)) as HTMLInputElement).value).toBe('');
    await choosePupil(dialog);
    fireEvent.change(within(dialog).getByLabelText(/Reden van aanmelding/), { target: { value: 'Faalangst bij toetsen' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Traject starten' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith('ondersteuningstraject-1'));
    expect(sent[0]).toMatchObject({ pupilId: 'pupil-1', weeks: null });
  }, 60_000);
});

describe('a retried aanmelding', () => {
  it('sends the same Idempotency-Key again after the api answered UNAVAILABLE, so a new pupil is not recorded twice', async () => {
    const keys: string[] = [];
    const sent: Array<Record<string, unknown>> = [];
    const onStarted = jest.fn();
    const register = (result: object) => ({
      request: {
        query: START_MUTATIONS.registerAanmelding,
        variables: (vars: { input: Record<string, unknown> }) => {
          sent.push(vars.input);
          return true;
        },
      },
      result,
    });
    renderWithProviders(<StartCaseDialog definition={ZORGPLICHT_START} schoolId="school-1" admin={false} onClose={() => undefined} onStarted={onStarted} />, {
      session: { user: ZC_USER },
      onRequestHeaders: (name, headers) => {
        if (name === 'Start_registerAanmelding') keys.push(headers['Idempotency-Key']);
      },
      mocks: [
        pupilsMock,
        { request: { query: REGION_SCHOOLS_QUERY }, result: { data: { regionSchools: [{ __typename: 'School', id: 'school-1', name: 'Anemoon College', region: 'midden' }] } } },
        register({ errors: [{ message: 'De aanmelding is geregistreerd maar nog niet zichtbaar; probeer het zo opnieuw', extensions: { code: 'UNAVAILABLE' } }] }),
        register({ data: { registerAanmelding: { __typename: 'CaseSummary', id: 'zorgplicht-1', status: 'AANGEMELD' } } }),
      ],
    });
    const dialog = await screen.findByRole('dialog', { name: 'Aanmelding registreren' });
    await choosePupil(dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Aanmelding registreren' }));
    expect(await within(dialog).findByText(/nog niet zichtbaar; probeer het zo opnieuw/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Aanmelding registreren' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith('zorgplicht-1'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(sent[1]).toEqual(sent[0]);
    expect(sent[0]).not.toHaveProperty('requestKey');
  }, 60_000);
});
