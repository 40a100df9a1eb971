import Autocomplete, { type AutocompleteInputChangeReason, type AutocompleteRenderInputParams } from '@mui/material/Autocomplete';
import CircularProgress from '@mui/material/CircularProgress';
import TextField from '@mui/material/TextField';
import { type HTMLAttributes, type Key, type ReactNode, type SyntheticEvent } from 'react';

/** The Dutch words of a picker: "Leerlingen" / "leerlingen", "Scholen" / "scholen". */
export interface EntityNouns {
  /** Capitalised plural, e.g. "Leerlingen". */
  plural: string;
}

interface CommonProps<T extends { id: string }> {
  options: readonly T[];
  getOptionLabel(option: T): string;
  /** A line under an option's label (e.g. the mentor); nothing for null. */
  renderOptionDetail?(option: T): ReactNode;
  nouns: EntityNouns;
  label: string;
  required?: boolean;
  autoFocus?: boolean;
  loading?: boolean;
  /** The list could not be loaded (shown in the helper text). */
  loadFailed?: boolean;
  /** A validation message (marks the field invalid). */
  errorText?: string;
  helperText?: ReactNode;
  /** The text when there is nothing to show (default: "Geen … gevonden"). */
  noOptionsText?: ReactNode;
  /**
   * The options come from a server search on the typed text: called on every change of it, and the options are shown
   * as they are (no filtering in the browser).
   */
  onSearch?(text: string, reason: AutocompleteInputChangeReason): void;
  size?: 'small' | 'medium';
  placeholder?: string;
  onBlur?(): void;
  /** Styles of the text field (e.g. on a dark app bar). */
  inputSx?: object;
  className?: string;
}

export type EntityAutocompleteProps<T extends { id: string }> =
  | (CommonProps<T> & { multiple?: false; value: T | null; onChange(value: T | null): void })
  | (CommonProps<T> & { multiple: true; value: readonly T[]; onChange(value: T[]): void });

/**
 * The one picker of things with an id (pupils, schools): MUI Autocomplete with the Dutch texts, a loading spinner,
 * and either the browser's filter on a loaded list or a server search (`onSearch`). PupilAutocomplete and the step
 * form's school choice are built on it.
 */
export function EntityAutocomplete<T extends { id: string }>(props: EntityAutocompleteProps<T>) {
  const { options, getOptionLabel, renderOptionDetail, nouns, label, required, autoFocus, loading, loadFailed, errorText, helperText, onSearch, size, placeholder, onBlur, inputSx } = props;
  const lower = nouns.plural.toLowerCase();
  const renderOption = renderOptionDetail
    ? (attrs: HTMLAttributes<HTMLLIElement> & { key: Key }, option: T) => {
        const { key, ...rest } = attrs;
        const detail = renderOptionDetail(option);
        return (
          <li key={key} {...rest}>
            <span>
              {getOptionLabel(option)}
              {detail ? (
                <>
                  <br />
                  <span style={{ fontSize: '0.85em', opacity: 0.8 }}>{detail}</span>
                </>
              ) : null}
            </span>
          </li>
        );
      }
    : undefined;
  const shared = {
    options,
    getOptionLabel,
    isOptionEqualToValue: (a: T, b: T) => a.id === b.id,
    loading,
    loadingText: `${nouns.plural} laden…`,
    noOptionsText: props.noOptionsText ?? `Geen ${lower} gevonden`,
    openText: `${nouns.plural} tonen`,
    closeText: 'Sluiten',
    clearText: 'Wissen',
    size,
    onBlur,
    className: props.className,
    ...(renderOption ? { renderOption } : {}),
    ...(onSearch ? { filterOptions: (x: T[]) => x, onInputChange: (_e: unknown, text: string, reason: AutocompleteInputChangeReason) => onSearch(text, reason) } : {}),
    renderInput: (params: AutocompleteRenderInputParams) => (
      <TextField
        {...params}
        label={label}
        required={required}
        autoFocus={autoFocus}
        placeholder={placeholder}
        error={!!errorText || !!loadFailed}
        helperText={errorText ?? (loadFailed ? 'De lijst kon niet worden geladen.' : helperText)}
        sx={inputSx}
        slotProps={{
          ...params.slotProps,
          input: {
            ...params.slotProps.input,
            endAdornment: (
              <>
                {loading ? <CircularProgress color="inherit" size={18} aria-hidden /> : null}
                {params.slotProps.input.endAdornment}
              </>
            ),
          },
        }}
      />
    ),
  };
  if (props.multiple) {
    return <Autocomplete<T, true> {...shared} multiple value={[...props.value]} onChange={(_e: SyntheticEvent, chosen: T[]) => props.onChange(chosen)} />;
  }
  return <Autocomplete<T> {...shared} value={props.value} onChange={(_e: SyntheticEvent, chosen: T | null) => props.onChange(chosen)} />;
}
