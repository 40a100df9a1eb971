import { zodResolver } from '@hookform/resolvers/zod';
import MenuItem from '@mui/material/MenuItem';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormTextField } from './form-text-field';

const schema = z.object({
  name: z.string().trim().min(2, 'De naam moet minstens 2 tekens lang zijn.'),
  region: z.enum(['noord', 'zuid']),
});

function Form({ onValid }: { onValid(values: z.infer<typeof schema>): void }) {
  const { control, handleSubmit } = useForm<z.input<typeof schema>, unknown, z.infer<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { name: '', region: 'noord' } });
  return (
    <form aria-label="Proef" onSubmit={(e) => void handleSubmit(onValid)(e)} noValidate>
      <FormTextField name="name" control={control} label="Naam" required helperText="Bijvoorbeeld Jan" slotProps={{ htmlInput: { 'data-testid': 'name-input' } }} />
      <FormTextField name="region" control={control} select label="Regio">
        <MenuItem value="noord">Noord</MenuItem>
        <MenuItem value="zuid">Zuid</MenuItem>
      </FormTextField>
      <button type="submit">Opslaan</button>
    </form>
  );
}

describe('FormTextField', () => {
  it('shows the given helper text, then the validation message on the invalid field, and focuses it', async () => {
    const onValid = jest.fn();
    render(<Form onValid={onValid} />);
    const input = screen.getByRole('textbox', { name: 'Naam' });
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByText('Bijvoorbeeld Jan')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    const message = screen.getByText('De naam moet minstens 2 tekens lang zijn.');
    expect(input.getAttribute('aria-describedby')).toBe(message.id);
    expect(screen.queryByText('Bijvoorbeeld Jan')).toBeNull();
    // The ref sits on the input, so react-hook-form focuses the first invalid field.
    expect(document.activeElement).toBe(input);
    expect(screen.getByTestId('name-input')).toBe(input);
    expect(onValid).not.toHaveBeenCalled();
  });

  it('hands the typed and chosen values to the form', async () => {
    const onValid = jest.fn();
    render(<Form onValid={onValid} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Naam' }), { target: { value: '  Anna ' } });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Regio' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Zuid' }));
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(onValid).toHaveBeenCalledWith({ name: 'Anna', region: 'zuid' }, expect.anything()));
  });
});
