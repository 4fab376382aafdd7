//! Organization memberships and their roles.

use std::cmp::Ordering;

use serde_json::{json, Value};

use super::dto::{AddMember, ListMembersQuery, UpdateMember};
use super::listing::{cmp_nullable, ilike_contains, paginate};
use super::models::{Member, Role, User};
use super::state::{Kind, State};
use super::views::{self, MemberView, Page};
use crate::errors::{ApiError, ApiResult};
use crate::ids::now;

const MEMBERSHIP_NOT_FOUND: &str = "Organization membership not found";

impl State {
  fn member_roles(&self, m: &Member) -> Vec<&Role> {
    m.role_ids
      .iter()
      .filter_map(|r| self.roles.get(r))
      .collect()
  }

  /// What the real search index holds for a user: lowercased names, username, email, phone.
  fn search_text(u: &User) -> String {
    let mut parts = vec![u.first_name.clone(), u.last_name.clone()];
    parts.extend(u.username.clone());
    parts.extend(u.email.clone());
    if let Some(p) = &u.phone {
      parts.push(p.clone());
      parts.push(p.trim_start_matches('+').to_string());
    }
    parts.join(" ").to_lowercase()
  }

  pub fn list_members(&self, org_id: i64, q: &ListMembersQuery) -> ApiResult<Page<MemberView<'_>>> {
    let limit = q.limit.unwrap_or(20);
    let offset = q.offset.unwrap_or(0);
    let term = q
      .search
      .as_deref()
      .map(str::trim)
      .filter(|t| !t.is_empty())
      .map(str::to_lowercase);
    // No org check: an unknown org is just an empty list (faithful to the real server).
    let mut rows: Vec<(&Member, &User)> = self
      .members
      .values()
      .filter(|m| m.organization_id == org_id)
      .filter_map(|m| self.users.get(&m.user_id).map(|u| (m, u)))
      .filter(|(_, u)| {
        term
          .as_ref()
          .is_none_or(|t| ilike_contains(&Self::search_text(u), t))
      })
      .collect();
    let asc = q.sort_order.as_deref() == Some("asc");
    let key = q.sort_key.as_deref().unwrap_or("created_at");
    rows.sort_by(|(ma, ua), (mb, ub)| {
      let o = match key {
        "first_name" => ua.first_name.cmp(&ub.first_name),
        "last_name" => ua.last_name.cmp(&ub.last_name),
        "email" => cmp_nullable(ua.email.as_deref(), ub.email.as_deref()),
        "username" => cmp_nullable(ua.username.as_deref(), ub.username.as_deref()),
        _ => Ordering::Equal,
      }
      .then(ma.created_at.cmp(&mb.created_at))
      .then(ma.id.cmp(&mb.id));
      if asc {
        o
      } else {
        o.reverse()
      }
    });
    let (page, has_more) = paginate(rows, limit, offset)?;
    let data = page
      .into_iter()
      .map(|(m, u)| views::member(m, u, &self.member_roles(m), false))
      .collect();
    Ok(Page {
      data,
      has_more,
      limit,
      offset,
    })
  }

  /// Roles from `role_ids` (canonical) or the lenient `role` alias; `None` if neither was given.
  fn wanted_roles(
    &self,
    org_id: i64,
    role_ids: Option<Vec<i64>>,
    role: Option<&str>,
  ) -> ApiResult<Option<Vec<i64>>> {
    let ids = match (role_ids, role) {
      (Some(ids), _) => ids,
      (None, Some(alias)) => match self.resolve_role(org_id, alias) {
        Some(id) => vec![id],
        None => return Err(ApiError::not_found("Related resource not found")),
      },
      (None, None) => return Ok(None),
    };
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
      if self.role_in_org(org_id, id).is_none() {
        return Err(ApiError::not_found("Related resource not found"));
      }
      if !out.contains(&id) {
        out.push(id);
      }
    }
    Ok(Some(out))
  }

  pub fn add_member(&mut self, org_id: i64, req: AddMember) -> ApiResult<Value> {
    if req.role_ids.is_none() && req.role.is_none() {
      return Err(ApiError::unprocessable());
    }
    if !self.users.contains_key(&req.user_id) {
      return Err(ApiError::not_found("User not found"));
    }
    if !self.orgs.contains_key(&org_id) {
      return Err(ApiError::not_found("Organization not found"));
    }
    if self
      .members
      .values()
      .any(|m| m.organization_id == org_id && m.user_id == req.user_id)
    {
      return Err(ApiError::bad_request(
        "User is already a member of this organization",
      ));
    }
    let role_ids = self
      .wanted_roles(org_id, req.role_ids, req.role.as_deref())?
      .unwrap_or_default();
    let id = self.ids.next();
    let t = now();
    let m = Member {
      id,
      organization_id: org_id,
      user_id: req.user_id,
      created_at: t,
      updated_at: t,
      role_ids,
      public_metadata: json!({}),
    };
    let u = &self.users[&req.user_id];
    let v = views::value(views::member(&m, u, &self.member_roles(&m), true));
    self.members.insert(id, m);
    self.touch(Kind::Member, id);
    Ok(v)
  }

  fn member_in_org(&self, org_id: i64, member_id: i64) -> bool {
    self
      .members
      .get(&member_id)
      .is_some_and(|m| m.organization_id == org_id)
  }

  pub fn update_member(
    &mut self,
    org_id: i64,
    member_id: i64,
    req: UpdateMember,
  ) -> ApiResult<Value> {
    if !self.member_in_org(org_id, member_id) {
      return Err(ApiError::not_found(MEMBERSHIP_NOT_FOUND));
    }
    let roles = self.wanted_roles(org_id, req.role_ids, req.role.as_deref())?;
    if roles.is_none() && req.public_metadata.is_none() {
      return Ok(json!({}));
    }
    let m = self
      .members
      .get_mut(&member_id)
      .ok_or_else(|| ApiError::not_found(MEMBERSHIP_NOT_FOUND))?;
    if let Some(r) = roles {
      m.role_ids = r;
    }
    if let Some(meta) = req.public_metadata {
      m.public_metadata = meta;
    }
    m.updated_at = now().max(m.updated_at);
    self.touch(Kind::Member, member_id);
    Ok(json!({}))
  }

  pub fn remove_member(&mut self, org_id: i64, member_id: i64) -> ApiResult<Value> {
    if !self.member_in_org(org_id, member_id) {
      return Err(ApiError::not_found(MEMBERSHIP_NOT_FOUND));
    }
    // The membership's roles go with it (they live on the record).
    self.members.remove(&member_id);
    self.touch(Kind::Member, member_id);
    Ok(json!({}))
  }

  pub fn assign_member_role(
    &mut self,
    org_id: i64,
    member_id: i64,
    role_id: i64,
  ) -> ApiResult<Value> {
    if !self.member_in_org(org_id, member_id) {
      return Err(ApiError::not_found("organization membership not found"));
    }
    if self.role_in_org(org_id, role_id).is_none() {
      return Err(ApiError::not_found("role not found in this organization"));
    }
    if let Some(m) = self.members.get_mut(&member_id) {
      // Idempotent, like ON CONFLICT DO NOTHING.
      if !m.role_ids.contains(&role_id) {
        m.role_ids.push(role_id);
        self.touch(Kind::Member, member_id);
      }
    }
    Ok(json!({}))
  }

  pub fn remove_member_role(
    &mut self,
    org_id: i64,
    member_id: i64,
    role_id: i64,
  ) -> ApiResult<Value> {
    let not_assigned = || ApiError::not_found("role not assigned to this membership");
    let m = self
      .members
      .get_mut(&member_id)
      .filter(|m| m.organization_id == org_id)
      .ok_or_else(not_assigned)?;
    let before = m.role_ids.len();
    m.role_ids.retain(|r| *r != role_id);
    if m.role_ids.len() == before {
      return Err(not_assigned());
    }
    self.touch(Kind::Member, member_id);
    Ok(json!({}))
  }
}
