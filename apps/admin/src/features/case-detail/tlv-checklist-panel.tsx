import { useQuery } from '@apollo/client/react';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { type ProcessType } from '../../gql/graphql';
import { formatDutchDateInWords } from '../../shared/dates';
import { TLV_CHECKLIST_QUERY, type TlvChecklist } from './tlv-checklist.graphql';

function ItemLine({ item }: { item: TlvChecklist['items'][number] }) {
  const details = [item.reference, item.date ? `van ${formatDutchDateInWords(item.date)}` : null, item.note].filter(Boolean).join(' · ');
  return (
    <Box component="li" data-item={item.item} data-present={item.present} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', py: 0.75, borderBottom: 1, borderColor: 'divider' }}>
      {item.present ? <CheckCircleIcon color="success" fontSize="small" aria-hidden sx={{ mt: 0.25 }} /> : <RadioButtonUncheckedIcon color="warning" fontSize="small" aria-hidden sx={{ mt: 0.25 }} />}
      <Box>
        <Typography variant="body2">
          <strong>{item.label}</strong> — {item.present ? 'aanwezig' : 'ontbreekt'}
          {!item.required ? ' (niet verplicht)' : ''}
        </Typography>
        {item.present && details && (
          <Typography variant="caption" color="text.secondary">
            {details}
          </Typography>
        )}
      </Box>
    </Box>
  );
}

/** The SWV's checklist: which items are in the dossier, which are missing; the request is complete only when all are. */
export function TlvChecklistDetails({ checklist }: { checklist: TlvChecklist }) {
  const missing = checklist.items.filter((i) => i.required && !i.present);
  const present = checklist.items.filter((i) => i.present);
  return (
    <Paper component="section" aria-labelledby="tlv-checklist-heading" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id="tlv-checklist-heading" variant="h2" sx={{ mb: 1.5 }}>
        Checklist TLV-dossier
      </Typography>
      {checklist.complete ? (
        <Alert severity="success" sx={{ mb: 1.5 }}>
          Het dossier is compleet volgens de checklist van het samenwerkingsverband.
        </Alert>
      ) : (
        <Alert severity="warning" sx={{ mb: 1.5 }}>
          Het dossier is nog niet compleet: {missing.length === 1 ? '1 onderdeel ontbreekt' : `${missing.length} onderdelen ontbreken`}. De aanvraag is pas compleet als alles aanwezig is.
        </Alert>
      )}
      {missing.length > 0 && (
        <>
          <Typography variant="h3" sx={{ mt: 1 }}>
            Ontbreekt
          </Typography>
          <Box component="ul" aria-label="Ontbreekt" sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {missing.map((i) => (
              <ItemLine key={i.item} item={i} />
            ))}
          </Box>
        </>
      )}
      {present.length > 0 && (
        <>
          <Typography variant="h3" sx={{ mt: 1.5 }}>
            Aanwezig
          </Typography>
          <Box component="ul" aria-label="Aanwezig" sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {present.map((i) => (
              <ItemLine key={i.item} item={i} />
            ))}
          </Box>
        </>
      )}
    </Paper>
  );
}

function TlvChecklistLoader({ caseId }: { caseId: string }) {
  // Not cached: `case` (a CaseDetail has no id) would replace the case page's own CaseDetail in the cache.
  const { data } = useQuery(TLV_CHECKLIST_QUERY, { variables: { id: caseId }, fetchPolicy: 'no-cache' });
  const checklist = data?.case.tlvChecklist;
  return checklist ? <TlvChecklistDetails checklist={checklist} /> : null;
}

/** The checklist of a P8 case (school, family and SWV); nothing for other processes. The case page remounts it when the case changes. */
export function TlvChecklistPanel({ caseId, process }: { caseId: string; process: ProcessType }) {
  return process === 'TLV' ? <TlvChecklistLoader caseId={caseId} /> : null;
}
