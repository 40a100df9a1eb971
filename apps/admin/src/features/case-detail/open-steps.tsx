import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { stepLabel } from '../../shared/labels';

/**
 * The human steps that can be done now. The actions themselves come with later issues: each step
 * is a disabled (aria-disabled) button whose tooltip says it will follow ("volgt").
 */
export function OpenSteps({ steps }: { steps: readonly string[] }) {
  return (
    <Paper component="section" aria-labelledby="open-steps-heading" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id="open-steps-heading" variant="h2" sx={{ mb: 1.5 }}>
        Open stappen
      </Typography>
      {steps.length === 0 ? (
        <Typography color="text.secondary">Er zijn nu geen stappen voor jou.</Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          {steps.map((step) => (
            <li key={step}>
              {/* aria-disabled instead of disabled: the button stays focusable, so keyboard users get the tooltip too. */}
              <Tooltip title="volgt" describeChild>
                <Button
                  variant="outlined"
                  aria-disabled="true"
                  data-step={step}
                  onClick={(event) => event.preventDefault()}
                  sx={{ color: 'text.secondary', borderColor: 'divider', borderStyle: 'dashed', cursor: 'not-allowed', '&:hover': { borderStyle: 'dashed', backgroundColor: 'transparent' } }}
                >
                  {stepLabel(step)}
                </Button>
              </Tooltip>
            </li>
          ))}
        </Box>
      )}
    </Paper>
  );
}
