import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { type CaseDetailQuery } from '../../gql/graphql';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { ConsentsPanel } from '../case-detail/case-records';
import { PUPIL_CUSTODY_QUERY } from '../custody/custody.graphql';
import { RECORD_PAPER_CONSENT_MUTATION } from './consent-actions.graphql';
import { consentSigners } from './paper-consent-dialog';

/** A consent as the case page reads it (ConsentsPanel). */
const pending: CaseDetailQuery['case']['consents'][number] = {
  id: 'case-7:consent:ZAT_AANMELDING:1',
  caseId: 'case-7',
  kind: 'ZAT_AANMELDING',
  label: 'Toestemming voor aanmelding bij het ZAT',
  process: 'ZORGROUTE',
  pupilId: 'pupil-1',
  scope: 'Aanmelding bij het ZAT',
  status: 'PENDING',
  statusLabel: 'Wacht op antwoord',
  requestedAt: '2026-11-12T09:00:00Z',
  respondBy: '2026-11-26',
  decidedAt: null,
  giverName: null,
  method: null,
  pupilMayDecide: false,
  withdrawnAt: null,
  scanDocumentId: null,
  needsEveryGuardian: false,
  missingGivers: null,
};

const guardian = (userId: string, name: string, hasParentalAuthority: boolean) => ({ __typename: 'Guardian', userId, name, relation: 'ouder', hasParentalAuthority, login: 'NONE' as const, passkeys: 0, invitationExpiresAt: null });
const custody = {
  __typename: 'PupilCustody',
  pupilId: 'pupil-1',
  parentsDisagree: false,
  guardians: [guardian('u-ouder', 'Ouder Verzonnen', true), guardian('u-stief', 'Stiefouder Bedacht', false)],
  pupilAccount: { ...guardian('u-leerling', 'Leerling Fictief', false), relation: 'leerling' },
};
const signersMock = { request: { query: PUPIL_CUSTODY_QUERY, variables: { pupilId: 'pupil-1' } }, result: { data: { pupilCustody: custody } } };

function jsonResponse(status: number, body: unknown): Response {
  return { ok: status < 300, status, headers: new Headers({ 'content-type': 'application/json' }), json: () => Promise.resolve(body) } as unknown as Response;
}

async function openDialog() {
  fireEvent.click(await screen.findByRole('button', { name: 'Toestemming voor aanmelding bij het ZAT: papieren formulier vastleggen' }));
  return screen.findByRole('dialog', { name: 'Papieren toestemming vastleggen' });
}

describe('recording a signed paper consent form with its scan', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('offers only guardians with parental authority, and the pupil only where he decides himself', () => {
    expect(consentSigners(custody, false).map((s) => s.label)).toEqual(['Ouder Verzonnen (ouder)']);
    expect(consentSigners(custody, true).map((s) => s.userId)).toEqual(['u-ouder', 'u-leerling']);
    expect(consentSigners(undefined, true)).toEqual([]);
  });

  it('asks who signed, the answer and the scan; uploads the scan to the case, then records the answer naming it', async () => {
    const sent: unknown[] = [];
    const fetchMock = jest.fn().mockResolvedValue(jsonResponse(201, { id: 'doc-scan-1', kindLabel: 'Toestemmingsformulier (scan)' }));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    renderWithProviders(<ConsentsPanel consents={[pending]} mayWithdraw />, {
      session: { user: ZC_USER },
      mocks: [
        signersMock,
        {
          request: {
            query: RECORD_PAPER_CONSENT_MUTATION,
            variables: (vars: unknown) => {
              sent.push(vars);
              return true;
            },
          },
          result: { data: { recordPaperConsent: { __typename: 'ConsentRecord', id: pending.id, status: 'GIVEN', statusLabel: 'Gegeven', scanDocumentId: 'doc-scan-1' } } },
        },
      ],
    });
    const dialog = await openDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Antwoord vastleggen' }));
    expect(await within(dialog).findByText('Kies wie het formulier ondertekende')).toBeTruthy();
    expect(within(dialog).getByText('Kies of er toestemming is gegeven of geweigerd')).toBeTruthy();
    expect(within(dialog).getByText('Voeg de scan van het ondertekende formulier toe')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(sent).toEqual([]);

    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: /Ondertekend door/ }));
    expect(screen.queryByRole('option', { name: /Stiefouder/ })).toBeNull();
    fireEvent.click(await screen.findByRole('option', { name: 'Ouder Verzonnen (ouder)' }));
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Toestemming gegeven' }));
    fireEvent.change(within(dialog).getByLabelText(/Scan van het ondertekende formulier/), { target: { files: [new File(['%PDF-1.4'], 'formulier.pdf', { type: 'application/pdf' })] } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Antwoord vastleggen' }));

    // Upload, mutation and refetch: allow a loaded machine more than waitFor's default second.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 5000 });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/documents/cases/case-7');
    const form = init.body as FormData;
    expect(form.get('kind')).toBe('TOESTEMMING_SCAN');
    expect(form.get('audiences')).toBe('PARENTS');
    expect(sent).toEqual([{ input: { caseId: 'case-7', requestId: pending.id, decision: 'GIVEN', giverUserId: 'u-ouder', scanDocumentId: 'doc-scan-1', note: null } }]);
  });

  it('shows the api’s message when it refuses the scan, and records nothing', async () => {
    const sent: unknown[] = [];
    globalThis.fetch = jest.fn().mockResolvedValue(jsonResponse(400, { code: 'BAD_USER_INPUT', message: 'Alleen PDF-, PNG- of JPEG-bestanden kunnen worden toegevoegd' })) as unknown as typeof fetch;
    renderWithProviders(<ConsentsPanel consents={[pending]} mayWithdraw />, {
      session: { user: ZC_USER },
      mocks: [signersMock, { request: { query: RECORD_PAPER_CONSENT_MUTATION, variables: (vars: unknown) => (sent.push(vars), true) }, result: { data: { recordPaperConsent: null } } }],
    });
    const dialog = await openDialog();
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: /Ondertekend door/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Ouder Verzonnen (ouder)' }));
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Toestemming geweigerd' }));
    fireEvent.change(within(dialog).getByLabelText(/Scan van het ondertekende formulier/), { target: { files: [new File(['MZ'], 'formulier.pdf')] } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Antwoord vastleggen' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Alleen PDF-, PNG- of JPEG-bestanden kunnen worden toegevoegd');
    expect(sent).toEqual([]);
  });

  it('is offered on open requests only, and links a recorded scan', async () => {
    renderWithProviders(<ConsentsPanel consents={[{ ...pending, status: 'GIVEN', statusLabel: 'Gegeven', method: 'PAPER_SCAN', scanDocumentId: 'doc-scan-1', decidedAt: '2026-11-13T09:00:00Z', giverName: 'Ouder Verzonnen' }]} mayWithdraw />, {
      session: { user: ZC_USER },
    });
    expect(screen.queryByRole('button', { name: /papieren formulier vastleggen/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Toestemming voor aanmelding bij het ZAT: scan bekijken' }).getAttribute('href')).toBe('/cases/case-7/documents/doc-scan-1');
  });
});
