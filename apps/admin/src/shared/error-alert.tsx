import Alert, { type AlertProps } from '@mui/material/Alert';
import { errorMessage } from './graphql-error';

export interface ErrorAlertProps extends Omit<AlertProps, 'children' | 'severity'> {
  error: unknown;
}

/** Shows an API error's Dutch message. */
export function ErrorAlert({ error, ...props }: ErrorAlertProps) {
  return (
    <Alert severity="error" role="alert" {...props}>
      {errorMessage(error)}
    </Alert>
  );
}
