//! Organization invitations.

use chrono::{Duration, Utc};
use serde_json::{json, Value};

use super::dto::{ListInvitationsQuery, NewInvitation};
use super::models::Invitation;
use super::state::{Kind, State};
use super::views::{self, InvitationView, List};
use crate::errors::{ApiError, ApiResult};
use crate::ids::now;

/// `org.` + 32 random bytes as lowercase hex, the real token format.
fn new_token() -> String {
  let bytes: [u8; 32] = rand::random();
  let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
  format!("org.{hex}")
}

impl State {
  pub fn list_invitations(
    &self,
    org_id: i64,
    q: &ListInvitationsQuery,
  ) -> ApiResult<List<InvitationView<'_>>> {
    // Unknown org: empty list, not 404 (the real query only joins).
    let mut invs: Vec<&Invitation> = self
      .invitations
      .values()
      .filter(|i| i.organization_id == org_id)
      .filter(|i| q.workspace_id.is_none_or(|w| i.workspace_id == Some(w)))
      .filter(|i| q.include_deleted || i.deleted_at.is_none())
      .collect();
    invs.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    let data = invs
      .into_iter()
      .map(|i| {
        views::invitation(
          i,
          i.role_id.and_then(|r| self.roles.get(&r)),
          i.workspace_id.and_then(|w| self.workspaces.get(&w)),
          i.workspace_role_id.and_then(|r| self.roles.get(&r)),
        )
      })
      .collect();
    Ok(List {
      data,
      has_more: false,
    })
  }

  pub fn create_invitation(&mut self, org_id: i64, req: NewInvitation) -> ApiResult<Value> {
    let email = req
      .email
      .as_deref()
      .map(|e| e.trim().to_lowercase())
      .filter(|e| !e.is_empty())
      .ok_or_else(|| ApiError::bad_request("email is required"))?;
    let org_name = self
      .orgs
      .get(&org_id)
      .map(|o| o.name.clone())
      .ok_or_else(|| ApiError::not_found("organization not found"))?;
    if let Some(w) = req.workspace_id {
      let in_org = self.workspaces.get(&w).map(|w| w.organization_id) == Some(org_id);
      if !in_org {
        return Err(ApiError::bad_request(
          "workspace does not belong to this organization",
        ));
      }
    }
    if let Some(r) = req.role_id {
      if self.role_in_org(org_id, r).is_none() {
        return Err(ApiError::not_found("Related resource not found"));
      }
    }
    let t = now();
    let pending = self.invitations.values().any(|i| {
      i.organization_id == org_id
        && i.email == email
        && i.deleted_at.is_none()
        && i.expiry.is_none_or(|e| e > Utc::now())
    });
    if pending {
      return Err(ApiError::conflict(
        "an invitation for this email is already pending",
      ));
    }
    let is_member = self.members.values().any(|m| {
      m.organization_id == org_id
        && self
          .users
          .get(&m.user_id)
          .and_then(|u| u.email.as_deref())
          .is_some_and(|e| e.eq_ignore_ascii_case(&email))
    });
    if is_member {
      return Err(ApiError::conflict(
        "this email already belongs to a member of the organization",
      ));
    }
    let days = req.expiry_days.unwrap_or(10);
    let id = self.ids.next();
    let inv = Invitation {
      id,
      organization_id: org_id,
      created_at: t,
      updated_at: t,
      email,
      role_id: req.role_id,
      workspace_id: req.workspace_id,
      workspace_role_id: req.workspace_role_id,
      expiry: t.checked_add_signed(Duration::days(days.clamp(-100_000, 100_000))),
      token: new_token(),
      deleted_at: None,
    };
    let v = views::value(views::invitation_summary(&inv, &org_name));
    self.invitations.insert(id, inv);
    self.touch(Kind::Invitation, id);
    Ok(v)
  }

  pub fn discard_invitation(&mut self, org_id: i64, inv_id: i64) -> ApiResult<Value> {
    // Discarding twice is a 404: the real update filters `deleted_at IS NULL`.
    let inv = self
      .invitations
      .get_mut(&inv_id)
      .filter(|i| i.organization_id == org_id && i.deleted_at.is_none())
      .ok_or_else(|| ApiError::not_found("invitation not found"))?;
    let t = now();
    inv.deleted_at = Some(t);
    inv.updated_at = t.max(inv.updated_at);
    self.touch(Kind::Invitation, inv_id);
    Ok(json!({}))
  }
}
