import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { makePupil, ZC_USER } from '../../test-utils/fixtures';
import { searchPupilsMock } from '../../test-utils/pupil-search-mock';
import { renderWithProviders } from '../../test-utils/render';
import { PupilAutocomplete, type PickedPupil as Pupil } from './pupil-autocomplete';
import { PupilSearchBox } from './pupil-search-box';

const zoe = makePupil({ id: 'p-zoe', displayName: 'Zoë Vermeulen', className: '3C', mentorName: 'Carla Mentink' });

function Picker({ onPicked }: { onPicked(p: Pupil | null): void }) {
  const [value, setValue] = useState<Pupil | null>(null);
  return (
    <PupilAutocomplete
      value={value}
      schoolId="school-1"
      onChange={(p) => {
        setValue(p);
        onPicked(p);
      }}
    />
  );
}

describe('PupilAutocomplete: the one pupil picker, a server search on a few letters', () => {
  it('asks for two letters before it searches, then searches once when the typing pauses', async () => {
    const onPicked = jest.fn();
    // Only the search for "zoe" is answered: a search for "z" or "zo" would fail the list ("kon niet worden geladen").
    renderWithProviders(<Picker onPicked={onPicked} />, { mocks: [{ ...searchPupilsMock('zoe', [zoe]), maxUsageCount: 1 }], session: { user: ZC_USER } });
    const input = screen.getByRole('combobox', { name: 'Leerling' });
    fireEvent.mouseDown(input);
    fireEvent.change(input, { target: { value: 'z' } });
    expect(await screen.findByText(/Typ minstens 2 letters/)).toBeTruthy();
    fireEvent.change(input, { target: { value: 'zo' } });
    fireEvent.change(input, { target: { value: 'zoe' } });
    const option = await screen.findByRole('option', { name: /Zoë Vermeulen \(3C\)/ }, { timeout: 5000 });
    expect(option.textContent).toContain('mentor Carla Mentink');
    expect(screen.queryByText('De lijst kon niet worden geladen.')).toBeNull();
    fireEvent.click(option);
    expect(onPicked).toHaveBeenCalledWith(expect.objectContaining({ id: 'p-zoe' }));
    expect((input as HTMLInputElement).value).toBe('Zoë Vermeulen (3C)');
  });

  it('says so when nobody is found', async () => {
    renderWithProviders(<Picker onPicked={jest.fn()} />, { mocks: [searchPupilsMock('xyz', [])], session: { user: ZC_USER } });
    const input = screen.getByRole('combobox', { name: 'Leerling' });
    fireEvent.mouseDown(input);
    fireEvent.change(input, { target: { value: 'xyz' } });
    expect(await screen.findByText('Geen leerlingen gevonden', {}, { timeout: 5000 })).toBeTruthy();
  });
});

describe('PupilSearchBox: the app bar search', () => {
  it('opens the page of the pupil chosen', async () => {
    renderWithProviders(<PupilSearchBox />, { mocks: [searchPupilsMock('ver', [zoe], null)], session: { user: ZC_USER } });
    expect(screen.getByRole('search')).toBeTruthy();
    const input = screen.getByRole('combobox', { name: 'Leerling zoeken' });
    fireEvent.mouseDown(input);
    fireEvent.change(input, { target: { value: 'ver' } });
    fireEvent.click(await screen.findByRole('option', { name: /Zoë Vermeulen/ }, { timeout: 5000 }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/pupils/p-zoe'));
  });
});
