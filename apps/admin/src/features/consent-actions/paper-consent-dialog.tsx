import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import { useId, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { type ConsentFieldsFragment } from '../../gql/graphql';
import { ErrorAlert } from '../../shared/error-alert';
import { FormTextField } from '../../shared/form-text-field';
import { newClientRequestId, uploadCaseDocument } from '../case-detail/upload-document';
import { PUPIL_CUSTODY_QUERY, type PupilCustody } from '../custody/custody.graphql';
import { RECORD_PAPER_CONSENT_MUTATION } from './consent-actions.graphql';

/** The api's bound of the note (PaperConsentInput). */
const NOTE_MAX = 1000;
/** What the upload accepts (the api sniffs the content; this only narrows the file picker). */
const ACCEPT = 'application/pdf,image/png,image/jpeg';

export interface PaperConsentDialogProps {
  consent: Pick<ConsentFieldsFragment, 'id' | 'caseId' | 'label' | 'pupilId' | 'pupilMayDecide'>;
  onClose(): void;
  onDone(): void;
}

interface PaperConsentValues {
  giverUserId: string;
  decision: 'GIVEN' | 'REFUSED' | '';
  note: string;
}

/** Who may have signed: guardians with parental authority, and the pupil himself where he decides (16+). */
export function consentSigners(custody: PupilCustody | undefined, pupilMayDecide: boolean): { userId: string; label: string }[] {
  if (!custody) return [];
  const parents = custody.guardians.filter((g) => g.hasParentalAuthority).map((g) => ({ userId: g.userId, label: `${g.name} (${g.relation})` }));
  const pupil = pupilMayDecide && custody.pupilAccount ? [{ userId: custody.pupilAccount.userId, label: `${custody.pupilAccount.name} (leerling)` }] : [];
  return [...parents, ...pupil];
}

/**
 * Records a signed paper consent form on the family's behalf (PROCESSES.md rule 2): the zorgcoördinator picks who
 * signed and what, and uploads the scan, which becomes a document of the case the family can read; the workflow keeps
 * the scan's id with the answer.
 */
export function PaperConsentDialog({ consent, onClose, onDone }: PaperConsentDialogProps) {
  const titleId = useId();
  const fileId = useId();
  const signers = useQuery(PUPIL_CUSTODY_QUERY, { variables: { pupilId: consent.pupilId } });
  const options = consentSigners(signers.data?.pupilCustody, consent.pupilMayDecide);
  const { control, handleSubmit, setError, formState } = useForm<PaperConsentValues>({ defaultValues: { giverUserId: '', decision: '', note: '' } });
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [uploadProblem, setUploadProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  // One client request id per chosen file: a retried upload of the same scan stores it once.
  const attempt = useRef<string>(newClientRequestId());
  const scanId = useRef<{ file: File; id: string } | null>(null);
  const [record, mutation] = useMutation(RECORD_PAPER_CONSENT_MUTATION, { refetchQueries: ['CaseDetail', 'CaseDocuments'], awaitRefetchQueries: true });
  const busy = uploading || mutation.loading;

  const submit = handleSubmit(async (values) => {
    let ok = true;
    if (!values.giverUserId) {
      setError('giverUserId', { message: 'Kies wie het formulier ondertekende' });
      ok = false;
    }
    if (!values.decision) {
      setError('decision', { message: 'Kies of er toestemming is gegeven of geweigerd' });
      ok = false;
    }
    if (!file) {
      setFileProblem('Voeg de scan van het ondertekende formulier toe');
      ok = false;
    }
    if (!ok || !file || !values.decision) return;
    setUploadProblem(null);
    try {
      if (scanId.current?.file !== file) {
        setUploading(true);
        const doc = await uploadCaseDocument({ caseId: consent.caseId, kind: 'TOESTEMMING_SCAN', audiences: ['PARENTS'], file, clientRequestId: attempt.current });
        scanId.current = { file, id: doc.id };
      }
    } catch (err) {
      setUploadProblem(err instanceof Error ? err.message : 'Uploaden mislukt.');
      return;
    } finally {
      setUploading(false);
    }
    try {
      await record({
        variables: {
          input: { caseId: consent.caseId, requestId: consent.id, decision: values.decision, giverUserId: values.giverUserId, scanDocumentId: scanId.current.id, note: values.note.trim() || null },
        },
      });
      onDone();
    } catch {
      // Shown from mutation.error.
    }
  });

  return (
    <Dialog open onClose={() => !busy && onClose()} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id={titleId}>Papieren toestemming vastleggen</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {consent.label}. Leg het antwoord van het ondertekende formulier vast en voeg de scan toe; de ouders kunnen de scan in hun dossier inzien.
          </DialogContentText>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {signers.error && <ErrorAlert error={signers.error} />}
            {mutation.error && <ErrorAlert error={mutation.error} />}
            {uploadProblem && (
              <Alert severity="error" role="alert">
                {uploadProblem}
              </Alert>
            )}
            <FormTextField
              name="giverUserId"
              control={control}
              select
              required
              label="Ondertekend door"
              helperText={signers.loading ? 'Ouders worden geladen…' : options.length === 0 ? 'Er is geen ouder/verzorger met gezag bekend.' : ' '}
            >
              {options.map((o) => (
                <MenuItem key={o.userId} value={o.userId}>
                  {o.label}
                </MenuItem>
              ))}
            </FormTextField>
            <Controller
              name="decision"
              control={control}
              render={({ field, fieldState }) => (
                <FormControl error={!!fieldState.error} required>
                  <FormLabel id={`${titleId}-decision`}>Antwoord op het formulier</FormLabel>
                  <RadioGroup {...field} aria-labelledby={`${titleId}-decision`} row>
                    <FormControlLabel value="GIVEN" control={<Radio />} label="Toestemming gegeven" />
                    <FormControlLabel value="REFUSED" control={<Radio />} label="Toestemming geweigerd" />
                  </RadioGroup>
                  {fieldState.error && <FormHelperText>{fieldState.error.message}</FormHelperText>}
                </FormControl>
              )}
            />
            <FormControl error={!!fileProblem} required>
              <FormLabel htmlFor={fileId}>Scan van het ondertekende formulier (pdf, png of jpg)</FormLabel>
              <input
                id={fileId}
                type="file"
                accept={ACCEPT}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setFileProblem(null);
                  attempt.current = newClientRequestId();
                }}
              />
              {fileProblem && <FormHelperText>{fileProblem}</FormHelperText>}
            </FormControl>
            <FormTextField
              name="note"
              control={control}
              rules={{ maxLength: { value: NOTE_MAX, message: `De toelichting mag maximaal ${NOTE_MAX} tekens lang zijn` } }}
              label="Toelichting (optioneel)"
              multiline
              minRows={2}
              helperText=" "
              slotProps={{ htmlInput: { maxLength: NOTE_MAX } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            Annuleren
          </Button>
          <Button type="submit" variant="contained" disabled={busy || formState.isSubmitting} startIcon={busy ? <CircularProgress color="inherit" size={16} aria-hidden /> : undefined}>
            Antwoord vastleggen
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
