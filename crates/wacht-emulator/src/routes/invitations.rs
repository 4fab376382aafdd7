//! /organizations/{id}/invitations.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Json;

use super::{ok, AppState};
use crate::errors::ApiResult;
use crate::store::dto::{ListInvitationsQuery, NewInvitation};

pub async fn list(
  State(s): State<AppState>,
  Path(org): Path<i64>,
  Query(q): Query<ListInvitationsQuery>,
) -> ApiResult<Response> {
  s.read(|st| ok(st.list_invitations(org, &q)))
}

pub async fn create(
  State(s): State<AppState>,
  Path(org): Path<i64>,
  Json(req): Json<NewInvitation>,
) -> ApiResult<Response> {
  ok(s.write(|st| st.create_invitation(org, req)))
}

pub async fn discard(
  State(s): State<AppState>,
  Path((org, inv)): Path<(i64, i64)>,
) -> ApiResult<Response> {
  ok(s.write(|st| st.discard_invitation(org, inv)))
}
