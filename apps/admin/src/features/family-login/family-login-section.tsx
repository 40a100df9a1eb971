import { useMutation } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import KeyIcon from '@mui/icons-material/Key';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { type UserFieldsFragment as User } from '../../gql/graphql';
import { ErrorAlert } from '../../shared/error-alert';
import { FormTextField } from '../../shared/form-text-field';
import { FINISH_PASSKEY_LOGIN_MUTATION, REQUEST_EMAIL_LOGIN_CODE_MUTATION, START_PASSKEY_LOGIN_MUTATION, VERIFY_EMAIL_LOGIN_CODE_MUTATION } from './family-login.graphql';

/**
 * The address a code is asked for: something with an @ (the api answers the same for any address). The development
 * login on the same page asks for an address in the same way.
 */
export const emailFormSchema = z.object({
  email: z
    .string()
    .trim()
    .refine((a) => a.length > 0 && a.includes('@'), 'Vul een geldig e-mailadres in.'),
});

/** The code from the e-mail: eight digits (the button waits for eight characters). */
const codeFormSchema = z.object({
  code: z.string().trim().min(8, 'Vul de code van acht cijfers uit de e-mail in.'),
});

export type EmailFormValues = z.infer<typeof emailFormSchema>;
type CodeFormValues = z.infer<typeof codeFormSchema>;

/**
 * The login of parents/guardians and pupils without a school account (after an accepted invitation): a passkey, or a
 * one-time code sent by e-mail. The page says the same whether an address is known or not.
 */
export function FamilyLoginSection({ onLoggedIn }: { onLoggedIn: (user: User) => void }) {
  const emailForm = useForm<EmailFormValues>({ resolver: zodResolver(emailFormSchema), defaultValues: { email: '' } });
  const codeForm = useForm<CodeFormValues>({ resolver: zodResolver(codeFormSchema), defaultValues: { code: '' } });
  const code = useWatch({ control: codeForm.control, name: 'code' });
  const [codeSentTo, setCodeSentTo] = useState<string | null>(null);
  const [requestCode, requesting] = useMutation(REQUEST_EMAIL_LOGIN_CODE_MUTATION);
  const [verifyCode, verifying] = useMutation(VERIFY_EMAIL_LOGIN_CODE_MUTATION);
  const [startPasskey] = useMutation(START_PASSKEY_LOGIN_MUTATION);
  const [finishPasskey] = useMutation(FINISH_PASSKEY_LOGIN_MUTATION);
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  const [passkeyError, setPasskeyError] = useState<unknown>(null);

  const onRequest = emailForm.handleSubmit(async (values) => {
    const address = values.email.trim();
    try {
      await requestCode({ variables: { email: address } });
      setCodeSentTo(address);
      codeForm.reset({ code: '' });
    } catch {
      // rendered from the mutation state
    }
  });

  const onVerify = codeForm.handleSubmit(async (values) => {
    if (!codeSentTo) return;
    try {
      const result = await verifyCode({ variables: { email: codeSentTo, code: values.code.trim() } });
      if (result.data) onLoggedIn(result.data.verifyEmailLoginCode.user);
    } catch {
      // rendered from the mutation state
    }
  });

  const withPasskey = async () => {
    setPasskeyBusy(true);
    setPasskeyError(null);
    try {
      const options = await startPasskey();
      if (!options.data) return;
      const response = await startAuthentication({ optionsJSON: JSON.parse(options.data.startPasskeyLogin) as Parameters<typeof startAuthentication>[0]['optionsJSON'] });
      const result = await finishPasskey({ variables: { response: JSON.stringify(response) } });
      if (result.data) onLoggedIn(result.data.finishPasskeyLogin.user);
    } catch (error) {
      setPasskeyError(error);
    } finally {
      setPasskeyBusy(false);
    }
  };

  return (
    <Box component="section" aria-labelledby="family-login-heading" sx={{ mb: 3 }}>
      <Typography id="family-login-heading" variant="h2" component="h2" sx={{ mb: 1 }}>
        Ouders, verzorgers en leerlingen
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Heeft u een uitnodiging van de school aangenomen? Log dan in met uw passkey of met een code per e-mail.
      </Typography>
      {browserSupportsWebAuthn() && (
        <Box sx={{ mb: 2 }}>
          <Button variant="contained" startIcon={<KeyIcon aria-hidden />} onClick={() => void withPasskey()} disabled={passkeyBusy}>
            Inloggen met passkey
          </Button>
          {!!passkeyError && <ErrorAlert error={passkeyError} sx={{ mt: 1 }} />}
        </Box>
      )}
      {!codeSentTo ? (
        <Box component="form" onSubmit={(e) => void onRequest(e)} noValidate sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <FormTextField
            name="email"
            control={emailForm.control}
            label="E-mailadres voor een inlogcode"
            type="email"
            autoComplete="email"
            helperText=" "
            size="small"
            sx={{ flex: '1 1 260px' }}
          />
          <Button type="submit" variant="outlined" disabled={requesting.loading} sx={{ mt: '2px' }}>
            Stuur mij een code
          </Button>
        </Box>
      ) : (
        <Box component="form" onSubmit={(e) => void onVerify(e)} noValidate>
          <Alert severity="info" role="status" sx={{ mb: 2 }}>
            Als {codeSentTo} bij ons een inlog heeft, ontvangt u binnen een minuut een code van acht cijfers. De code is tien minuten geldig.
          </Alert>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
            <FormTextField
              name="code"
              control={codeForm.control}
              label="Inlogcode"
              autoComplete="one-time-code"
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 12 } }}
              size="small"
              sx={{ flex: '0 1 200px' }}
            />
            <Button type="submit" variant="contained" disabled={verifying.loading || code.trim().length < 8} sx={{ mt: '2px' }}>
              Inloggen met code
            </Button>
            <Button onClick={() => setCodeSentTo(null)} sx={{ mt: '2px' }}>
              Ander adres of nieuwe code
            </Button>
          </Stack>
        </Box>
      )}
      {requesting.error && <ErrorAlert error={requesting.error} sx={{ mt: 1 }} />}
      {verifying.error && <ErrorAlert error={verifying.error} sx={{ mt: 1 }} />}
    </Box>
  );
}
