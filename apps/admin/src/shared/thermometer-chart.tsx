import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type CaseDetailQuery } from '../gql/graphql';

/** A session of a case as the chart reads it. */
type ThermometerPoint = Pick<CaseDetailQuery['case']['sessions'][number], 'date' | 'attended' | 'thermometer'>;
import { dayAndMonth } from '@zorgroute/dates';
import { formatDutchDateInWords } from './dates';

export interface ThermometerDatum {
  date: string;
  /** Short Dutch date for the axis, e.g. "12 nov.". */
  label: string;
  score: number;
}

/**
 * Chart data from the sessions: only attended sessions with a score, sorted by date; one point per
 * day (the last one of the day wins), scores clamped to 1–10.
 */
export function toThermometerData(sessions: readonly ThermometerPoint[]): ThermometerDatum[] {
  const byDate = new Map<string, number>();
  for (const s of [...sessions].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!s.attended || s.thermometer == null || Number.isNaN(s.thermometer)) continue;
    byDate.set(s.date, Math.min(10, Math.max(1, s.thermometer)));
  }
  return [...byDate.entries()].map(([date, score]) => ({
    date,
    label: dayAndMonth(date),
    score,
  }));
}

/** Line chart of the pupil's thermometer (1–10) over the sessions, with a text summary for screen readers. */
export function ThermometerChart({ sessions, height = 240 }: { sessions: readonly ThermometerPoint[]; height?: number }) {
  const data = toThermometerData(sessions);
  if (data.length === 0) {
    return <Typography color="text.secondary">Nog geen sessies met een thermometerscore.</Typography>;
  }
  const last = data[data.length - 1];
  const summary = `Thermometer: ${data.length} ${data.length === 1 ? 'meting' : 'metingen'}, laatste score ${last.score} op ${formatDutchDateInWords(last.date)}.`;
  return (
    <Box>
      <Box role="img" aria-label={summary} sx={{ width: '100%', height }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis domain={[1, 10]} ticks={[1, 3, 5, 7, 10]} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(value) => [String(value), 'Thermometer']} />
            <Line type="monotone" dataKey="score" stroke="#1b5e94" strokeWidth={2.5} dot={{ r: 4 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </Box>
      <Typography variant="caption" color="text.secondary">
        {summary}
      </Typography>
    </Box>
  );
}
