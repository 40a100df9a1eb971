import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AuthOptionsQuery, AuthOptionsQueryVariables, CompleteOidcLoginMutation, CompleteOidcLoginMutationVariables, DemoUsersQuery, DemoUsersQueryVariables, DevLoginMutation, DevLoginMutationVariables } from '../../gql/graphql';
import { USER_FIELDS } from '../../shared/fragments';

/** A demo user with what to try first as that user (null: the role's line says it). */
export type DemoUser = DemoUsersQuery['demoUsers'][number];

export const DEMO_USERS_QUERY: TypedDocumentNode<DemoUsersQuery, DemoUsersQueryVariables> = gql`
  query DemoUsers {
    demoUsers {
      ...UserFields
      demoHint
    }
  }
  ${USER_FIELDS}
`;

/** Development login: the api sets the session cookie; the token in its answer is for API clients and not asked. */
export const DEV_LOGIN_MUTATION: TypedDocumentNode<DevLoginMutation, DevLoginMutationVariables> = gql`
  mutation DevLogin($email: String!) {
    devLogin(email: $email) {
      user {
        ...UserFields
      }
    }
  }
  ${USER_FIELDS}
`;

export type AuthOptions = AuthOptionsQuery['authOptions'];

export const AUTH_OPTIONS_QUERY: TypedDocumentNode<AuthOptionsQuery, AuthOptionsQueryVariables> = gql`
  query AuthOptions {
    authOptions {
      oidcEnabled
      devLoginEnabled
      oidcLoginUrl
    }
  }
`;

/**
 * Exchanges the one-time code of a school-account login (`#code=…`, put there by the api's callback) for the session
 * cookie: once, within a minute, and only in the browser that started the login.
 */
export const COMPLETE_OIDC_LOGIN_MUTATION: TypedDocumentNode<CompleteOidcLoginMutation, CompleteOidcLoginMutationVariables> = gql`
  mutation CompleteOidcLogin($code: String!) {
    completeOidcLogin(code: $code) {
      user {
        ...UserFields
      }
    }
  }
  ${USER_FIELDS}
`;
