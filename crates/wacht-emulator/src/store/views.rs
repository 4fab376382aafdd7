//! Wire shapes. Key order is the real server's struct field order (wire-spec §2.1),
//! which `serde_json`'s `preserve_order` keeps.

use chrono::Utc;
use serde_json::{json, Value};

use super::models::*;
use crate::ids::ts;

pub fn id(v: i64) -> Value {
  Value::String(v.to_string())
}

fn opt_id(v: Option<i64>) -> Value {
  v.map(id).unwrap_or(Value::Null)
}

pub fn organization(o: &Organization, member_count: i64) -> Value {
  json!({
    "id": id(o.id),
    "created_at": ts(&o.created_at),
    "updated_at": ts(&o.updated_at),
    "name": o.name,
    "image_url": o.image_url,
    "description": o.description,
    "member_count": member_count,
    "public_metadata": o.public_metadata,
    "private_metadata": o.private_metadata,
  })
}

pub fn workspace(w: &Workspace) -> Value {
  json!({
    "id": id(w.id),
    "created_at": ts(&w.created_at),
    "updated_at": ts(&w.updated_at),
    "name": w.name,
    "image_url": w.image_url,
    "description": w.description,
    // Workspace memberships are not emulated.
    "member_count": 0,
    "public_metadata": w.public_metadata,
    "private_metadata": w.private_metadata,
  })
}

/// `deployment_level` is passed in because the add-member response reports `false`
/// for every role (a real-server quirk, wire-spec §2.1).
pub fn role(r: &Role, deployment_level: bool) -> Value {
  json!({
    "id": id(r.id),
    "created_at": ts(&r.created_at),
    "updated_at": ts(&r.updated_at),
    "name": r.name,
    "permissions": r.permissions,
    "is_deployment_level": deployment_level,
  })
}

pub fn role_plain(r: &Role) -> Value {
  role(r, r.organization_id.is_none())
}

/// `add_response`: the add-member response shape (all roles non-deployment, empty username → null).
pub fn member(m: &Member, u: &User, roles: &[&Role], add_response: bool) -> Value {
  let roles: Vec<Value> = roles
    .iter()
    .map(|r| role(r, !add_response && r.organization_id.is_none()))
    .collect();
  let username = match &u.username {
    Some(s) if add_response && s.is_empty() => Value::Null,
    Some(s) => Value::String(s.clone()),
    None => Value::Null,
  };
  json!({
    "id": id(m.id),
    "created_at": ts(&m.created_at),
    "updated_at": ts(&m.updated_at),
    "organization_id": id(m.organization_id),
    "user_id": id(m.user_id),
    "roles": roles,
    "public_metadata": m.public_metadata,
    "first_name": u.first_name,
    "last_name": u.last_name,
    "username": username,
    "primary_email_address": u.email,
    "primary_phone_number": u.phone,
    "user_created_at": ts(&u.created_at),
  })
}

pub fn invitation(
  i: &Invitation,
  role: Option<&Role>,
  workspace: Option<&Workspace>,
  workspace_role: Option<&Role>,
) -> Value {
  let expired = i.expiry.is_some_and(|e| e <= Utc::now());
  json!({
    "id": id(i.id),
    "created_at": ts(&i.created_at),
    "updated_at": ts(&i.updated_at),
    "organization_id": id(i.organization_id),
    "email": i.email,
    "initial_organization_role_id": opt_id(i.role_id),
    "initial_organization_role_name": role.map(|r| r.name.clone()),
    "inviter_id": Value::Null,
    "workspace_id": opt_id(i.workspace_id),
    "workspace_name": workspace.map(|w| w.name.clone()),
    "initial_workspace_role_id": opt_id(i.workspace_role_id),
    "initial_workspace_role_name": workspace_role.map(|r| r.name.clone()),
    "expired": expired,
    "expiry": i.expiry.as_ref().map(ts),
    "token": i.token,
  })
}

pub fn invitation_summary(i: &Invitation, org_name: &str) -> Value {
  json!({
    "id": id(i.id),
    "token": i.token,
    "email": i.email,
    "organization_id": id(i.organization_id),
    "organization_name": org_name,
    "workspace_id": opt_id(i.workspace_id),
  })
}

/// Users are not part of the organizations API; this is the emulator's admin shape.
pub fn user(u: &User) -> Value {
  json!({
    "id": id(u.id),
    "created_at": ts(&u.created_at),
    "updated_at": ts(&u.updated_at),
    "first_name": u.first_name,
    "last_name": u.last_name,
    "username": u.username,
    "primary_email_address": u.email,
    "primary_phone_number": u.phone,
  })
}
