import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { makeCase, makePupil, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { GIVE_CONSENT_MUTATION } from './my-cases.graphql';
import { reportRows, TransferReportCard, zienswijzeError } from './transfer-report-card';
import { ADD_ZIENSWIJZE_MUTATION, TRANSFER_REPORT_QUERY } from './transfer-report.graphql';

const PARENT = { ...ZC_USER, id: 'parent-1', name: 'Mark Bakker', role: 'PARENT' as const };
const summary = makeCase({ id: 'overdracht-1', process: 'OVERDRACHT', pupil: makePupil({ displayName: 'Lina Bakker' }) });

const okr = {
  __typename: 'OverdrachtOkr',
  schooladvies: 'havo/vwo',
  taalLezen: '2F',
  rekenen: null,
  sociaalEmotioneel: null,
  werkhouding: 'Zelfstandig',
  externeZorg: null,
  supportNeeds: true,
  supportNeedsDescription: 'Vaste mentor',
  recordedOn: '2026-11-20',
};

function report(zienswijzen: Array<{ text: string }> = [], status = 'PENDING') {
  return {
    request: { query: TRANSFER_REPORT_QUERY, variables: { id: 'overdracht-1' } },
    result: {
      data: {
        overdrachtCase: {
          __typename: 'OverdrachtCase',
          detail: { __typename: 'CaseDetail', summary: { __typename: 'CaseSummary', id: 'overdracht-1', status: 'INZAGE_OUDERS', statusLabel: 'Inzage ouders' } },
          poSchoolName: 'OBS De Wilg',
          okr,
          zienswijzen: zienswijzen.map((z) => ({ __typename: 'OverdrachtZienswijze', parentName: 'Mark Bakker', text: z.text, addedOn: '2026-11-20' })),
          consent: { __typename: 'OverdrachtConsentSummary', requestId: 'overdracht-1:consent:OVERDRACHT_OKR:1', status, respondBy: '2026-11-27', decidedAt: null },
          sentOn: null,
        },
      },
    },
  };
}

describe('the transfer report for the parent', () => {
  it('shows the filled-in parts of the report and checks the view', () => {
    expect(reportRows(okr).map((r) => r.label)).toEqual(['Schooladvies', 'Taal en lezen', 'Werkhouding', 'Extra ondersteuning nodig']);
    expect(reportRows(okr).at(-1)?.value).toBe('Ja: Vaste mentor');
    expect(zienswijzeError('  ok ')).toBe('Schrijf minstens 3 tekens.');
    expect(zienswijzeError('Goede start nodig')).toBeNull();
  });

  it('saves a typed view before giving consent', async () => {
    const text = 'Lina heeft een vaste mentor nodig';
    const addView = jest.fn(() => ({ data: { addOverdrachtZienswijze: { __typename: 'CaseSummary', id: 'overdracht-1', status: 'INZAGE_OUDERS' } } }));
    const give = jest.fn(() => ({
      data: {
        giveConsent: {
          __typename: 'ConsentRecord',
          id: 'overdracht-1:consent:OVERDRACHT_OKR:1',
          caseId: 'overdracht-1',
          kind: 'OVERDRACHT_OKR',
          label: 'Overdracht',
          process: 'OVERDRACHT',
          pupilId: 'pupil-1',
          scope: 'x',
          status: 'GIVEN',
          statusLabel: 'Gegeven',
          requestedAt: '2026-11-20T08:00:00Z',
          respondBy: '2026-11-27',
          decidedAt: '2026-11-20T09:00:00Z',
          giverName: 'Mark Bakker',
          method: 'DIGITAL',
          pupilMayDecide: false,
        },
      },
    }));
    renderWithProviders(<TransferReportCard summary={summary} />, {
      session: { user: PARENT },
      mocks: [
        report(),
        { request: { query: ADD_ZIENSWIJZE_MUTATION, variables: { caseId: 'overdracht-1', text } }, result: addView },
        report([{ text }]),
        { request: { query: GIVE_CONSENT_MUTATION, variables: { input: { caseId: 'overdracht-1', requestId: 'overdracht-1:consent:OVERDRACHT_OKR:1', decision: 'GIVEN' } } }, result: give },
        report([{ text }], 'GIVEN'),
      ],
    });
    const card = await screen.findByRole('article', { name: 'Overdrachtsrapport van Lina Bakker' });
    expect(within(await within(card).findByLabelText('Inhoud van het rapport')).getByText('havo/vwo')).toBeTruthy();

    const field = within(card).getByRole('textbox', { name: /Uw zienswijze/ });
    fireEvent.change(field, { target: { value: 'ok' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Ik geef toestemming voor de overdracht' }));
    expect(await within(card).findByText('Schrijf minstens 3 tekens.')).toBeTruthy();
    expect(give).not.toHaveBeenCalled();

    fireEvent.change(field, { target: { value: `  ${text} ` } });
    fireEvent.click(within(card).getByRole('button', { name: 'Ik geef toestemming voor de overdracht' }));
    expect(await within(card).findByText(/Uw toestemming is vastgelegd/)).toBeTruthy();
    await waitFor(() => expect(give).toHaveBeenCalled());
    expect(addView).toHaveBeenCalled();
  });
});
