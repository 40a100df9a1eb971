import { gql, type TypedDocumentNode } from '@apollo/client';
import { type AuthPayload, type User } from '../../shared/api-types';
import { USER_FIELDS } from '../../shared/fragments';

export type LoginInvitationStatus = 'VALID' | 'EXPIRED' | 'USED' | 'UNKNOWN';

export interface LoginInvitation {
  status: LoginInvitationStatus;
  name: string | null;
  schoolName: string | null;
}

/** What the invitation page may know of its link: whether it works (and for whom), or why not. */
export const LOGIN_INVITATION_QUERY: TypedDocumentNode<{ loginInvitation: LoginInvitation }, { token: string }> = gql`
  query LoginInvitation($token: String!) {
    loginInvitation(token: $token) {
      status
      name
      schoolName
    }
  }
`;

export const RENEW_LOGIN_INVITATION_MUTATION: TypedDocumentNode<{ renewLoginInvitation: boolean }, { token: string }> = gql`
  mutation RenewLoginInvitation($token: String!) {
    renewLoginInvitation(token: $token)
  }
`;

export interface FamilyLoginResult {
  user: User;
  returnPath: string | null;
}

export const ACCEPT_LOGIN_INVITATION_MUTATION: TypedDocumentNode<{ acceptLoginInvitation: FamilyLoginResult }, { token: string }> = gql`
  mutation AcceptLoginInvitation($token: String!) {
    acceptLoginInvitation(token: $token) {
      user {
        ...UserFields
      }
      returnPath
    }
  }
  ${USER_FIELDS}
`;

export const START_PASSKEY_REGISTRATION_MUTATION: TypedDocumentNode<{ startPasskeyRegistration: string }, { token: string }> = gql`
  mutation StartPasskeyRegistration($token: String!) {
    startPasskeyRegistration(token: $token)
  }
`;

export const FINISH_PASSKEY_REGISTRATION_MUTATION: TypedDocumentNode<{ finishPasskeyRegistration: FamilyLoginResult }, { token: string; response: string }> = gql`
  mutation FinishPasskeyRegistration($token: String!, $response: String!) {
    finishPasskeyRegistration(token: $token, response: $response) {
      user {
        ...UserFields
      }
      returnPath
    }
  }
  ${USER_FIELDS}
`;

export const START_PASSKEY_LOGIN_MUTATION: TypedDocumentNode<{ startPasskeyLogin: string }, Record<string, never>> = gql`
  mutation StartPasskeyLogin {
    startPasskeyLogin
  }
`;

export const FINISH_PASSKEY_LOGIN_MUTATION: TypedDocumentNode<{ finishPasskeyLogin: AuthPayload }, { response: string }> = gql`
  mutation FinishPasskeyLogin($response: String!) {
    finishPasskeyLogin(response: $response) {
      user {
        ...UserFields
      }
    }
  }
  ${USER_FIELDS}
`;

export const REQUEST_EMAIL_LOGIN_CODE_MUTATION: TypedDocumentNode<{ requestEmailLoginCode: boolean }, { email: string }> = gql`
  mutation RequestEmailLoginCode($email: String!) {
    requestEmailLoginCode(email: $email)
  }
`;

export const VERIFY_EMAIL_LOGIN_CODE_MUTATION: TypedDocumentNode<{ verifyEmailLoginCode: AuthPayload }, { email: string; code: string }> = gql`
  mutation VerifyEmailLoginCode($email: String!, $code: String!) {
    verifyEmailLoginCode(email: $email, code: $code) {
      user {
        ...UserFields
      }
    }
  }
  ${USER_FIELDS}
`;
