import { useQuery } from '@apollo/client/react';
import { debounce } from '@mui/material/utils';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { type SearchPupilsQuery } from '../../gql/graphql';

/** A pupil as the search answers it. */
export type PickedPupil = SearchPupilsQuery['searchPupils'][number];
type Pupil = PickedPupil;
import { EntityAutocomplete } from '../../shared/entity-autocomplete';
import { SEARCH_PUPILS_QUERY } from './pupils.graphql';

/** The fewest characters the api searches on (searchPupils refuses fewer). */
export const MIN_SEARCH_LENGTH = 2;
/** How long typing must pause before the api is asked. */
export const SEARCH_DEBOUNCE_MS = 250;
const SEARCH_LIMIT = 20;

export function pupilLabel(pupil: Pupil): string {
  return pupil.className ? `${pupil.displayName} (${pupil.className})` : pupil.displayName;
}

export interface PupilAutocompleteProps {
  value: Pupil | null;
  onChange(pupil: Pupil | null): void;
  /** Only pupils of this school (null: every pupil the user may see). */
  schoolId?: string | null;
  label?: string;
  required?: boolean;
  autoFocus?: boolean;
  errorText?: string;
  helperText?: ReactNode;
  size?: 'small' | 'medium';
  placeholder?: string;
  onBlur?(): void;
  inputSx?: object;
}

/**
 * The one pupil picker (issue 17.7): the user types a few letters of a name, class or pupil number and the api
 * searches (debounced) among the pupils he may see. Used by every start dialog, the step forms and the app bar.
 */
export function PupilAutocomplete({ value, onChange, schoolId, label = 'Leerling', required, autoFocus, errorText, helperText, size, placeholder, onBlur, inputSx }: PupilAutocompleteProps) {
  const [typed, setTyped] = useState('');
  const [term, setTerm] = useState('');
  const search = useMemo(() => debounce((text: string) => setTerm(text.trim()), SEARCH_DEBOUNCE_MS), []);
  useEffect(() => () => search.clear(), [search]);

  const enough = term.length >= MIN_SEARCH_LENGTH;
  const found = useQuery(SEARCH_PUPILS_QUERY, {
    variables: { query: term, schoolId: schoolId || null, limit: SEARCH_LIMIT },
    skip: !enough,
    fetchPolicy: 'cache-first',
  });
  const results = enough ? (found.data?.searchPupils ?? []) : [];
  // The chosen pupil stays an option while the results change (the field shows it).
  const options = value && !results.some((p) => p.id === value.id) ? [value, ...results] : results;
  const waiting = typed.trim() !== term || (enough && found.loading);

  return (
    <EntityAutocomplete<Pupil>
      options={options}
      value={value}
      onChange={onChange}
      onSearch={(text, reason) => {
        // Only what the user types (or clears) is searched: choosing a pupil puts his name in the field, not a search.
        if (reason !== 'input' && reason !== 'clear') return;
        setTyped(text);
        search(text);
      }}
      getOptionLabel={pupilLabel}
      renderOptionDetail={(p) => (p.mentorName ? `mentor ${p.mentorName}` : null)}
      nouns={{ plural: 'Leerlingen' }}
      noOptionsText={typed.trim().length < MIN_SEARCH_LENGTH ? `Typ minstens ${MIN_SEARCH_LENGTH} letters van de naam, de klas of het leerlingnummer` : 'Geen leerlingen gevonden'}
      loading={waiting && typed.trim().length >= MIN_SEARCH_LENGTH}
      loadFailed={!!found.error}
      label={label}
      required={required}
      autoFocus={autoFocus}
      errorText={errorText}
      helperText={helperText ?? 'Typ om te zoeken op naam, klas of leerlingnummer.'}
      size={size}
      placeholder={placeholder}
      onBlur={onBlur}
      inputSx={inputSx}
    />
  );
}

/** PupilAutocomplete for a form that holds the pupil's id (the step and start forms): '' when none is chosen. */
export function PupilIdAutocomplete({ pupilId, onChangeId, ...rest }: Omit<PupilAutocompleteProps, 'value' | 'onChange'> & { pupilId: string; onChangeId(id: string): void }) {
  const [picked, setPicked] = useState<Pupil | null>(null);
  const value = picked && picked.id === pupilId ? picked : null;
  return (
    <PupilAutocomplete
      {...rest}
      value={value}
      onChange={(pupil) => {
        setPicked(pupil);
        onChangeId(pupil?.id ?? '');
      }}
    />
  );
}
