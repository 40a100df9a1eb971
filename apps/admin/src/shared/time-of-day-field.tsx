import { type FieldValues } from 'react-hook-form';
import { FormTextField, type FormTextFieldProps } from './form-text-field';

/**
 * The 24-hour time field of a form ("14:30"): a text field, because `<input type=time>` follows the browser's locale
 * (2:30 PM in an English or headless browser). Its value is checked by the form's schema (`optionalTimeOfDaySchema`).
 */
export function TimeOfDayField<TValues extends FieldValues, TContext = unknown, TTransformed = TValues>(props: Pick<FormTextFieldProps<TValues, TContext, TTransformed>, 'control' | 'name' | 'helperText'>) {
  return (
    <FormTextField
      {...props}
      label="Tijd"
      placeholder="14:30"
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { autoComplete: 'off', spellCheck: false } }}
    />
  );
}
