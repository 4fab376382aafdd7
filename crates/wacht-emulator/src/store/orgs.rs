//! Organizations and workspaces.

use std::collections::HashMap;

use serde_json::{json, Value};

use super::dto::{EntityInput, ListOrgsQuery};
use super::listing::{ilike_contains, paginate};
use super::models::{Organization, Workspace};
use super::state::{Kind, State};
use super::views::{self, Entity, OrgDetails, Page};
use crate::errors::{ApiError, ApiResult};
use crate::ids::now;

/// Where uploaded images "live". Nothing is stored; the URL just has the real layout.
const CDN: &str = "https://cdn.wacht.emulator/deployments/1";

impl State {
  pub fn list_orgs(&self, q: &ListOrgsQuery) -> ApiResult<Page<Entity<'_>>> {
    let limit = q.limit.unwrap_or(10);
    let offset = q.offset.unwrap_or(0);
    let term = q
      .search
      .as_deref()
      .map(str::trim)
      .filter(|t| !t.is_empty())
      .map(str::to_lowercase);
    let mut counts: HashMap<i64, i64> = HashMap::new();
    for m in self.members.values() {
      *counts.entry(m.organization_id).or_default() += 1;
    }
    let count = |id: i64| counts.get(&id).copied().unwrap_or(0);
    let mut orgs: Vec<&Organization> = self
      .orgs
      .values()
      .filter(|o| term.as_ref().is_none_or(|t| ilike_contains(&o.name, t)))
      .collect();
    let key = q.sort_key.as_deref().unwrap_or("created_at");
    let asc = q
      .sort_order
      .as_deref()
      .is_some_and(|s| s.eq_ignore_ascii_case("asc"));
    orgs.sort_by(|a, b| {
      let o = match key {
        "name" => a.name.cmp(&b.name),
        "member_count" => count(a.id).cmp(&count(b.id)),
        "updated_at" => a.updated_at.cmp(&b.updated_at),
        _ => a.created_at.cmp(&b.created_at),
      }
      .then(a.id.cmp(&b.id));
      if asc {
        o
      } else {
        o.reverse()
      }
    });
    let (page, has_more) = paginate(orgs, limit, offset)?;
    let data = page
      .into_iter()
      .map(|o| views::organization(o, count(o.id)))
      .collect();
    Ok(Page {
      data,
      has_more,
      limit,
      offset,
    })
  }

  pub fn org_json(&self, o: &Organization) -> Value {
    views::value(views::organization(o, self.member_count(o.id)))
  }

  pub fn get_org_details(&self, id: i64) -> ApiResult<OrgDetails<'_>> {
    let o = self
      .orgs
      .get(&id)
      .ok_or_else(|| ApiError::not_found("Organization not found"))?;
    let roles = self
      .org_roles(id)
      .into_iter()
      .map(views::role_plain)
      .collect();
    let mut ws: Vec<&Workspace> = self
      .workspaces
      .values()
      .filter(|w| w.organization_id == id)
      .collect();
    ws.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    Ok(OrgDetails {
      org: views::organization(o, self.member_count(id)),
      roles,
      workspaces: ws.into_iter().map(views::workspace).collect(),
      segments: [],
    })
  }

  pub fn create_org(&mut self, input: EntityInput) -> ApiResult<Value> {
    let name = input
      .name
      .ok_or_else(|| ApiError::bad_request("Organization name is required"))?;
    let id = self.ids.next();
    let t = now();
    let o = Organization {
      id,
      created_at: t,
      updated_at: t,
      name,
      image_url: input
        .image_ext
        .map(|ext| format!("{CDN}/organizations/{id}/logo.{ext}"))
        .unwrap_or_default(),
      description: input.description.unwrap_or_default(),
      public_metadata: input.public_metadata.unwrap_or_else(|| json!({})),
      private_metadata: input.private_metadata.unwrap_or_else(|| json!({})),
    };
    let v = self.org_json(&o);
    self.orgs.insert(id, o);
    self.touch(Kind::Org, id);
    Ok(v)
  }

  pub fn update_org(&mut self, id: i64, input: EntityInput) -> ApiResult<Value> {
    if input.is_empty() {
      return Err(ApiError::bad_request("No fields to update"));
    }
    let o = self
      .orgs
      .get_mut(&id)
      .ok_or_else(|| ApiError::not_found("Resource not found"))?;
    if let Some(n) = input.name {
      o.name = n;
    }
    if let Some(d) = input.description {
      o.description = d;
    }
    // Metadata is replaced wholesale, never merged.
    if let Some(m) = input.public_metadata {
      o.public_metadata = m;
    }
    if let Some(m) = input.private_metadata {
      o.private_metadata = m;
    }
    if input.remove_image {
      o.image_url = String::new();
    }
    if let Some(ext) = input.image_ext {
      o.image_url = format!("{CDN}/organizations/{id}/logo.{ext}");
    }
    o.updated_at = now().max(o.updated_at);
    let o = o.clone();
    self.touch(Kind::Org, id);
    Ok(self.org_json(&o))
  }

  /// Hard delete with the cascade of wire-spec §3.10.
  pub fn delete_org(&mut self, id: i64) -> ApiResult<Value> {
    if self.orgs.remove(&id).is_none() {
      return Err(ApiError::not_found("Organization not found"));
    }
    self.touch(Kind::Org, id);
    let ws: Vec<i64> = ids_where(&self.workspaces, |w| w.organization_id == id);
    let roles: Vec<i64> = ids_where(&self.roles, |r| r.organization_id == Some(id));
    let members: Vec<i64> = ids_where(&self.members, |m| m.organization_id == id);
    let invs: Vec<i64> = ids_where(&self.invitations, |i| i.organization_id == id);
    for w in ws {
      self.workspaces.remove(&w);
      self.touch(Kind::Workspace, w);
    }
    for r in roles {
      self.roles.remove(&r);
      self.touch(Kind::Role, r);
    }
    for m in members {
      self.members.remove(&m);
      self.touch(Kind::Member, m);
    }
    for i in invs {
      self.invitations.remove(&i);
      self.touch(Kind::Invitation, i);
    }
    Ok(json!({}))
  }

  pub fn create_workspace(&mut self, org_id: i64, input: EntityInput) -> ApiResult<Value> {
    let name = input
      .name
      .ok_or_else(|| ApiError::bad_request("Workspace name is required"))?;
    if !self.orgs.contains_key(&org_id) {
      // The real insert fails on the foreign key.
      return Err(ApiError::not_found("Related resource not found"));
    }
    let id = self.ids.next();
    let t = now();
    let w = Workspace {
      id,
      organization_id: org_id,
      created_at: t,
      updated_at: t,
      name,
      image_url: input
        .image_ext
        .map(|ext| format!("{CDN}/workspaces/{id}/logo.{ext}"))
        .unwrap_or_default(),
      description: input.description.unwrap_or_default(),
      public_metadata: input.public_metadata.unwrap_or_else(|| json!({})),
      private_metadata: input.private_metadata.unwrap_or_else(|| json!({})),
    };
    let v = views::value(views::workspace(&w));
    self.workspaces.insert(id, w);
    self.touch(Kind::Workspace, id);
    Ok(v)
  }
}

fn ids_where<T>(map: &std::collections::BTreeMap<i64, T>, f: impl Fn(&T) -> bool) -> Vec<i64> {
  map.iter().filter(|(_, v)| f(v)).map(|(k, _)| *k).collect()
}
