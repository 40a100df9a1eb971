import { gql, type TypedDocumentNode } from '@apollo/client';

/** Ends the session at the api (the token is refused from then on); OIDC sessions get the provider's logout URL. */
export const LOGOUT_MUTATION: TypedDocumentNode<{ logout: { ok: boolean; providerLogoutUrl: string | null } }, Record<string, never>> = gql`
  mutation Logout {
    logout {
      ok
      providerLogoutUrl
    }
  }
`;
