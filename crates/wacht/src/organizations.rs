//! The 19 operations of the organizations module, as [`Request`]s: method, path, query in
//! the official SDK's order, body, and whether a repeat is safe. Argument names in errors
//! are the JavaScript ones (`organizationId`), since that is what users write.

use http::Method;

use crate::error::Error;
use crate::multipart::{FilePart, Form};
use crate::path::{Path, PathError};
use crate::request::{Body, Request};

impl From<PathError> for Error {
  fn from(e: PathError) -> Self {
    Error::invalid_argument(e.param(), e.to_string())
  }
}

/// `listOrganizations` options; sent as `limit, offset, sort_key, sort_order, search`.
#[derive(Debug, Clone, Default)]
pub struct ListOrganizationsQuery {
  pub limit: Option<i64>,
  pub offset: Option<i64>,
  pub sort_key: Option<String>,
  pub sort_order: Option<String>,
  pub search: Option<String>,
}

/// `listOrganizationMembers` options; sent as `limit, offset, search, sort_key, sort_order`.
#[derive(Debug, Clone, Default)]
pub struct ListMembersQuery {
  pub limit: Option<i64>,
  pub offset: Option<i64>,
  pub search: Option<String>,
  pub sort_key: Option<String>,
  pub sort_order: Option<String>,
}

/// `listOrganizationInvitations` options; sent as `workspace_id, include_deleted`.
#[derive(Debug, Clone, Default)]
pub struct ListInvitationsQuery {
  pub workspace_id: Option<String>,
  pub include_deleted: Option<bool>,
}

/// The multipart fields of create/update organization and create workspace. Metadata is
/// JSON text (what `JSON.stringify` made of the caller's object).
#[derive(Debug, Clone, Default)]
pub struct EntityForm {
  pub name: Option<String>,
  pub description: Option<String>,
  pub public_metadata: Option<String>,
  pub private_metadata: Option<String>,
  /// Only sent by `updateOrganization`.
  pub remove_image: Option<bool>,
  pub image: Option<FilePart>,
}

impl EntityForm {
  /// Parts in the official order: name, description, public_metadata, private_metadata,
  /// remove_image, then the image.
  fn into_form(self, image_field: &str) -> Form {
    Form::new()
      .text_opt("name", self.name)
      .text_opt("description", self.description)
      .text_opt("public_metadata", self.public_metadata)
      .text_opt("private_metadata", self.private_metadata)
      .text_opt("remove_image", self.remove_image.map(|b| b.to_string()))
      .file_opt(image_field, self.image)
  }
}

fn orgs() -> Path {
  Path::root("organizations")
}

fn org(organization_id: &str) -> Result<Path, PathError> {
  orgs().id("organizationId", organization_id)
}

pub fn list_organizations(q: ListOrganizationsQuery) -> Request {
  Request::new("listOrganizations", Method::GET, orgs())
    .query_opt("limit", q.limit.map(|v| v.to_string()))
    .query_opt("offset", q.offset.map(|v| v.to_string()))
    .query_opt("sort_key", q.sort_key)
    .query_opt("sort_order", q.sort_order)
    .query_opt("search", q.search)
}

pub fn get_organization(organization_id: &str) -> Result<Request, Error> {
  Ok(Request::new(
    "getOrganization",
    Method::GET,
    org(organization_id)?,
  ))
}

pub fn create_organization(form: EntityForm) -> Request {
  Request::new("createOrganization", Method::POST, orgs())
    .body(Body::Form(form.into_form("organization_image")))
    .creates()
}

pub fn update_organization(organization_id: &str, form: EntityForm) -> Result<Request, Error> {
  Ok(
    Request::new("updateOrganization", Method::PATCH, org(organization_id)?)
      .body(Body::Form(form.into_form("organization_image"))),
  )
}

pub fn delete_organization(organization_id: &str) -> Result<Request, Error> {
  Ok(Request::new("deleteOrganization", Method::DELETE, org(organization_id)?).void())
}

