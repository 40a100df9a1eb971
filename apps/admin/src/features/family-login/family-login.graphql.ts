import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AcceptLoginInvitationMutation, AcceptLoginInvitationMutationVariables, FinishPasskeyLoginMutation, FinishPasskeyLoginMutationVariables, FinishPasskeyRegistrationMutation, FinishPasskeyRegistrationMutationVariables, LoginInvitationQuery, LoginInvitationQueryVariables, LoginInvitationStatus as LoginInvitationStatusEnum, RenewLoginInvitationMutation, RenewLoginInvitationMutationVariables, RequestEmailLoginCodeMutation, RequestEmailLoginCodeMutationVariables, StartPasskeyLoginMutation, StartPasskeyLoginMutationVariables, StartPasskeyRegistrationMutation, StartPasskeyRegistrationMutationVariables, VerifyEmailLoginCodeMutation, VerifyEmailLoginCodeMutationVariables } from '../../gql/graphql';
import { USER_FIELDS } from '../../shared/fragments';

export type LoginInvitationStatus = LoginInvitationStatusEnum;

export type LoginInvitation = LoginInvitationQuery['loginInvitation'];

/** What the invitation page may know of its link: whether it works (and for whom), or why not. */
export const LOGIN_INVITATION_QUERY: TypedDocumentNode<LoginInvitationQuery, LoginInvitationQueryVariables> = gql`
  query LoginInvitation($token: String!) {
    loginInvitation(token: $token) {
      status
      name
      schoolName
    }
  }
`;

export const RENEW_LOGIN_INVITATION_MUTATION: TypedDocumentNode<RenewLoginInvitationMutation, RenewLoginInvitationMutationVariables> = gql`
  mutation RenewLoginInvitation($token: String!) {
    renewLoginInvitation(token: $token)
  }
`;

export type FamilyLoginResult = AcceptLoginInvitationMutation['acceptLoginInvitation'];

export const ACCEPT_LOGIN_INVITATION_MUTATION: TypedDocumentNode<AcceptLoginInvitationMutation, AcceptLoginInvitationMutationVariables> = gql`
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

export const START_PASSKEY_REGISTRATION_MUTATION: TypedDocumentNode<StartPasskeyRegistrationMutation, StartPasskeyRegistrationMutationVariables> = gql`
  mutation StartPasskeyRegistration($token: String!) {
    startPasskeyRegistration(token: $token)
  }
`;

export const FINISH_PASSKEY_REGISTRATION_MUTATION: TypedDocumentNode<FinishPasskeyRegistrationMutation, FinishPasskeyRegistrationMutationVariables> = gql`
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

export const START_PASSKEY_LOGIN_MUTATION: TypedDocumentNode<StartPasskeyLoginMutation, StartPasskeyLoginMutationVariables> = gql`
  mutation StartPasskeyLogin {
    startPasskeyLogin
  }
`;

export const FINISH_PASSKEY_LOGIN_MUTATION: TypedDocumentNode<FinishPasskeyLoginMutation, FinishPasskeyLoginMutationVariables> = gql`
  mutation FinishPasskeyLogin($response: String!) {
    finishPasskeyLogin(response: $response) {
      user {
        ...UserFields
      }
    }
  }
  ${USER_FIELDS}
`;

export const REQUEST_EMAIL_LOGIN_CODE_MUTATION: TypedDocumentNode<RequestEmailLoginCodeMutation, RequestEmailLoginCodeMutationVariables> = gql`
  mutation RequestEmailLoginCode($email: String!) {
    requestEmailLoginCode(email: $email)
  }
`;

export const VERIFY_EMAIL_LOGIN_CODE_MUTATION: TypedDocumentNode<VerifyEmailLoginCodeMutation, VerifyEmailLoginCodeMutationVariables> = gql`
  mutation VerifyEmailLoginCode($email: String!, $code: String!) {
    verifyEmailLoginCode(email: $email, code: $code) {
      user {
        ...UserFields
      }
    }
  }
  ${USER_FIELDS}
`;
