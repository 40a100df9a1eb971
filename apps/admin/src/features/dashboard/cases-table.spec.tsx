import { fireEvent, screen, within } from '@testing-library/react';
import { makeCase, makePupil } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { CasesTable } from './cases-table';

const TODAY = '2026-11-20'; // Friday

const cases = [
  makeCase({ id: 'later', nextDueDate: '2026-11-25', pupil: makePupil({ id: 'p1', displayName: 'Anna Later' }) }),
  makeCase({ id: 'none', nextDueDate: null, pupil: makePupil({ id: 'p2', displayName: 'Bram Geen' }) }),
  makeCase({ id: 'overdue', nextDueDate: '2026-11-18', pupil: makePupil({ id: 'p3', displayName: 'Cas Laat' }) }),
  makeCase({ id: 'soon', nextDueDate: '2026-11-21', pupil: makePupil({ id: 'p4', displayName: 'Dewi Morgen' }) }),
];

function rowIds(): string[] {
  const body = screen.getAllByRole('rowgroup')[1];
  return within(body)
    .getAllByRole('row')
    .map((row) => row.getAttribute('data-case-id') ?? '');
}

describe('CasesTable', () => {
  it('sorts by next due date, soonest first, cases without a due date last', () => {
    renderWithProviders(<CasesTable cases={cases} today={TODAY} />);
    expect(rowIds()).toEqual(['overdue', 'soon', 'later', 'none']);
  });

  it('reverses the order when the due date header is clicked, keeping cases without a date last', () => {
    renderWithProviders(<CasesTable cases={cases} today={TODAY} />);
    const header = screen.getByRole('columnheader', { name: /Volgende deadline/ });
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(header).getByRole('button'));
    expect(rowIds()).toEqual(['later', 'soon', 'overdue', 'none']);
    expect(header.getAttribute('aria-sort')).toBe('descending');
  });

  it('marks overdue cases in red with how late they are', () => {
    renderWithProviders(<CasesTable cases={cases} today={TODAY} />);
    const overdueRow = screen.getByRole('row', { name: /Cas Laat/ });
    expect(overdueRow.getAttribute('data-overdue')).toBe('true');
    const badge = within(overdueRow).getByText('2 dagen te laat');
    expect(badge.closest('.MuiChip-root')?.classList.contains('MuiChip-colorError')).toBe(true);
    expect(within(overdueRow).getByText('wo 18 nov. 2026')).toBeTruthy();

    const soonRow = screen.getByRole('row', { name: /Dewi Morgen/ });
    expect(soonRow.getAttribute('data-overdue')).toBe('false');
    expect(within(soonRow).getByText('morgen').closest('.MuiChip-root')?.classList.contains('MuiChip-colorError')).toBe(false);
  });

  it('links each pupil to the case page and his pupil page, and shows Dutch process names', () => {
    renderWithProviders(<CasesTable cases={[makeCase({ id: 'c-9', process: 'OVERDRACHT' })]} today={TODAY} />);
    expect(screen.getByRole('link', { name: 'Sanne de Vries' }).getAttribute('href')).toBe('/cases/c-9');
    const pupilPage = screen.getByRole('link', { name: 'Leerlingpagina' });
    expect(pupilPage.getAttribute('href')).toBe('/pupils/pupil-1');
    // On its own line (a block of its own), also for a pupil without a class: it ran into the name ("Olivier PrinsLeerlingpagina").
    expect(pupilPage.parentElement?.tagName).toBe('DIV');
    expect(pupilPage.parentElement?.textContent).toBe('Leerlingpagina');
    expect(screen.getByText('Overdracht PO→VO')).toBeTruthy();
  });
});
