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
