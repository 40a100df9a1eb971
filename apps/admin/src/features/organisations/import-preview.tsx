import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { type FieldChange, type ImportPreview, type ImportPupilLine, type ImportStaffLine } from './organisations.graphql';

const FIELD_LABELS: Record<string, string> = {
  naam: 'Naam',
  geboortedatum: 'Geboortedatum',
  klas: 'Klas',
  mentor: 'Mentor',
  ouders: 'Ouders/verzorgers',
  gezag: 'Gezag',
  terug: 'Weer ingeschreven',
  'e-mail': 'E-mailadres',
};

function changeText(c: FieldChange): string {
  return `${FIELD_LABELS[c.field] ?? c.field}: ${c.from ?? '—'} → ${c.to ?? '—'}`;
}

function PupilTable({ title, rows, withChanges }: { title: string; rows: ImportPupilLine[]; withChanges?: boolean }) {
  if (!rows.length) return null;
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="h3" component="h3" sx={{ mt: 2, fontSize: '1.1rem' }}>
        {title} ({rows.length})
      </Typography>
      <Table size="small" aria-label={title}>
        <TableHead>
          <TableRow>
            <TableCell>Leerlingnummer</TableCell>
            <TableCell>Naam</TableCell>
            <TableCell>Klas</TableCell>
            <TableCell>Mentor</TableCell>
            {withChanges && <TableCell>Wijzigingen</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((p) => (
            <TableRow key={p.sourceId}>
              <TableCell>{p.sourceId}</TableCell>
              <TableCell>{p.name}</TableCell>
              <TableCell>{p.className ?? '—'}</TableCell>
              <TableCell>{p.mentorName ?? '—'}</TableCell>
              {withChanges && <TableCell>{p.changes.map(changeText).join('; ')}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function StaffTable({ title, rows }: { title: string; rows: ImportStaffLine[] }) {
  if (!rows.length) return null;
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="h3" component="h3" sx={{ mt: 2, fontSize: '1.1rem' }}>
        {title} ({rows.length})
      </Typography>
      <Table size="small" aria-label={title}>
        <TableHead>
          <TableRow>
            <TableCell>Naam</TableCell>
            <TableCell>E-mailadres</TableCell>
            <TableCell>Wijzigingen</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((s) => (
            <TableRow key={s.sourceId}>
              <TableCell>{s.name}</TableCell>
              <TableCell>{s.email}</TableCell>
              <TableCell>{s.changes.map(changeText).join('; ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** What applying an import would do: new, changed and leaving pupils and staff, guardians, and every rejected row. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const nothing = !preview.pupilsAdded.length && !preview.pupilsChanged.length && !preview.pupilsLeaving.length && !preview.staffAdded.length && !preview.staffChanged.length && !preview.staffLeaving.length && !preview.guardiansAdded && !preview.guardiansChanged && !preview.guardianLinksAdded && !preview.guardianLinksRemoved;
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Chip label={`Nieuw: ${preview.pupilsAdded.length} leerlingen`} color={preview.pupilsAdded.length ? 'primary' : 'default'} />
        <Chip label={`Gewijzigd: ${preview.pupilsChanged.length}`} color={preview.pupilsChanged.length ? 'primary' : 'default'} />
        <Chip label={`Vertrekt: ${preview.pupilsLeaving.length}`} color={preview.pupilsLeaving.length ? 'warning' : 'default'} />
        <Chip label={`Ongewijzigd: ${preview.pupilsUnchanged}`} />
        <Chip label={`Afgekeurde regels: ${preview.rejected.length}`} color={preview.rejected.length ? 'error' : 'default'} />
      </Box>
      {preview.rejected.length > 0 && (
        <Alert severity="error" sx={{ mt: 2 }}>
          <Typography component="h3" sx={{ fontWeight: 'bold' }}>
            Afgekeurde regels: pas het bestand aan in de administratie en lees het opnieuw in. Er wordt niets verwerkt.
          </Typography>
          <Box component="ul" aria-label="Afgekeurde regels" sx={{ m: 0, pl: 2 }}>
            {preview.rejected.map((r) => (
              <li key={`${r.file}:${r.line}`}>
                {r.file}, regel {r.line}: {r.reason}
              </li>
            ))}
          </Box>
        </Alert>
      )}
      {nothing && preview.rejected.length === 0 && (
        <Alert severity="info" sx={{ mt: 2 }}>
          Dit bestand verandert niets: alle gegevens zijn al bijgewerkt.
        </Alert>
      )}
      <PupilTable title="Nieuwe leerlingen" rows={preview.pupilsAdded} />
      <PupilTable title="Gewijzigde leerlingen" rows={preview.pupilsChanged} withChanges />
      <PupilTable title="Vertrekkende leerlingen" rows={preview.pupilsLeaving} />
      <StaffTable title="Nieuwe medewerkers" rows={preview.staffAdded} />
      <StaffTable title="Gewijzigde medewerkers" rows={preview.staffChanged} />
      <StaffTable title="Vertrekkende medewerkers (worden gedeactiveerd)" rows={preview.staffLeaving} />
      {(preview.guardiansAdded > 0 || preview.guardiansChanged > 0 || preview.guardianLinksAdded > 0 || preview.guardianLinksRemoved > 0) && (
        <Typography sx={{ mt: 2 }}>
          Ouders/verzorgers: {preview.guardiansAdded} nieuw, {preview.guardiansChanged} gewijzigd; {preview.guardianLinksAdded} koppelingen erbij, {preview.guardianLinksRemoved} eraf.
        </Typography>
      )}
    </Box>
  );
}
