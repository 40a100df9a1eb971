import { gql, type TypedDocumentNode } from '@apollo/client';
import { type AuthPayload, type User } from '../../shared/api-types';
import { USER_FIELDS } from '../../shared/fragments';

export const DEMO_USERS_QUERY: TypedDocumentNode<{ demoUsers: User[] }, Record<string, never>> = gql`
  query DemoUsers {
    demoUsers {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

export const DEV_LOGIN_MUTATION: TypedDocumentNode<{ devLogin: AuthPayload }, { email: string }> = gql`
  mutation DevLogin($email: String!) {
    devLogin(email: $email) {
      token
      user {
        ...UserFields
      }
    }
  }
  ${USER_FIELDS}
`;

export interface AuthOptions {
  oidcEnabled: boolean;
  devLoginEnabled: boolean;
  oidcLoginUrl: string | null;
}

export const AUTH_OPTIONS_QUERY: TypedDocumentNode<{ authOptions: AuthOptions }, Record<string, never>> = gql`
  query AuthOptions {
    authOptions {
      oidcEnabled
      devLoginEnabled
      oidcLoginUrl
    }
  }
`;

/** The user behind a token handed over by the OpenID Connect callback (`#token=…`). */
export const LOGIN_ME_QUERY: TypedDocumentNode<{ me: User }, Record<string, never>> = gql`
  query LoginMe {
    me {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;
