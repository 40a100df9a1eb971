import { type SearchPupilsQuery } from '../gql/graphql';

type Pupil = SearchPupilsQuery['searchPupils'][number];
import { SEARCH_PUPILS_QUERY } from '../features/pupils/pupils.graphql';

/** The api's answer to a pupil search (PupilAutocomplete asks once the typing pauses, 20 at most). */
export function searchPupilsMock(query: string, pupils: Pupil[], schoolId: string | null = 'school-1') {
  return {
    request: { query: SEARCH_PUPILS_QUERY, variables: { query, schoolId, limit: 20 } },
    result: { data: { searchPupils: pupils.map((p) => ({ __typename: 'Pupil' as const, ...p })) } },
    maxUsageCount: 5,
  };
}
