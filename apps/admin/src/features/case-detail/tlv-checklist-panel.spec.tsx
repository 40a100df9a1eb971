import { screen, within } from '@testing-library/react';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { TLV_CHECKLIST_QUERY, type TlvChecklistItem } from './tlv-checklist.graphql';
import { TlvChecklistDetails, TlvChecklistPanel } from './tlv-checklist-panel';

const PARENT_USER = { ...ZC_USER, id: 'user-p', name: 'Petra Veldkamp', role: 'PARENT' as const, schoolId: null, schoolName: null };

const item = (over: Partial<TlvChecklistItem>): TlvChecklistItem & { __typename: 'TlvChecklistItem' } => ({
  __typename: 'TlvChecklistItem',
  item: 'OPP',
  label: 'Ontwikkelingsperspectiefplan (OPP)',
  required: true,
  present: false,
  reference: null,
  date: null,
  note: null,
  ...over,
});

describe('TlvChecklistPanel', () => {
  it('lists what is missing and what is present, with the reference and the date in words, and says the request is not complete', () => {
    renderWithProviders(
      <TlvChecklistDetails
        checklist={{
          complete: false,
          items: [
            item({ item: 'OPP', present: true, reference: 'OPP versie 2', date: '2027-01-12' }),
            item({ item: 'HANDTEKENING_OUDERS', label: 'Handtekening van de ouders', present: true, reference: 'Akkoord van de ouders in Zorgroute' }),
            item({ item: 'ONDERZOEKSVERSLAG', label: 'Onderzoeksverslag' }),
          ],
        }}
      />,
      { session: { user: ZC_USER } },
    );
    expect(screen.getByRole('alert').textContent).toContain('1 onderdeel ontbreekt');
    const missing = screen.getByRole('list', { name: 'Ontbreekt' });
    expect(within(missing).getAllByRole('listitem').map((l) => l.getAttribute('data-item'))).toEqual(['ONDERZOEKSVERSLAG']);
    expect(within(missing).getByText(/ontbreekt/)).toBeTruthy();
    const present = screen.getByRole('list', { name: 'Aanwezig' });
    expect(within(present).getAllByRole('listitem').map((l) => l.getAttribute('data-item'))).toEqual(['OPP', 'HANDTEKENING_OUDERS']);
    expect(within(present).getByText('OPP versie 2 · van dinsdag 12 januari 2027')).toBeTruthy();
    expect(within(present).getByText('Akkoord van de ouders in Zorgroute')).toBeTruthy();
  });

  it('says the dossier is complete when every required item is present', () => {
    renderWithProviders(<TlvChecklistDetails checklist={{ complete: true, items: [item({ present: true })] }} />, { session: { user: ZC_USER } });
    expect(screen.getByRole('alert').textContent).toContain('compleet volgens de checklist');
    expect(screen.queryByRole('list', { name: 'Ontbreekt' })).toBeNull();
  });

  it('shows nothing for other processes', () => {
    const { container } = renderWithProviders(<TlvChecklistPanel caseId="case-1" process="OPP" />, { session: { user: ZC_USER } });
    expect(container.textContent).toBe('');
  });

  it('loads the checklist of a TLV case for the family too', async () => {
    renderWithProviders(<TlvChecklistPanel caseId="tlv-1" process="TLV" />, {
      session: { user: PARENT_USER },
      mocks: [
        {
          request: { query: TLV_CHECKLIST_QUERY, variables: { id: 'tlv-1' } },
          result: { data: { case: { __typename: 'CaseDetail', summary: { __typename: 'CaseSummary', id: 'tlv-1' }, tlvChecklist: { __typename: 'TlvChecklist', complete: false, items: [item({})] } } } },
        },
      ],
    });
    expect(await screen.findByText('Checklist TLV-dossier')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Ontbreekt' })).toBeTruthy();
  });
});
