import { gql, type TypedDocumentNode } from '@apollo/client';
import type { LogoutMutation, LogoutMutationVariables } from '../../gql/graphql';

/** Ends the session at the api (the token is refused from then on); OIDC sessions get the provider's logout URL. */
export const LOGOUT_MUTATION: TypedDocumentNode<LogoutMutation, LogoutMutationVariables> = gql`
  mutation Logout {
    logout {
      ok
      providerLogoutUrl
    }
  }
`;
