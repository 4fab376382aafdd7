//! Wire shapes as `Serialize` structs borrowing from the store. Key order is the
//! real server's struct field order (wire-spec §2.1), i.e. the declaration order here.
//! Read paths serialize these straight to bytes; mutations convert them with `value`.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::models::*;
use super::wire::{id, opt_id, opt_ts, ts};

/// A view as a `serde_json::Value` (for responses built inside mutations).
pub fn value(v: impl Serialize) -> Value {
  serde_json::to_value(v).unwrap_or(Value::Null)
}

/// An organization, or a workspace (same shape).
#[derive(Serialize)]
pub struct Entity<'a> {
  #[serde(serialize_with = "id")]
  id: i64,
  #[serde(serialize_with = "ts")]
  created_at: DateTime<Utc>,
  #[serde(serialize_with = "ts")]
  updated_at: DateTime<Utc>,
  name: &'a str,
  image_url: &'a str,
  description: &'a str,
  member_count: i64,
  public_metadata: &'a Value,
  private_metadata: &'a Value,
}

pub fn organization(o: &Organization, member_count: i64) -> Entity<'_> {
  Entity {
    id: o.id,
    created_at: o.created_at,
    updated_at: o.updated_at,
    name: &o.name,
    image_url: &o.image_url,
    description: &o.description,
    member_count,
    public_metadata: &o.public_metadata,
    private_metadata: &o.private_metadata,
  }
}

pub fn workspace(w: &Workspace) -> Entity<'_> {
  Entity {
    id: w.id,
    created_at: w.created_at,
    updated_at: w.updated_at,
    name: &w.name,
    image_url: &w.image_url,
    description: &w.description,
    // Workspace memberships are not emulated.
    member_count: 0,
    public_metadata: &w.public_metadata,
    private_metadata: &w.private_metadata,
  }
}

/// `GET /organizations/{id}`: the organization followed by its roles and workspaces.
#[derive(Serialize)]
pub struct OrgDetails<'a> {
  #[serde(flatten)]
  pub org: Entity<'a>,
  pub roles: Vec<RoleView<'a>>,
  pub workspaces: Vec<Entity<'a>>,
  /// Segments are not emulated; the field is always present.
  pub segments: [(); 0],
}

#[derive(Serialize)]
pub struct RoleView<'a> {
  #[serde(serialize_with = "id")]
  id: i64,
  #[serde(serialize_with = "ts")]
  created_at: DateTime<Utc>,
  #[serde(serialize_with = "ts")]
  updated_at: DateTime<Utc>,
  name: &'a str,
  permissions: &'a [String],
  is_deployment_level: bool,
}

/// `deployment_level` is passed in because the add-member response reports `false`
/// for every role (a real-server quirk, wire-spec §2.1).
pub fn role(r: &Role, deployment_level: bool) -> RoleView<'_> {
  RoleView {
    id: r.id,
    created_at: r.created_at,
    updated_at: r.updated_at,
    name: &r.name,
    permissions: &r.permissions,
    is_deployment_level: deployment_level,
  }
}

pub fn role_plain(r: &Role) -> RoleView<'_> {
  role(r, r.organization_id.is_none())
}

#[derive(Serialize)]
pub struct MemberView<'a> {
  #[serde(serialize_with = "id")]
  id: i64,
  #[serde(serialize_with = "ts")]
  created_at: DateTime<Utc>,
  #[serde(serialize_with = "ts")]
  updated_at: DateTime<Utc>,
  #[serde(serialize_with = "id")]
  organization_id: i64,
  #[serde(serialize_with = "id")]
  user_id: i64,
  roles: Vec<RoleView<'a>>,
  public_metadata: &'a Value,
  first_name: &'a str,
  last_name: &'a str,
  username: Option<&'a str>,
  primary_email_address: Option<&'a str>,
  primary_phone_number: Option<&'a str>,
  #[serde(serialize_with = "ts")]
  user_created_at: DateTime<Utc>,
}

/// `add_response`: the add-member response shape (all roles non-deployment, empty username → null).
pub fn member<'a>(
  m: &'a Member,
  u: &'a User,
  roles: &[&'a Role],
  add_response: bool,
) -> MemberView<'a> {
  MemberView {
    id: m.id,
    created_at: m.created_at,
    updated_at: m.updated_at,
    organization_id: m.organization_id,
    user_id: m.user_id,
    roles: roles
      .iter()
      .map(|r| role(r, !add_response && r.organization_id.is_none()))
      .collect(),
    public_metadata: &m.public_metadata,
    first_name: &u.first_name,
    last_name: &u.last_name,
    username: u
      .username
      .as_deref()
      .filter(|s| !(add_response && s.is_empty())),
    primary_email_address: u.email.as_deref(),
    primary_phone_number: u.phone.as_deref(),
    user_created_at: u.created_at,
  }
}

