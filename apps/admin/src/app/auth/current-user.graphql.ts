import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CurrentUserQuery, CurrentUserQueryVariables } from '../../gql/graphql';
import { USER_FIELDS } from '../../shared/fragments';

/** Who the browser's session cookie belongs to (asked once at start; UNAUTHENTICATED when there is none). */
export const CURRENT_USER_QUERY: TypedDocumentNode<CurrentUserQuery, CurrentUserQueryVariables> = gql`
  query CurrentUser {
    me {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;
