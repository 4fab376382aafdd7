// Our types against the official package's (installed as wacht-backend-official):
// response types are assignable both ways; every official request type is accepted by our
// methods; and our `client.organizations` can stand where the official one is expected.
import type * as Official from 'wacht-backend-official';
import type * as Ours from '../../index';

type Assert<T extends true> = T;
type Extends<A, B> = [A] extends [B] ? true : false;
type Mutual<A, B> = Extends<A, B> extends true ? Extends<B, A> : false;

export type Responses = [
  Assert<Mutual<Ours.Organization, Official.Organization>>,
  Assert<Mutual<Ours.OrganizationDetails, Official.OrganizationDetails>>,
  Assert<Mutual<Ours.OrganizationMember, Official.OrganizationMember>>,
  Assert<Mutual<Ours.OrganizationRole, Official.OrganizationRole>>,
  Assert<Mutual<Ours.Workspace, Official.Workspace>>,
  Assert<Mutual<Ours.Segment, Official.Segment>>,
  Assert<Mutual<Ours.OrganizationInvitation, Official.OrganizationInvitation>>,
  Assert<Mutual<Ours.OrganizationInvitationSummary, Official.OrganizationInvitationSummary>>,
  Assert<Mutual<Ours.PaginatedResponse<Ours.Organization>, Official.PaginatedResponse<Official.Organization>>>,
];

// Our request types accept more (the documented `role`, `slug`, `key`...), so the check
// is one way: everything the official types allow, ours allow.
export type Requests = [
  Assert<Extends<Official.CreateOrganizationRequest, Ours.CreateOrganizationRequest>>,
  Assert<Extends<Official.UpdateOrganizationRequest, Ours.UpdateOrganizationRequest>>,
  Assert<Extends<Official.AddOrganizationMemberRequest, Ours.AddOrganizationMemberRequest>>,
  Assert<Extends<Official.UpdateOrganizationMemberRequest, Ours.UpdateOrganizationMemberRequest>>,
  Assert<Extends<Official.CreateOrganizationRoleRequest, Ours.CreateOrganizationRoleRequest>>,
  Assert<Extends<Official.UpdateOrganizationRoleRequest, Ours.UpdateOrganizationRoleRequest>>,
  Assert<Extends<Official.CreateWorkspaceRequest, Ours.CreateWorkspaceRequest>>,
  Assert<Extends<Official.CreateOrganizationInvitationRequest, Ours.CreateOrganizationInvitationRequest>>,
  Assert<Extends<Official.ListOrganizationsOptions, Ours.ListOrganizationsOptions>>,
  Assert<Extends<Official.ListOrganizationMembersOptions, Ours.ListOrganizationMembersOptions>>,
  Assert<Extends<Official.ListOrganizationInvitationsOptions, Ours.ListOrganizationInvitationsOptions>>,
  // An official store holds official clients, so `store` is compared by shape only.
  Assert<Extends<Omit<Official.WachtConfig, 'store'>, Omit<Ours.WachtConfig, 'store'>>>,
  Assert<Mutual<keyof Official.WachtClientStore, keyof Ours.WachtClientStore>>,
];

// Every official organizations function: called with its official arguments (the client
// slot left undefined), ours accepts them and resolves to the same type.
type OfficialFns = typeof Official.organizations;
type Shared = keyof OfficialFns & keyof Ours.OrganizationsApi;
type WithoutClient<P extends unknown[]> = { [I in keyof P]: [P[I]] extends [Official.WachtClient | undefined] ? undefined : P[I] };
type ArgsFit<K extends Shared> = Extends<WithoutClient<Parameters<OfficialFns[K]>>, Parameters<Ours.OrganizationsApi[K]>>;
type SameResult<K extends Shared> = Mutual<Awaited<ReturnType<OfficialFns[K]>>, Awaited<ReturnType<Ours.OrganizationsApi[K]>>>;
type MethodChecks = { [K in Shared]: [ArgsFit<K>, SameResult<K>] };
export type Methods = Assert<[MethodChecks[Shared]] extends [[true, true]] ? true : false>;
// All 17 published functions are covered (the 18th and 19th are newer than beta.20;
// the paginate helpers are this package's own).
type Additions = 'assignOrganizationMemberRole' | 'removeOrganizationMemberRole' | 'paginateOrganizations' | 'paginateOrganizationMembers';
export type Coverage = Assert<Mutual<keyof OfficialFns, Exclude<keyof Ours.OrganizationsApi, Additions>>>;

// Error classes keep the official fields.
declare const err: Ours.NotFoundError;
export const asOfficialError: Official.WachtError = err;
