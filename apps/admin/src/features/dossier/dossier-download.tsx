import { useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { type UserFieldsFragment as User } from '../../gql/graphql';
import { downloadWithToken } from '../../shared/download';
import { FormTextField } from '../../shared/form-text-field';
import { DOSSIER_EXPORT_OPTIONS_QUERY } from './dossier.graphql';

// "Dossier downloaden": a pupil's complete dossier for an access request, from `GET /exports/dossier/<pupilId>.json`
// or `.pdf` (apps/api/src/dossier, docs/security.md). The api decides, and says what it allows (`dossierExportOptions`):
// only those buttons are shown (issue 17.3) — the family the readable PDF, the school also the JSON with a reason.

export type DossierFormat = 'pdf' | 'json';

/** The api path of the export; an admin adds the reason, which the api writes to the audit trail. */
export function dossierPath(pupilId: string, format: DossierFormat, reason?: string | null): string {
  const r = reason?.trim();
  return `/exports/dossier/${encodeURIComponent(pupilId)}.${format}${r ? `?reason=${encodeURIComponent(r)}` : ''}`;
}

/**
 * Whether to ask the api at all for this user and a pupil of this school: the zorgcoördinator of the pupil's school,
 * an admin, a parent and the pupil himself. The api's answer (formats, reasons, the age rules) decides what is shown.
 */
export function mayExportDossier(user: Pick<User, 'role' | 'schoolId'> | null | undefined, pupilSchoolId: string): boolean {
  if (!user) return false;
  switch (user.role) {
    case 'ADMIN':
    case 'PARENT':
    case 'PUPIL':
      return true;
    case 'ZORGCOORDINATOR':
      return user.schoolId === pupilSchoolId;
    default:
      return false;
  }
}

const fileName = (pupilName: string, format: DossierFormat) =>
  `dossier-${pupilName.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'leerling'}.${format}`;

const FORMAT_LABEL: Record<DossierFormat, string> = { pdf: 'PDF', json: 'JSON' };

/** The reason for an export (3–1000 characters): the api writes it to the audit trail. */
export const exportReasonSchema = z.object({
  reason: z.string().trim().min(3, 'Geef een reden (minstens 3 tekens); die komt in het auditlog.').max(1000, 'De reden mag hoogstens 1000 tekens lang zijn.'),
});

type ExportReasonValues = z.infer<typeof exportReasonSchema>;

function ReasonDialog({ format, onClose, onSubmit }: { format: DossierFormat; onClose(): void; onSubmit(reason: string): Promise<void> }) {
  const titleId = useId();
  const { control, handleSubmit, formState } = useForm<ExportReasonValues>({ resolver: zodResolver(exportReasonSchema), defaultValues: { reason: '' } });
  const busy = formState.isSubmitting;
  const submit = handleSubmit(async (values) => {
    await onSubmit(values.reason.trim());
  });
  return (
    <Dialog open onClose={() => !busy && onClose()} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id={titleId}>Dossier downloaden ({FORMAT_LABEL[format]})</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>Vul de reden voor deze export in, bijvoorbeeld het inzageverzoek waarvoor u het dossier nodig hebt.</DialogContentText>
          <FormTextField
            name="reason"
            control={control}
            label="Reden"
            required
            multiline
            minRows={2}
            autoFocus
            fullWidth
            helperText="Wordt met uw naam vastgelegd in het auditlog."
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            Annuleren
          </Button>
          <Button type="submit" variant="contained" disabled={busy} startIcon={busy ? <CircularProgress color="inherit" size={16} aria-hidden /> : undefined}>
            Downloaden
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/**
 * "Dossier downloaden (PDF)" and, for the school, "(JSON)" for one pupil: exactly the formats the api allows this user;
 * a format that needs a reason asks for it in a small dialog first. When the api allows nothing, the family reads why
 * (e.g. a pupil under 16); staff see nothing.
 */
export function DossierDownload(props: { user: Pick<User, 'role' | 'schoolId'> | null | undefined; pupilId: string; pupilName: string; pupilSchoolId: string }) {
  if (!mayExportDossier(props.user, props.pupilSchoolId)) return null;
  return <DossierDownloadButtons {...props} />;
}

function DossierDownloadButtons({ user, pupilId, pupilName }: { user: Pick<User, 'role' | 'schoolId'> | null | undefined; pupilId: string; pupilName: string }) {
  const [asking, setAsking] = useState<DossierFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<DossierFormat | null>(null);
  const options = useQuery(DOSSIER_EXPORT_OPTIONS_QUERY, { variables: { pupilId }, fetchPolicy: 'cache-and-network' });
  const allowed = options.data?.dossierExportOptions;
  if (!allowed) return null;
  const family = user?.role === 'PARENT' || user?.role === 'PUPIL';
  const formats = (['pdf', 'json'] as const).filter((f) => allowed.formats.includes(f));
  if (!formats.length) {
    return family && allowed.refusal ? (
      <Typography variant="body2" color="text.secondary" data-testid="dossier-download">
        {allowed.refusal}.
      </Typography>
    ) : null;
  }

  const download = async (format: DossierFormat, reason?: string) => {
    setError(null);
    setBusy(format);
    try {
      await downloadWithToken(dossierPath(pupilId, format, reason), fileName(pupilName, format));
      setAsking(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Downloaden mislukt.');
      setAsking(null);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Box data-testid="dossier-download">
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {formats.map((format) => (
          <Button
            key={format}
            size="small"
            variant="outlined"
            startIcon={busy === format ? <CircularProgress size={16} aria-hidden /> : <DownloadIcon aria-hidden />}
            disabled={busy !== null}
            onClick={() => (allowed.reasonRequired.includes(format) ? setAsking(format) : void download(format))}
          >
            Dossier downloaden ({FORMAT_LABEL[format]})
          </Button>
        ))}
      </Box>
      {error && (
        <Alert severity="error" sx={{ mt: 1 }} onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {asking && <ReasonDialog format={asking} onClose={() => setAsking(null)} onSubmit={(reason) => download(asking, reason)} />}
    </Box>
  );
}
