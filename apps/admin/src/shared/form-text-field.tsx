import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { Controller, type Control, type ControllerProps, type FieldPath, type FieldValues } from 'react-hook-form';

/** Omit on each member of a union (TextFieldProps is one per variant), so that `variant` stays tied to its props. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What the form owns: the value, its handlers, the input's ref and whether it is invalid. */
type OwnedByForm = 'name' | 'value' | 'defaultValue' | 'onChange' | 'onBlur' | 'inputRef' | 'error';

export type FormTextFieldProps<TValues extends FieldValues, TContext = unknown, TTransformed = TValues> = DistributiveOmit<TextFieldProps, OwnedByForm> & {
  control: Control<TValues, TContext, TTransformed>;
  name: FieldPath<TValues>;
  /** Checks of a form without a schema (react-hook-form's rules). */
  rules?: ControllerProps<TValues, FieldPath<TValues>, TTransformed>['rules'];
};

/**
 * The one MUI text field (or select, with MenuItem children) of a react-hook-form form: the field's value and handlers,
 * its ref on the input (so a failed submit focuses it), and its validation message as the helper text — marking it
 * invalid (`aria-invalid`, tied by `aria-describedby`) — or else the given `helperText`.
 */
export function FormTextField<TValues extends FieldValues, TContext = unknown, TTransformed = TValues>({ control, name, rules, helperText, ...props }: FormTextFieldProps<TValues, TContext, TTransformed>) {
  return (
    <Controller
      name={name}
      control={control}
      rules={rules}
      render={({ field: { ref, ...field }, fieldState }) => (
        <TextField {...props} {...field} inputRef={ref} error={!!fieldState.error} helperText={fieldState.error?.message ?? helperText} />
      )}
    />
  );
}