pub fn list_organization_members(
  organization_id: &str,
  q: ListMembersQuery,
) -> Result<Request, Error> {
  Ok(
    Request::new(
      "listOrganizationMembers",
      Method::GET,
      org(organization_id)?.lit("members"),
    )
    .query_opt("limit", q.limit.map(|v| v.to_string()))
    .query_opt("offset", q.offset.map(|v| v.to_string()))
    .query_opt("search", q.search)
    .query_opt("sort_key", q.sort_key)
    .query_opt("sort_order", q.sort_order),
  )
}

pub fn add_organization_member(organization_id: &str, json: String) -> Result<Request, Error> {
  let path = org(organization_id)?.lit("members");
  Ok(
    Request::new("addOrganizationMember", Method::POST, path)
      .body(Body::Json(json))
      .creates(),
  )
}

pub fn update_organization_member(
  organization_id: &str,
  member_id: &str,
  json: String,
) -> Result<Request, Error> {
  let path = org(organization_id)?
    .lit("members")
    .id("memberId", member_id)?;
  Ok(
    Request::new("updateOrganizationMember", Method::PATCH, path)
      .body(Body::Json(json))
      .void(),
  )
}

pub fn remove_organization_member(
  organization_id: &str,
  member_id: &str,
) -> Result<Request, Error> {
  let path = org(organization_id)?
    .lit("members")
    .id("memberId", member_id)?;
  Ok(Request::new("removeOrganizationMember", Method::DELETE, path).void())
}

pub fn list_organization_roles(organization_id: &str) -> Result<Request, Error> {
  Ok(Request::new(
    "listOrganizationRoles",
    Method::GET,
    org(organization_id)?.lit("roles"),
  ))
}

pub fn create_organization_role(organization_id: &str, json: String) -> Result<Request, Error> {
  let path = org(organization_id)?.lit("roles");
  Ok(
    Request::new("createOrganizationRole", Method::POST, path)
      .body(Body::Json(json))
      .creates(),
  )
}

pub fn update_organization_role(
  organization_id: &str,
  role_id: &str,
  json: String,
) -> Result<Request, Error> {
  let path = org(organization_id)?.lit("roles").id("roleId", role_id)?;
  Ok(Request::new("updateOrganizationRole", Method::PATCH, path).body(Body::Json(json)))
}

pub fn delete_organization_role(organization_id: &str, role_id: &str) -> Result<Request, Error> {
  let path = org(organization_id)?.lit("roles").id("roleId", role_id)?;
  Ok(Request::new("deleteOrganizationRole", Method::DELETE, path).void())
}

fn member_role(
  organization_id: &str,
  membership_id: &str,
  role_id: &str,
) -> Result<Path, PathError> {
  org(organization_id)?
    .lit("members")
    .id("membershipId", membership_id)?
    .lit("roles")
    .id("roleId", role_id)
}

/// Idempotent on the server (`ON CONFLICT DO NOTHING`), so it may be retried.
pub fn assign_organization_member_role(
  organization_id: &str,
  membership_id: &str,
  role_id: &str,
) -> Result<Request, Error> {
  let path = member_role(organization_id, membership_id, role_id)?;
  Ok(Request::new("assignOrganizationMemberRole", Method::POST, path).void())
}

pub fn remove_organization_member_role(
  organization_id: &str,
  membership_id: &str,
  role_id: &str,
) -> Result<Request, Error> {
  let path = member_role(organization_id, membership_id, role_id)?;
  Ok(Request::new("removeOrganizationMemberRole", Method::DELETE, path).void())
}

pub fn create_workspace_for_organization(
  organization_id: &str,
  form: EntityForm,
) -> Result<Request, Error> {
  let path = org(organization_id)?.lit("workspaces");
  Ok(
    Request::new("createWorkspaceForOrganization", Method::POST, path)
      .body(Body::Form(form.into_form("workspace_image")))
      .creates(),
  )
}

pub fn list_organization_invitations(
  organization_id: &str,
  q: ListInvitationsQuery,
) -> Result<Request, Error> {
  Ok(
    Request::new(
      "listOrganizationInvitations",
      Method::GET,
      org(organization_id)?.lit("invitations"),
    )
    .query_opt("workspace_id", q.workspace_id)
    .query_opt("include_deleted", q.include_deleted.map(|b| b.to_string())),
  )
}