#[derive(Serialize)]
pub struct InvitationView<'a> {
  #[serde(serialize_with = "id")]
  id: i64,
  #[serde(serialize_with = "ts")]
  created_at: DateTime<Utc>,
  #[serde(serialize_with = "ts")]
  updated_at: DateTime<Utc>,
  #[serde(serialize_with = "id")]
  organization_id: i64,
  email: &'a str,
  #[serde(serialize_with = "opt_id")]
  initial_organization_role_id: Option<i64>,
  initial_organization_role_name: Option<&'a str>,
  /// Always null: the API key has no user.
  inviter_id: (),
  #[serde(serialize_with = "opt_id")]
  workspace_id: Option<i64>,
  workspace_name: Option<&'a str>,
  #[serde(serialize_with = "opt_id")]
  initial_workspace_role_id: Option<i64>,
  initial_workspace_role_name: Option<&'a str>,
  expired: bool,
  #[serde(serialize_with = "opt_ts")]
  expiry: Option<DateTime<Utc>>,
  token: &'a str,
}

pub fn invitation<'a>(
  i: &'a Invitation,
  role: Option<&'a Role>,
  workspace: Option<&'a Workspace>,
  workspace_role: Option<&'a Role>,
) -> InvitationView<'a> {
  InvitationView {
    id: i.id,
    created_at: i.created_at,
    updated_at: i.updated_at,
    organization_id: i.organization_id,
    email: &i.email,
    initial_organization_role_id: i.role_id,
    initial_organization_role_name: role.map(|r| r.name.as_str()),
    inviter_id: (),
    workspace_id: i.workspace_id,
    workspace_name: workspace.map(|w| w.name.as_str()),
    initial_workspace_role_id: i.workspace_role_id,
    initial_workspace_role_name: workspace_role.map(|r| r.name.as_str()),
    expired: i.expiry.is_some_and(|e| e <= Utc::now()),
    expiry: i.expiry,
    token: &i.token,
  }
}

#[derive(Serialize)]
pub struct InvitationSummary<'a> {
  #[serde(serialize_with = "id")]
  id: i64,
  token: &'a str,
  email: &'a str,
  #[serde(serialize_with = "id")]
  organization_id: i64,
  organization_name: &'a str,
  #[serde(serialize_with = "opt_id")]
  workspace_id: Option<i64>,
}

pub fn invitation_summary<'a>(i: &'a Invitation, org_name: &'a str) -> InvitationSummary<'a> {
  InvitationSummary {
    id: i.id,
    token: &i.token,
    email: &i.email,
    organization_id: i.organization_id,
    organization_name: org_name,
    workspace_id: i.workspace_id,
  }
}

/// Users are not part of the organizations API; this is the emulator's admin shape.
#[derive(Serialize)]
pub struct UserView<'a> {
  #[serde(serialize_with = "id")]
  id: i64,
  #[serde(serialize_with = "ts")]
  created_at: DateTime<Utc>,
  #[serde(serialize_with = "ts")]
  updated_at: DateTime<Utc>,
  first_name: &'a str,
  last_name: &'a str,
  username: Option<&'a str>,
  primary_email_address: Option<&'a str>,
  primary_phone_number: Option<&'a str>,
}

pub fn user(u: &User) -> UserView<'_> {
  UserView {
    id: u.id,
    created_at: u.created_at,
    updated_at: u.updated_at,
    first_name: &u.first_name,
    last_name: &u.last_name,
    username: u.username.as_deref(),
    primary_email_address: u.email.as_deref(),
    primary_phone_number: u.phone.as_deref(),
  }
}

/// A paginated list: `{"data":[...],"has_more":..,"limit":..,"offset":..}`.
#[derive(Serialize)]
pub struct Page<T> {
  pub data: Vec<T>,
  pub has_more: bool,
  pub limit: i32,
  pub offset: i64,
}

/// An unpaginated list: `{"data":[...],"has_more":false}`.
#[derive(Serialize)]
pub struct List<T> {
  pub data: Vec<T>,
  pub has_more: bool,
}
