import { useQuery } from '@apollo/client/react';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { OPP_UITSTROOM_OPTIONS } from '@zorgroute/processes';
import { type ProcessType } from '../../gql/graphql';
import { useState } from 'react';
import { formatDutchDateInWords } from '../../shared/dates';
import { downloadWithToken } from '../../shared/download';
import { OPP_QUERY, type OppData, type OppVersion } from './opp.graphql';

const VERSION_STATUS: Record<string, string> = {
  CONCEPT: 'Concept',
  VASTGESTELD: 'Geldt nu',
  VERVANGEN: 'Vervangen',
  NIET_INGESTEMD: 'Geen instemming',
};

const uitstroomLabel = (value: string | undefined) => OPP_UITSTROOM_OPTIONS.find((o) => o.value === value)?.label ?? value ?? '';

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="subtitle2" component="h4">
        {label}
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
        {value}
      </Typography>
    </Box>
  );
}

/** One version: its content as far as the caller may see it, and the digest the parents' instemming names. */
export function OppVersionView({ version }: { version: OppVersion }) {
  return (
    <Box component="article" aria-label={`Versie ${version.version}`} data-testid={`opp-version-${version.version}`}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h3">Versie {version.version}</Typography>
        <Chip size="small" label={VERSION_STATUS[version.status] ?? version.status} color={version.status === 'VASTGESTELD' ? 'success' : 'default'} />
        <Typography variant="body2" color="text.secondary">
          opgesteld op {formatDutchDateInWords(version.drawnUpOn)}
          {version.agreedOn ? ` · ouders stemden in op ${formatDutchDateInWords(version.agreedOn)}` : ''}
        </Typography>
      </Box>
      <Field label="Wat is er veranderd" value={version.changeReason} />
      <Field label="Onderwijsbehoeften" value={version.onderwijsbehoeften} />
      <Field label="Belemmerende factoren" value={version.belemmerendeFactoren} />
      <Field label="Bevorderende factoren" value={version.bevorderendeFactoren} />
      <Field label="Uitstroomperspectief" value={uitstroomLabel(version.uitstroomperspectief)} />
      <Field label="Onderbouwing" value={version.uitstroomOnderbouwing} />
      {version.handelingsdeel && version.handelingsdeel.length > 0 && (
        <Box sx={{ mb: 1 }}>
          <Typography variant="subtitle2" component="h4">
            Handelingsdeel
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {version.handelingsdeel.map((l, i) => (
              <li key={i}>
                <Typography variant="body2">
                  {l.support} — {l.providedBy}, {l.duration}
                  {l.frequency ? ` (${l.frequency})` : ''}
                </Typography>
              </li>
            ))}
          </Box>
        </Box>
      )}
      <Field label="Afwijkingen van het onderwijsprogramma" value={version.programmeDeviations} />
      <Typography variant="caption" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
        Kenmerk (SHA-256): {version.digest}
      </Typography>
    </Box>
  );
}

/** The version in force (else the newest), the next evaluation, BRON and refusals with the route to the geschillencommissie. */
export function OppDetails({ opp, caseId }: { opp: OppData; caseId?: string }) {
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const versions = opp.versions ?? [];
  const shown = versions.find((v) => v.version === opp.conceptVersion) ?? versions.find((v) => v.version === opp.currentVersion) ?? versions[versions.length - 1];
  const lastRefusal = opp.refusals?.[opp.refusals.length - 1];
  return (
    <Paper component="section" aria-labelledby="opp-heading" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id="opp-heading" variant="h2" sx={{ mb: 1.5 }}>
        Ontwikkelingsperspectiefplan
      </Typography>
      {!shown && <Typography color="text.secondary">Er is nog geen versie opgesteld.</Typography>}
      {shown && <OppVersionView version={shown} />}
      {shown && caseId && (
        <Box sx={{ mt: 1.5 }}>
          <Button
            variant="outlined"
            size="small"
            startIcon={<PictureAsPdfIcon />}
            onClick={() => {
              setDownloadError(null);
              downloadWithToken(`/exports/opp/${encodeURIComponent(caseId)}.pdf?version=${shown.version}`, `ontwikkelingsperspectiefplan-versie-${shown.version}.pdf`).catch((e: unknown) =>
                setDownloadError(e instanceof Error ? e.message : 'Downloaden mislukt.'),
              );
            }}
          >
            Versie {shown.version} als PDF
          </Button>
          {downloadError && (
            <Alert severity="error" role="alert" sx={{ mt: 1 }}>
              {downloadError}
            </Alert>
          )}
        </Box>
      )}
      {opp.nextEvaluation && (
        <Typography variant="body2" sx={{ mt: 1.5 }}>
          Volgende evaluatie uiterlijk {formatDutchDateInWords(opp.nextEvaluation.date)}.
        </Typography>
      )}
      {opp.bron && <Typography variant="body2">Geregistreerd in BRON op {formatDutchDateInWords(opp.bron.registeredOn)}.</Typography>}
      {lastRefusal && (
        <Typography variant="body2" sx={{ mt: 1 }} data-testid="opp-refusal">
          Versie {lastRefusal.version}: geen instemming van de ouders ({formatDutchDateInWords(lastRefusal.on)}). {lastRefusal.route}
        </Typography>
      )}
      {versions.length > 1 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {versions.length} versies; de tijdlijn toont de wijzigingen.
        </Typography>
      )}
    </Paper>
  );
}

function OppLoader({ caseId }: { caseId: string }) {
  // Not cached: `case` (a CaseDetail has no id) would replace the case page's own CaseDetail in the cache.
  const { data } = useQuery(OPP_QUERY, { variables: { id: caseId }, fetchPolicy: 'no-cache' });
  const opp = data?.case.opp;
  return opp ? <OppDetails opp={opp} caseId={caseId} /> : null;
}

/** The OPP of a P7 case; nothing for other processes. The case page remounts it when the case changes. */
export function OppPanel({ caseId, process }: { caseId: string; process: ProcessType }) {
  return process === 'OPP' ? <OppLoader caseId={caseId} /> : null;
}