pub fn create_organization_invitation(
  organization_id: &str,
  json: String,
) -> Result<Request, Error> {
  let path = org(organization_id)?.lit("invitations");
  Ok(
    Request::new("createOrganizationInvitation", Method::POST, path)
      .body(Body::Json(json))
      .creates(),
  )
}

/// Discarding twice answers 404, so a retry after a lost response may report NotFound.
pub fn discard_organization_invitation(
  organization_id: &str,
  invitation_id: &str,
) -> Result<Request, Error> {
  let path = org(organization_id)?
    .lit("invitations")
    .id("invitationId", invitation_id)?
    .lit("discard");
  Ok(Request::new("discardOrganizationInvitation", Method::POST, path).void())
}

#[cfg(test)]
mod tests {
  use super::*;
  use crate::request::{Expect, Idempotency};

  #[test]
  fn list_queries_follow_the_official_order() {
    let r = list_organizations(ListOrganizationsQuery {
      limit: Some(100),
      offset: Some(5),
      sort_key: Some("name".into()),
      sort_order: Some("asc".into()),
      search: Some("acme corp".into()),
    });
    assert_eq!(
      r.path_and_query(),
      "/organizations?limit=100&offset=5&sort_key=name&sort_order=asc&search=acme+corp"
    );
    let r = list_organization_members(
      "1",
      ListMembersQuery {
        limit: Some(1),
        offset: Some(2),
        search: Some("s".into()),
        sort_key: Some("k".into()),
        sort_order: Some("desc".into()),
      },
    )
    .unwrap();
    assert_eq!(
      r.path_and_query(),
      "/organizations/1/members?limit=1&offset=2&search=s&sort_key=k&sort_order=desc"
    );
    let r = list_organization_invitations(
      "1",
      ListInvitationsQuery {
        workspace_id: Some("9".into()),
        include_deleted: Some(false),
      },
    )
    .unwrap();
    assert_eq!(
      r.path_and_query(),
      "/organizations/1/invitations?workspace_id=9&include_deleted=false"
    );
  }

  #[test]
  fn routes_methods_and_retry_classes() {
    let cases: Vec<(Request, Method, &str, Expect, Idempotency)> = vec![
      (
        get_organization("1").unwrap(),
        Method::GET,
        "/organizations/1",
        Expect::Json,
        Idempotency::Idempotent,
      ),
      (
        delete_organization("1").unwrap(),
        Method::DELETE,
        "/organizations/1",
        Expect::Void,
        Idempotency::Idempotent,
      ),
      (
        add_organization_member("1", "{}".into()).unwrap(),
        Method::POST,
        "/organizations/1/members",
        Expect::Json,
        Idempotency::Create,
      ),
      (
        update_organization_member("1", "2", "{}".into()).unwrap(),
        Method::PATCH,
        "/organizations/1/members/2",
        Expect::Void,
        Idempotency::Idempotent,
      ),
      (
        assign_organization_member_role("1", "2", "3").unwrap(),
        Method::POST,
        "/organizations/1/members/2/roles/3",
        Expect::Void,
        Idempotency::Idempotent,
      ),
      (
        discard_organization_invitation("1", "4").unwrap(),
        Method::POST,
        "/organizations/1/invitations/4/discard",
        Expect::Void,
        Idempotency::Idempotent,
      ),
      (
        create_workspace_for_organization("1", EntityForm::default()).unwrap(),
        Method::POST,
        "/organizations/1/workspaces",
        Expect::Json,
        Idempotency::Create,
      ),
    ];
    for (r, method, path, expect, idem) in cases {
      assert_eq!(
        (
          r.method.clone(),
          r.path_and_query().as_str(),
          r.expect,
          r.idempotency
        ),
        (method, path, expect, idem),
        "{}",
        r.operation
      );
    }
  }

  #[test]
  fn ids_are_checked_and_named() {
    let e = remove_organization_member("1", "..").unwrap_err();
    assert_eq!(e.param.as_deref(), Some("memberId"));
    let e = get_organization("").unwrap_err();
    assert_eq!(e.message, "organizationId must not be empty");
  }
}
