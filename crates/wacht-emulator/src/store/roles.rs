//! Organization roles (deployment-level Admin/Member plus each org's own).

use serde_json::{json, Value};

use super::dto::{NewRole, RoleUpdate};
use super::models::Role;
use super::state::{Kind, State};
use super::views::{self, List, RoleView};
use crate::errors::{ApiError, ApiResult};
use crate::ids::now;

impl State {
  /// Deployment-level roles and the org's own, oldest first.
  pub fn org_roles(&self, org_id: i64) -> Vec<&Role> {
    let mut roles: Vec<&Role> = self
      .roles
      .values()
      .filter(|r| r.organization_id.is_none() || r.organization_id == Some(org_id))
      .collect();
    roles.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
    roles
  }

  /// Resolve the lenient `role` alias: a role id, a stored `key`, or a
  /// case-insensitive name; `org:admin`/`org:member` map to Admin/Member.
  pub fn resolve_role(&self, org_id: i64, alias: &str) -> Option<i64> {
    let alias = alias.trim();
    let roles = self.org_roles(org_id);
    if let Ok(id) = alias.parse::<i64>() {
      if let Some(r) = roles.iter().find(|r| r.id == id) {
        return Some(r.id);
      }
    }
    // The org's own roles win over deployment-level ones with the same key or name.
    let mut ordered = roles.clone();
    ordered.sort_by_key(|r| r.organization_id.is_none());
    if let Some(r) = ordered.iter().find(|r| {
      r.key
        .as_deref()
        .is_some_and(|k| k.eq_ignore_ascii_case(alias))
    }) {
      return Some(r.id);
    }
    let name = match alias.to_ascii_lowercase().as_str() {
      "org:admin" => "admin".to_string(),
      "org:member" => "member".to_string(),
      other => other.to_string(),
    };
    ordered
      .iter()
      .find(|r| r.name.to_lowercase() == name)
      .map(|r| r.id)
  }

  pub fn list_roles(&self, org_id: i64) -> ApiResult<List<RoleView<'_>>> {
    if !self.orgs.contains_key(&org_id) {
      return Err(ApiError::not_found("Organization not found"));
    }
    let data = self
      .org_roles(org_id)
      .into_iter()
      .map(views::role_plain)
      .collect();
    Ok(List {
      data,
      has_more: false,
    })
  }

  pub fn create_role(&mut self, org_id: i64, req: NewRole) -> ApiResult<Value> {
    if !self.orgs.contains_key(&org_id) {
      return Err(ApiError::not_found("Organization not found"));
    }
    if self.name_taken(org_id, &req.name, None) {
      return Err(ApiError::bad_request("Role with this name already exists"));
    }
    let id = self.ids.next();
    let t = now();
    let r = Role {
      id,
      organization_id: Some(org_id),
      created_at: t,
      updated_at: t,
      name: req.name,
      permissions: req.permissions,
      key: req.key,
      description: req.description,
    };
    let v = views::value(views::role(&r, false));
    self.roles.insert(id, r);
    self.touch(Kind::Role, id);
    Ok(v)
  }

  /// A role that belongs to this org (not deployment-level, not another org's).
  fn own_role(&self, org_id: i64, role_id: i64) -> bool {
    self
      .roles
      .get(&role_id)
      .is_some_and(|r| r.organization_id == Some(org_id))
  }

  fn name_taken(&self, org_id: i64, name: &str, except: Option<i64>) -> bool {
    self
      .roles
      .values()
      .any(|r| r.organization_id == Some(org_id) && r.name == name && Some(r.id) != except)
  }

  pub fn update_role(&mut self, org_id: i64, role_id: i64, req: RoleUpdate) -> ApiResult<Value> {
    if req.name.is_none() && req.permissions.is_none() {
      return Err(ApiError::bad_request("No fields to update"));
    }
    if !self.own_role(org_id, role_id) {
      return Err(ApiError::not_found("Organization role not found"));
    }
    if let Some(n) = &req.name {
      if self.name_taken(org_id, n, Some(role_id)) {
        return Err(ApiError::bad_request("Role with this name already exists"));
      }
    }
    let r = self
      .roles
      .get_mut(&role_id)
      .ok_or_else(|| ApiError::not_found("Organization role not found"))?;
    if let Some(n) = req.name {
      r.name = n;
    }
    if let Some(p) = req.permissions {
      r.permissions = p;
    }
    if req.key.is_some() {
      r.key = req.key;
    }
    if req.description.is_some() {
      r.description = req.description;
    }
    r.updated_at = now().max(r.updated_at);
    let v = views::value(views::role(r, false));
    self.touch(Kind::Role, role_id);
    Ok(v)
  }

  pub fn delete_role(&mut self, org_id: i64, role_id: i64) -> ApiResult<Value> {
    if !self.own_role(org_id, role_id) {
      return Err(ApiError::not_found("Organization role not found"));
    }
    self.roles.remove(&role_id);
    self.touch(Kind::Role, role_id);
    // Membership-role links go with the role (FK cascade on the real server).
    let holders: Vec<i64> = self
      .members
      .values()
      .filter(|m| m.role_ids.contains(&role_id))
      .map(|m| m.id)
      .collect();
    for id in holders {
      if let Some(m) = self.members.get_mut(&id) {
        m.role_ids.retain(|r| *r != role_id);
      }
      self.touch(Kind::Member, id);
    }
    Ok(json!({}))
  }
}
