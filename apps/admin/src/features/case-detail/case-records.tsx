import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { type CaseDetailQuery } from '../../gql/graphql';

type CaseDetailCase = CaseDetailQuery['case'];
/** A consent on the case page: the shared consent fields and, under joint custody, who still has to answer. */
type CaseConsent = CaseDetailCase['consents'][number];
type Delivery = NonNullable<CaseDetailCase['deliveries']>[number];
type ThermometerPoint = CaseDetailCase['sessions'][number];
import { formatDutchDate, formatDutchDateTime } from '../../shared/dates';
import { ThermometerChart } from '../../shared/thermometer-chart';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { PaperConsentDialog } from '../consent-actions/paper-consent-dialog';
import { WithdrawConsentDialog } from '../consent-actions/withdraw-consent-dialog';
import { Section } from '../../shared/section';

const listSx = { listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.25 } as const;

/** The pupil's goal and the thermometer over the sessions. */
export function GoalPanel({ goal, coachName, sessions }: { goal?: string | null; coachName?: string | null; sessions: readonly ThermometerPoint[] }) {
  return (
    <Section id="goal-heading" title="Doel en thermometer">
      <Typography variant="body1" sx={{ mb: 1 }} data-testid="case-goal">
        {goal ? <>Doel van de leerling: <strong>{goal}</strong></> : <span>Er is nog geen doel vastgelegd.</span>}
      </Typography>
      {coachName && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Coach: {coachName}
        </Typography>
      )}
      <ThermometerChart sessions={sessions} />
    </Section>
  );
}

const CONSENT_COLOR: Record<string, 'success' | 'error' | 'warning' | 'default'> = {
  GIVEN: 'success',
  REFUSED: 'error',
  TIMED_OUT: 'warning',
  PENDING: 'warning',
};

/**
 * The consents of the case. With `mayWithdraw` (the zorgcoördinator or an admin, as the api allows), a given consent
 * can be withdrawn on the family's behalf, and an open request answered with a signed paper form and its scan.
 */
export function ConsentsPanel({ consents, mayWithdraw = false }: { consents: readonly CaseConsent[]; mayWithdraw?: boolean }) {
  const [withdrawing, setWithdrawing] = useState<CaseConsent | null>(null);
  const [onPaper, setOnPaper] = useState<CaseConsent | null>(null);
  return (
    <Section id="consents-heading" title="Toestemmingen">
      {withdrawing && <WithdrawConsentDialog consent={withdrawing} onClose={() => setWithdrawing(null)} onDone={() => setWithdrawing(null)} />}
      {onPaper && <PaperConsentDialog consent={onPaper} onClose={() => setOnPaper(null)} onDone={() => setOnPaper(null)} />}
      {consents.length === 0 ? (
        <Typography color="text.secondary">Geen toestemmingen gevraagd.</Typography>
      ) : (
        <Box component="ul" sx={listSx}>
          {consents.map((c) => (
            <Box component="li" key={c.id} sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
              <Chip size="small" label={c.statusLabel} color={CONSENT_COLOR[c.status] ?? 'default'} variant={c.status === 'PENDING' ? 'outlined' : 'filled'} />
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {c.label}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                gevraagd {formatDutchDateTime(c.requestedAt)}
                {c.status === 'PENDING' ? ` · antwoord uiterlijk ${formatDutchDate(c.respondBy)}` : ''}
                {c.decidedAt ? ` · ${c.giverName ?? 'onbekend'} op ${formatDutchDateTime(c.decidedAt)}${c.method === 'PAPER_SCAN' ? ' (papier)' : ''}` : ''}
                {c.withdrawnAt ? ` · ingetrokken op ${formatDutchDateTime(c.withdrawnAt)}` : ''}
              </Typography>
              {c.scanDocumentId && (
                <Button size="small" component={RouterLink} to={`/cases/${encodeURIComponent(c.caseId)}/documents/${encodeURIComponent(c.scanDocumentId)}`} aria-label={`${c.label}: scan bekijken`}>
                  Scan bekijken
                </Button>
              )}
              {mayWithdraw && c.status === 'PENDING' && (
                <Button size="small" onClick={() => setOnPaper(c)} aria-label={`${c.label}: papieren formulier vastleggen`}>
                  Papieren formulier vastleggen
                </Button>
              )}
              {mayWithdraw && c.status === 'GIVEN' && !c.withdrawnAt && (
                <Button size="small" color="error" onClick={() => setWithdrawing(c)} aria-label={`${c.label}: toestemming intrekken`}>
                  Intrekken
                </Button>
              )}
              {c.needsEveryGuardian && c.status === 'PENDING' && (
                <Typography variant="caption" sx={{ flexBasis: '100%' }}>
                  De ouders zijn het oneens: alle ouders met gezag moeten toestemming geven.
                  {c.missingGivers?.length ? ` Wacht nog op: ${c.missingGivers.map((g) => g.name ?? 'onbekend').join(', ')}.` : ''}
                </Typography>
              )}
            </Box>
          ))}
        </Box>
      )}
    </Section>
  );
}

export function DeliveriesPanel({ deliveries }: { deliveries: readonly Delivery[] }) {
  const sorted = [...deliveries].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Section id="deliveries-heading" title="Verstuurde berichten en herinneringen">
      {sorted.length === 0 ? (
        <Typography color="text.secondary">Nog geen berichten verstuurd.</Typography>
      ) : (
        <Box component="ul" sx={listSx}>
          {sorted.map((d) => (
            <Box component="li" key={d.id}>
              <Typography variant="body2">
                <strong>{d.kindLabel}</strong> aan {d.recipient}: {d.subject}
              </Typography>
              <Typography variant="caption" color={d.status === 'FAILED' ? 'error' : 'text.secondary'}>
                {d.statusLabel}
                {d.sentAt ? ` · ${formatDutchDateTime(d.sentAt)}` : ` · aangemaakt ${formatDutchDateTime(d.createdAt)}`}
                {d.lastError ? ` · laatste fout: ${d.lastError}` : ''}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </Section>
  );
}
