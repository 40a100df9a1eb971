import { createTheme } from '@mui/material/styles';

// A calm blue as primary. All text colours meet WCAG AA (4.5:1) on white and on the page background.

/** Focus ring: 4.7:1 against white; the app bar uses a light variant (3.5:1 or more against the primary blue). */
export const FOCUS_RING = '#b35c00';
export const FOCUS_RING_ON_PRIMARY = '#ffc94d';
const focusRing = { outline: `3px solid ${FOCUS_RING}`, outlineOffset: '2px' } as const;

export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: '#1d5a80', dark: '#143f5a', light: '#4a7fa3', contrastText: '#ffffff' },
    secondary: { main: '#4f6d5b', contrastText: '#ffffff' },
    error: { main: '#b3261e' },
    warning: { main: '#8a5300' },
    success: { main: '#2e6b30' },
    background: { default: '#f4f6f8', paper: '#ffffff' },
    text: { primary: '#1c2630', secondary: '#4a5866' },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    h1: { fontSize: '1.75rem', fontWeight: 600 },
    h2: { fontSize: '1.25rem', fontWeight: 600 },
    h3: { fontSize: '1.05rem', fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiCssBaseline: {
      styleOverrides: {
        // A visible focus ring for every keyboard-focusable element.
        ':focus-visible': focusRing,
        a: { color: '#1d5a80' },
      },
    },
    // MUI resets the outline of its interactive elements; bring the ring back for keyboard focus.
    MuiButtonBase: { styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
    MuiChip: { styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
    MuiLink: { styleOverrides: { root: { '&.Mui-focusVisible, &:focus-visible': focusRing } } },
    MuiPaper: { defaultProps: { elevation: 0 }, styleOverrides: { root: { border: '1px solid #dde3e9' } } },
    MuiAppBar: {
      styleOverrides: {
        root: { border: 'none', '& :focus-visible, & .Mui-focusVisible': { outlineColor: FOCUS_RING_ON_PRIMARY } },
      },
    },
    MuiTableCell: { styleOverrides: { head: { fontWeight: 600, color: '#1c2630' } } },
    MuiTooltip: { defaultProps: { arrow: true } },
  },
});
